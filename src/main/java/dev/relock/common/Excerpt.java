package dev.relock.common;

/**
 * Input text as it may be quoted in a message: at most {@link #MAX_CHARS} chars (longer text is
 * cut and ends in an ellipsis) and on one line (control characters become {@code ?}), so that a
 * hostile or mistaken input file can neither flood the output nor break its one-line format.
 */
public final class Excerpt {
    /** The most chars of one input line a message quotes. */
    public static final int MAX_CHARS = 200;

    private Excerpt() {}

    /** {@code text} capped to {@link #MAX_CHARS} chars, control characters replaced. */
    public static String of(String text) {
        boolean cut = text.length() > MAX_CHARS;
        int end = cut ? MAX_CHARS - 1 : text.length();
        if (cut && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return cut ? out.append('…').toString() : out.toString();
    }
}
