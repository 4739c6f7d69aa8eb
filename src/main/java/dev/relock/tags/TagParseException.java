package dev.relock.tags;

import dev.relock.common.InputSpanException;

/** A wheel tag, Python version or target platform name that could not be understood. */
public final class TagParseException extends InputSpanException {
    private static final long serialVersionUID = 1L;

    /** An error about the part of {@code input} starting at {@code offset}, {@code length} chars long. */
    public TagParseException(String input, int offset, int length, String message) {
        super(message, input, offset, length);
    }

    /** An error about the whole of {@code input}. */
    public TagParseException(String input, String message) {
        this(input, 0, input.length(), message);
    }
}
