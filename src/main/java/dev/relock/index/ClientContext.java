package dev.relock.index;

import dev.relock.cache.Cache;
import java.time.Clock;

/** What the fetchers of one {@link IndexClient} share. */
record ClientContext(HttpTransport transport, Cache cache, boolean offline, IndexLog log, Clock clock, CpuGate cpu) {}
