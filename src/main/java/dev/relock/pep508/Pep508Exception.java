package dev.relock.pep508;

import dev.relock.common.RelockException;

/**
 * A dependency specifier or environment marker that does not follow PEP 508.
 *
 * <p>Carries the whole input and the span {@code [offset, offset + length)} the parser was looking
 * at, so callers can point at the problem: {@link #getMessage()} is one line ({@code reason at
 * column N}); {@link #caretDisplay()} adds the input and an underline for verbose output. Callers
 * that know more context (file, line) can rebuild their own message from {@link #reason()} and
 * {@link #column()}.
 */
public final class Pep508Exception extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String input;
    private final int offset;
    private final int length;

    /**
     * @param reason what is wrong, without position (for example {@code "Expected URL after @"})
     * @param input the complete text that was parsed
     * @param offset start of the offending span, {@code 0 <= offset <= input.length()}
     * @param length length of the span, may be 0 (a position between characters)
     */
    public Pep508Exception(String reason, String input, int offset, int length) {
        super(Kind.BAD_INPUT, reason + " at column " + (offset + 1));
        if (offset < 0 || length < 0 || offset + length > input.length()) {
            throw new IllegalArgumentException(
                    "span " + offset + "+" + length + " outside input of length " + input.length());
        }
        this.reason = reason;
        this.input = input;
        this.offset = offset;
        this.length = length;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The complete text that failed to parse. */
    public String input() {
        return input;
    }

    /** Zero-based start of the offending span in {@link #input()}. */
    public int offset() {
        return offset;
    }

    /** Length of the offending span; 0 when the problem is a position (such as a missing token). */
    public int length() {
        return length;
    }

    /** One-based column of {@link #offset()}, as used in the one-line message. */
    public int column() {
        return offset + 1;
    }

    /**
     * The input on one line and, below it, {@code ^} under the start of the span and {@code ~}
     * under the rest of it, for example:
     *
     * <pre>
     * foo (&gt;=1.0
     *     ^~~~~~
     * </pre>
     *
     * Tabs in the input are kept in the underline's indentation so it lines up in a terminal.
     */
    public String caretDisplay() {
        StringBuilder underline = new StringBuilder();
        for (int i = 0; i < offset; i++) {
            underline.append(input.charAt(i) == '\t' ? '\t' : ' ');
        }
        underline.append('^');
        underline.append("~".repeat(Math.max(0, length - 1)));
        return input + "\n" + underline;
    }
}
