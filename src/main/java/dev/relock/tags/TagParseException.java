package dev.relock.tags;

import dev.relock.common.RelockException;

/**
 * A wheel tag, Python version or target platform name that could not be understood.
 *
 * <p>Carries the offending {@link #input()} and the {@link #offset()} and {@link #length()} of the
 * bad part within it, so callers can point at the exact spot.
 */
public final class TagParseException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;
    private final int length;

    /** An error about the part of {@code input} starting at {@code offset}, {@code length} chars long. */
    public TagParseException(String input, int offset, int length, String message) {
        super(Kind.BAD_INPUT, message);
        this.input = input;
        this.offset = offset;
        this.length = length;
    }

    /** An error about the whole of {@code input}. */
    public TagParseException(String input, String message) {
        this(input, 0, input.length(), message);
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** Where the bad part starts within {@link #input()}. */
    public int offset() {
        return offset;
    }

    /** How long the bad part is. */
    public int length() {
        return length;
    }
}
