package dev.relock.common;

/**
 * An error relock reports to the user as one line, with a documented exit status.
 *
 * <p>Every layer throws subclasses of this for failures caused by input, the network or the
 * hosting platform. The CLI maps {@link #kind()} to an exit code and prints {@link #getMessage()}
 * alone; anything else that escapes is an internal error. Messages must never contain secrets.
 */
public class RelockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the user's point of view; each kind has one exit code. */
    public enum Kind {
        /** A file, option or argument the user gave is malformed or inconsistent (exit 2). */
        BAD_INPUT,
        /** The requirements have no solution for the target (exit 3). */
        UNRESOLVABLE,
        /** A package index or download failed or answered something unusable (exit 4). */
        NETWORK,
        /** The hosting platform (GitHub) refused or failed a request (exit 5). */
        HOSTING
    }

    private final Kind kind;

    public RelockException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RelockException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
