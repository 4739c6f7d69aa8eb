package dev.relock.pep440;

import java.util.Arrays;

/**
 * Hand-written scanner for the PEP 440 version grammar (the same language as packaging's
 * {@code VERSION_PATTERN}, ASCII case-insensitive), working on {@code text[start, end)}.
 *
 * <p>Scanning methods return {@code null} on failure and leave the position, length and reason
 * of the problem in fields, so the non-throwing paths allocate no exception.
 */
final class VersionScanner {
    private static final String[] PRE_WORDS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
    private static final int[] PRE_KIND_OF_WORD = {0, 0, 1, 1, 2, 2, 2, 2};
    private static final String[] POST_WORDS = {"post", "rev", "r"};
    private static final LocalSegment[] NO_LOCAL = new LocalSegment[0];

    private final String text;
    private final int end;
    private int pos;

    /** Where the local label's {@code +} was, or -1. */
    int localOffset = -1;
    /** Where the pre, post or dev part started, or -1 when there is none. */
    int suffixOffset = -1;
    /** Set by {@link #scanSpecifierVersion} when the version ended in {@code .*}. */
    boolean wildcard;

    private int errorOffset;
    private int errorLength;
    private String errorReason;

    VersionScanner(String text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    /** Scans the whole range, allowing surrounding whitespace; null when it is not a version. */
    Version scanWhole() {
        skipWhitespace();
        Version v = scanVersion(false);
        if (v == null) {
            return null;
        }
        skipWhitespace();
        if (pos < end) {
            return unexpected();
        }
        return v;
    }

    /**
     * Scans the whole range (already trimmed) as a specifier's version, which may end in
     * {@code .*} right after the release numbers when {@code allowWildcard}.
     */
    Version scanSpecifierVersion(boolean allowWildcard) {
        Version v = scanVersion(allowWildcard);
        if (v == null) {
            return null;
        }
        if (pos < end) {
            return unexpected();
        }
        return v;
    }

    VersionParseException error(String input, int base) {
        return new VersionParseException(input, errorOffset - base, errorLength, errorReason);
    }

    int errorOffset() {
        return errorOffset;
    }

    int errorLength() {
        return errorLength;
    }

    String errorReason() {
        return errorReason;
    }

    private Version scanVersion(boolean allowWildcard) {
        if (pos < end && (text.charAt(pos) == 'v' || text.charAt(pos) == 'V')) {
            pos++;
        }
        if (!isDigit(at(pos))) {
            return fail(pos, "expected a release number");
        }
        long first = number();
        if (first < 0) {
            return null;
        }
        long epoch = 0;
        if (at(pos) == '!') {
            epoch = first;
            pos++;
            if (!isDigit(at(pos))) {
                return fail(pos, "expected a release number after the epoch");
            }
            first = number();
            if (first < 0) {
                return null;
            }
        }
        long[] release = new long[4];
        release[0] = first;
        int count = 1;
        while (at(pos) == '.' && isDigit(at(pos + 1))) {
            pos++;
            long n = number();
            if (n < 0) {
                return null;
            }
            if (count == release.length) {
                release = Arrays.copyOf(release, count * 2);
            }
            release[count++] = n;
        }
        if (count != release.length) {
            release = Arrays.copyOf(release, count);
        }
        if (allowWildcard && at(pos) == '.' && at(pos + 1) == '*') {
            pos += 2;
            wildcard = true;
            return Version.ofParts(epoch, release, -1, 0, -1, -1, NO_LOCAL);
        }

        int preKind = -1;
        long preNumber = 0;
        int p = isSeparator(at(pos)) ? pos + 1 : pos;
        int word = matchWord(p, PRE_WORDS);
        if (word >= 0) {
            suffixOffset = pos;
            preKind = PRE_KIND_OF_WORD[word];
            p += PRE_WORDS[word].length();
            pos = isSeparator(at(p)) ? p + 1 : p;
            if (isDigit(at(pos))) {
                preNumber = number();
                if (preNumber < 0) {
                    return null;
                }
            }
        }

        long post = -1;
        if (at(pos) == '-' && isDigit(at(pos + 1))) {
            if (suffixOffset < 0) {
                suffixOffset = pos;
            }
            pos++;
            post = number();
            if (post < 0) {
                return null;
            }
        } else {
            p = isSeparator(at(pos)) ? pos + 1 : pos;
            word = matchWord(p, POST_WORDS);
            if (word >= 0) {
                if (suffixOffset < 0) {
                    suffixOffset = pos;
                }
                p += POST_WORDS[word].length();
                pos = isSeparator(at(p)) ? p + 1 : p;
                post = 0;
                if (isDigit(at(pos))) {
                    post = number();
                    if (post < 0) {
                        return null;
                    }
                }
            }
        }

        long dev = -1;
        p = isSeparator(at(pos)) ? pos + 1 : pos;
        if (matchesWord(p, "dev")) {
            if (suffixOffset < 0) {
                suffixOffset = pos;
            }
            p += 3;
            pos = isSeparator(at(p)) ? p + 1 : p;
            dev = 0;
            if (isDigit(at(pos))) {
                dev = number();
                if (dev < 0) {
                    return null;
                }
            }
        }

        LocalSegment[] local = NO_LOCAL;
        if (at(pos) == '+') {
            localOffset = pos;
            pos++;
            local = scanLocal();
            if (local == null) {
                return null;
            }
        }
        return Version.ofParts(epoch, release, preKind, preNumber, post, dev, local);
    }

    private LocalSegment[] scanLocal() {
        LocalSegment[] segments = new LocalSegment[2];
        int count = 0;
        while (true) {
            int start = pos;
            boolean digits = true;
            while (isAlnum(at(pos))) {
                digits &= isDigit(at(pos));
                pos++;
            }
            if (pos == start) {
                fail(pos, "expected letters or digits in the local version label");
                return null;
            }
            if (count == segments.length) {
                segments = Arrays.copyOf(segments, count * 2);
            }
            segments[count++] = segment(start, pos, digits);
            if (isSeparator(at(pos))) {
                pos++;
            } else {
                break;
            }
        }
        return count == segments.length ? segments : Arrays.copyOf(segments, count);
    }

    private LocalSegment segment(int start, int stop, boolean digits) {
        if (digits) {
            while (start < stop - 1 && text.charAt(start) == '0') {
                start++;
            }
            return new LocalSegment(text.substring(start, stop), true);
        }
        StringBuilder sb = null;
        for (int i = start; i < stop; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(stop - start).append(text, start, i);
                }
                sb.append((char) (c + ('a' - 'A')));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return new LocalSegment(sb == null ? text.substring(start, stop) : sb.toString(), false);
    }

    /** Reads a run of digits; -1 (with the error set) if it does not fit in a long. */
    private long number() {
        int start = pos;
        long n = 0;
        while (isDigit(at(pos))) {
            int d = text.charAt(pos) - '0';
            if (n > (Long.MAX_VALUE - 1 - d) / 10) {
                while (isDigit(at(pos))) {
                    pos++;
                }
                fail(start, pos - start, "number is too large");
                return -1;
            }
            n = n * 10 + d;
            pos++;
        }
        return n;
    }

    private int matchWord(int p, String[] words) {
        for (int i = 0; i < words.length; i++) {
            if (matchesWord(p, words[i])) {
                return i;
            }
        }
        return -1;
    }

    /** ASCII case-insensitive match of a lowercase word at {@code p}. */
    private boolean matchesWord(int p, String word) {
        if (p + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = text.charAt(p + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipWhitespace() {
        while (pos < end && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Whitespace as Python regular expressions see it in text: Unicode spaces, NEL included. */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private char at(int i) {
        return i < end ? text.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private Version unexpected() {
        char c = text.charAt(pos);
        return fail(pos, "unexpected character '" + c + "'");
    }

    private Version fail(int offset, String reason) {
        return fail(offset, offset < end ? 1 : 0, reason);
    }

    private Version fail(int offset, int length, String reason) {
        errorOffset = offset;
        errorLength = length;
        errorReason = reason;
        return null;
    }
}
