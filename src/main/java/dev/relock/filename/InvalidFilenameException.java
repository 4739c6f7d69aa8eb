package dev.relock.filename;

import dev.relock.common.RelockException;

/** A file name that is not a valid wheel or source distribution name; names the file and the reason. */
public final class InvalidFilenameException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String filename;
    private final String reason;

    /** An error about {@code filename}, explained by {@code reason}. */
    public InvalidFilenameException(String filename, String reason) {
        super(Kind.BAD_INPUT, "invalid distribution filename '" + filename + "': " + reason);
        this.filename = filename;
        this.reason = reason;
    }

    /** The file name that failed to parse. */
    public String filename() {
        return filename;
    }

    /** Why it failed, without the file name. */
    public String reason() {
        return reason;
    }

    /** The input that failed to parse (the whole file name). */
    public String input() {
        return filename;
    }

    /** Offset of the bad part within {@link #input()}: the whole name is blamed. */
    public int offset() {
        return 0;
    }

    /** Length of the bad part: the whole name. */
    public int length() {
        return filename.length();
    }
}
