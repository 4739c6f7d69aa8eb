package dev.relock.resolve;

/**
 * Progress of a running resolution, for a status line. Called on the resolving thread after each
 * package version whose dependencies were read; must return quickly.
 */
@FunctionalInterface
public interface ResolverListener {
    /** A listener that ignores progress. */
    ResolverListener NONE = progress -> { };

    /** A new progress snapshot. */
    void progress(Progress progress);

    /**
     * A snapshot of a resolution's progress.
     *
     * @param versionsRead package versions whose dependencies have been read
     * @param requestsStarted project pages and metadata files asked of the index client so far
     * @param requestsInFlight those of them not answered yet
     */
    record Progress(int versionsRead, int requestsStarted, int requestsInFlight) {
        /** For example {@code resolved 12 packages, 30 requests in flight}. */
        @Override
        public String toString() {
            return "resolved " + dev.relock.common.Plural.of(versionsRead, "package") + ", "
                    + dev.relock.common.Plural.of(requestsInFlight, "request") + " in flight";
        }
    }
}
