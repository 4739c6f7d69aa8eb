package dev.relock.common;

/**
 * Text that failed to parse, with the span of the offending part, so that whoever knows more
 * context (a file and line) can point at the exact column. Every parser of a standard throws a
 * subclass of this.
 */
public abstract class InputSpanException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;
    private final int length;

    /**
     * @param message the one-line message
     * @param input the complete text that was parsed
     * @param offset zero-based start of the offending span, {@code 0 <= offset <= input.length()}
     * @param length length of the span; 0 for a position between characters (a missing token)
     */
    protected InputSpanException(String message, String input, int offset, int length) {
        super(Kind.BAD_INPUT, message);
        if (offset < 0 || length < 0 || offset + length > input.length()) {
            throw new IllegalArgumentException(
                    "span " + offset + "+" + length + " outside input of length " + input.length());
        }
        this.input = input;
        this.offset = offset;
        this.length = length;
    }

    /** The complete text that failed to parse, as given. */
    public final String input() {
        return input;
    }

    /** Zero-based start of the offending span in {@link #input()}. */
    public final int offset() {
        return offset;
    }

    /** Length of the offending span; 0 when the problem is a position (such as a missing token). */
    public final int length() {
        return length;
    }

    /** One-based column of {@link #offset()}. */
    public final int column() {
        return offset + 1;
    }

    /**
     * The input on one line and, below it, {@code ^} under the start of the span and {@code ~}
     * under the rest, for verbose output. Tabs are kept in the indentation so it lines up.
     */
    public final String caretDisplay() {
        StringBuilder underline = new StringBuilder();
        for (int i = 0; i < offset; i++) {
            underline.append(input.charAt(i) == '\t' ? '\t' : ' ');
        }
        underline.append('^').append("~".repeat(Math.max(0, length - 1)));
        return input + "\n" + underline;
    }
}
