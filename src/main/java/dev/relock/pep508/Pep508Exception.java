package dev.relock.pep508;

import dev.relock.common.InputSpanException;

/**
 * A dependency specifier or environment marker that does not follow PEP 508.
 *
 * <p>Carries the whole input and the span {@code [offset, offset + length)} the parser was looking
 * at, so callers can point at the problem: {@link #getMessage()} is one line ({@code reason at
 * column N}); {@link #caretDisplay()} adds the input and an underline for verbose output. Callers
 * that know more context (file, line) can rebuild their own message from {@link #reason()} and
 * {@link #column()}.
 */
public final class Pep508Exception extends InputSpanException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason what is wrong, without position (for example {@code "Expected URL after @"})
     * @param input the complete text that was parsed
     * @param offset start of the offending span, {@code 0 <= offset <= input.length()}
     * @param length length of the span, may be 0 (a position between characters)
     */
    public Pep508Exception(String reason, String input, int offset, int length) {
        super(reason + " at column " + (offset + 1), input, offset, length);
        this.reason = reason;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
