package dev.relock.index;

/**
 * Where the index client reports what it skipped or distrusted. Messages are already redacted.
 * Implementations must be thread-safe.
 */
public interface IndexLog {

    /** Details for {@code -vv}: skipped links, cache decisions. */
    void debug(String message);

    /** Something the user should know but that did not fail the command (a bad PEP 658 hash). */
    void warn(String message);

    /** A log that drops everything. */
    static IndexLog silent() {
        return new IndexLog() {
            @Override
            public void debug(String message) {
                // dropped
            }

            @Override
            public void warn(String message) {
                // dropped
            }
        };
    }
}
