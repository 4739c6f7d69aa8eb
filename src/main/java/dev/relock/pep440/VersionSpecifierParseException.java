package dev.relock.pep440;

import dev.relock.common.RelockException;

/**
 * Text that is not a valid PEP 440 version specifier or comma-separated specifier set.
 *
 * <p>Carries the whole rejected input and the offset and length of the bad part within it.
 */
public final class VersionSpecifierParseException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;
    private final int length;

    VersionSpecifierParseException(String input, int offset, int length, String reason) {
        super(Kind.BAD_INPUT, "invalid version specifier '" + input + "': " + reason + " (at offset " + offset + ")");
        this.input = input;
        this.offset = offset;
        this.length = length;
    }

    /** The text that was rejected, as given. */
    public String input() {
        return input;
    }

    /** Zero-based index into {@link #input()} where the bad part starts. */
    public int offset() {
        return offset;
    }

    /** Number of characters the bad part spans (0 when the input ended early). */
    public int length() {
        return length;
    }
}
