package dev.relock.pep508;

import java.util.Optional;

/**
 * Decodes the body of a quoted marker value the way packaging does (it evaluates the token as a
 * Python string literal), so backslash escapes such as {@code \n}, {@code \x41}, {@code \u00e9}
 * and {@code \N{...}} are honoured and a value that ends in a lone backslash is rejected.
 */
final class QuotedString {
    private QuotedString() {
    }

    /** The decoded value of {@code body} (the text between the quotes), or empty if invalid. */
    static Optional<String> decode(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                return Optional.empty();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                return Optional.empty();
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < body.length() && body.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > body.length()) {
                        return Optional.empty();
                    }
                    int codePoint = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = Character.digit(body.charAt(i + k), 16);
                        if (d < 0) {
                            return Optional.empty();
                        }
                        codePoint = codePoint * 16 + d;
                    }
                    if (!Character.isValidCodePoint(codePoint)) {
                        return Optional.empty();
                    }
                    out.appendCodePoint(codePoint);
                    i += digits;
                }
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    if (i >= body.length() || body.charAt(i) != '{' || close < 0) {
                        return Optional.empty();
                    }
                    try {
                        out.appendCodePoint(Character.codePointOf(body.substring(i + 1, close)));
                    } catch (IllegalArgumentException unknownName) {
                        return Optional.empty();
                    }
                    i = close + 1;
                }
                case '\0' -> {
                    return Optional.empty();
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int codePoint = e - '0';
                        for (int k = 0; k < 2 && i < body.length(); k++) {
                            char d = body.charAt(i);
                            if (d < '0' || d > '7') {
                                break;
                            }
                            codePoint = codePoint * 8 + (d - '0');
                            i++;
                        }
                        out.appendCodePoint(codePoint);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return Optional.of(out.toString());
    }
}
