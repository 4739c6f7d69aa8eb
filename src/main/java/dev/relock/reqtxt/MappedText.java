package dev.relock.reqtxt;

import java.util.Arrays;
import java.util.List;

/**
 * Text assembled from one or more physical lines that remembers, for every char, the physical
 * line and code-point column it came from, so that errors found after joining continuations,
 * removing comments and expanding variables still point into the original file.
 */
final class MappedText {
    private final String text;
    private final int[] lines;
    private final int[] columns;
    /** Where a position just past the end maps to. */
    private final int endLine;
    private final int endColumn;

    private MappedText(String text, int[] lines, int[] columns, int endLine, int endColumn) {
        this.text = text;
        this.lines = lines;
        this.columns = columns;
        this.endLine = endLine;
        this.endColumn = endColumn;
    }

    /** One physical line, numbered {@code lineNumber}, columns counted in code points from 1. */
    static MappedText ofLine(String line, int lineNumber) {
        int[] ls = new int[line.length()];
        int[] cs = new int[line.length()];
        int column = 1;
        for (int i = 0; i < line.length(); i++) {
            ls[i] = lineNumber;
            cs[i] = column;
            if (!Character.isHighSurrogate(line.charAt(i))) {
                column++;
            }
        }
        return new MappedText(line, ls, cs, lineNumber, column);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    /** The physical line of char {@code index} ({@code index == length()} means just past the end). */
    int lineAt(int index) {
        return index < lines.length ? lines[index] : endLine;
    }

    /** The code-point column of char {@code index} ({@code index == length()} means just past the end). */
    int columnAt(int index) {
        return index < columns.length ? columns[index] : endColumn;
    }

    MappedText substring(int from, int to) {
        int endL = to < lines.length ? lines[to] : endLine;
        int endC = to < columns.length ? columns[to] : endColumn;
        return new MappedText(text.substring(from, to), Arrays.copyOfRange(lines, from, to),
                Arrays.copyOfRange(columns, from, to), endL, endC);
    }

    MappedText substring(int from) {
        return substring(from, text.length());
    }

    MappedText concat(MappedText other) {
        int[] ls = Arrays.copyOf(lines, lines.length + other.lines.length);
        int[] cs = Arrays.copyOf(columns, columns.length + other.columns.length);
        System.arraycopy(other.lines, 0, ls, lines.length, other.lines.length);
        System.arraycopy(other.columns, 0, cs, columns.length, other.columns.length);
        return new MappedText(text + other.text, ls, cs, other.endLine, other.endColumn);
    }

    /** {@code parts} one after the other, copied once (a chain of {@link #concat} copies quadratically). */
    static MappedText join(List<MappedText> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (MappedText part : parts) {
            n += part.text.length();
        }
        StringBuilder text = new StringBuilder(n);
        int[] ls = new int[n];
        int[] cs = new int[n];
        int at = 0;
        for (MappedText part : parts) {
            text.append(part.text);
            System.arraycopy(part.lines, 0, ls, at, part.lines.length);
            System.arraycopy(part.columns, 0, cs, at, part.columns.length);
            at += part.lines.length;
        }
        MappedText last = parts.get(parts.size() - 1);
        return new MappedText(text.toString(), ls, cs, last.endLine, last.endColumn);
    }

    /**
     * Replaces chars {@code [from, to)} with {@code replacement}, every char of which maps to the
     * position of char {@code from}.
     */
    MappedText replace(int from, int to, String replacement) {
        int n = text.length() - (to - from) + replacement.length();
        int[] ls = new int[n];
        int[] cs = new int[n];
        System.arraycopy(lines, 0, ls, 0, from);
        System.arraycopy(columns, 0, cs, 0, from);
        Arrays.fill(ls, from, from + replacement.length(), lineAt(from));
        Arrays.fill(cs, from, from + replacement.length(), columnAt(from));
        System.arraycopy(lines, to, ls, from + replacement.length(), text.length() - to);
        System.arraycopy(columns, to, cs, from + replacement.length(), text.length() - to);
        return new MappedText(text.substring(0, from) + replacement + text.substring(to), ls, cs, endLine,
                endColumn);
    }

    /** Removes leading and trailing whitespace. */
    MappedText strip() {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return substring(from, to);
    }
}
