package dev.relock.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for plain words, quotes and
 * backslashes (no expansion): single quotes keep everything; in double quotes a backslash escapes
 * only {@code " \ $ `}; outside quotes a backslash escapes the next character.
 */
public final class ShellWords {
    private ShellWords() {}

    /** The words of {@code line}; an unterminated quote runs to the end of the line. */
    public static List<String> split(String line) {
        return split(line, false);
    }

    /** The words of {@code line}; an unterminated quote is an {@link IllegalArgumentException}. */
    public static List<String> splitStrict(String line) {
        return split(line, true);
    }

    private static List<String> split(String line, boolean strict) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (strict && quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
