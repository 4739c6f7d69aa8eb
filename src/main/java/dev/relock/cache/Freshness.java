package dev.relock.cache;

/** Whether a cached entry may be used without asking the server. */
public enum Freshness {
    /** Within its max-age, or immutable: use it as is. */
    FRESH,
    /** Present but past its max-age: revalidate (If-None-Match / If-Modified-Since) before use. */
    STALE,
    /** Not in the cache (or was corrupt and has been removed). */
    MISSING
}
