package dev.relock.hosting;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the bot may wait out GitHub's rate limits before it gives up: at most {@code maxWaits}
 * waits per run, none longer than {@code maxWait}. A limit that would need more fails the run with
 * a clear message instead of hanging a CI job.
 *
 * @param maxWaits waits allowed per run
 * @param maxWait the longest single wait
 * @param sleeper how to wait (tests pass one that records instead of sleeping)
 */
public record RateLimitPolicy(int maxWaits, Duration maxWait, Sleeper sleeper) {
    /** Waits for real. */
    public static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis());

    /** Three waits of up to two minutes each. */
    public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(3, Duration.ofMinutes(2), REAL_SLEEP);

    public RateLimitPolicy {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(sleeper, "sleeper");
        if (maxWaits < 0) {
            throw new IllegalArgumentException("maxWaits must not be negative");
        }
    }

    /** Sleeps for a duration. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
