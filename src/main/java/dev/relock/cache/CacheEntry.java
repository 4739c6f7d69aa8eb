package dev.relock.cache;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A cached response body with the metadata it was stored with. */
public final class CacheEntry {
    private final CacheMeta meta;
    private final byte[] body;

    public CacheEntry(CacheMeta meta, byte[] body) {
        this(body.clone(), meta);
    }

    /** Takes {@code ownedBody} without copying it. */
    private CacheEntry(byte[] ownedBody, CacheMeta meta) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.body = ownedBody;
    }

    /** An entry that takes {@code body} over without a copy; the caller must not touch it afterwards. */
    static CacheEntry adopt(CacheMeta meta, byte[] body) {
        return new CacheEntry(body, meta);
    }

    public CacheMeta meta() {
        return meta;
    }

    /** A copy of the stored body. */
    public byte[] body() {
        return body.clone();
    }

    /** {@link CacheMeta#freshness(Instant)} of this entry. */
    public Freshness freshness(Instant now) {
        return meta.freshness(now);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheEntry other && meta.equals(other.meta) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * meta.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "CacheEntry[" + meta + ", " + body.length + " bytes]";
    }
}
