package dev.relock.name;

import dev.relock.common.RelockException;

/**
 * A project or extra name that does not follow the PEP 508 name grammar.
 *
 * <p>Carries the rejected input and the offset of the first offending character so callers can
 * point at it.
 */
public final class InvalidNameException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;

    InvalidNameException(String what, String input, int offset, String reason) {
        super(Kind.BAD_INPUT, "invalid " + what + " '" + input + "': " + reason + " (at offset " + offset + ")");
        this.input = input;
        this.offset = offset;
    }

    /** The text that was rejected, as given. */
    public String input() {
        return input;
    }

    /** Zero-based index into {@link #input()} of the first offending character. */
    public int offset() {
        return offset;
    }
}
