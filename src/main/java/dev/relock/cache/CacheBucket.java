package dev.relock.cache;

/**
 * The cache's independent areas. The directory name carries a format version: bumping it
 * orphans the old entries of that bucket only.
 */
public enum CacheBucket {
    /** Simple-API project pages (PEP 503 HTML or PEP 691 JSON), revalidated by ETag. */
    SIMPLE("simple-v1"),
    /** Core metadata (METADATA / PKG-INFO bytes) of distribution files, keyed by URL and hash. */
    METADATA("metadata-v1"),
    /** Whole downloaded distribution files, keyed by their SHA-256. */
    WHEELS("wheels-v1"),
    /** OSV answers: the advisory ids of a pin and advisory records (see {@code advisory.OsvApiSource}). */
    OSV("osv-v1");

    private final String directoryName;

    CacheBucket(String directoryName) {
        this.directoryName = directoryName;
    }

    /** The bucket's directory under the cache root, e.g. {@code simple-v1}. */
    public String directoryName() {
        return directoryName;
    }
}
