package dev.relock.pep440;

import dev.relock.common.RelockException;

/**
 * Text that is not a valid PEP 440 version.
 *
 * <p>Carries the rejected input, the zero-based offset of the first offending character and the
 * length of the offending part, so the CLI can point at it.
 */
public final class VersionParseException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;
    private final int length;

    VersionParseException(String input, int offset, int length, String reason) {
        super(Kind.BAD_INPUT, "invalid version '" + input + "': " + reason + " (at offset " + offset + ")");
        this.input = input;
        this.offset = offset;
        this.length = length;
    }

    /** The text that was rejected, as given. */
    public String input() {
        return input;
    }

    /** Zero-based index into {@link #input()} where the problem starts. */
    public int offset() {
        return offset;
    }

    /** Number of characters of {@link #input()} the problem spans (0 when the input ended early). */
    public int length() {
        return length;
    }
}
