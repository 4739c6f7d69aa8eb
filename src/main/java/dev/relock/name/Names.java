package dev.relock.name;

/** The PEP 508 name grammar and the PEP 503 normalization shared by project and extra names. */
final class Names {
    private Names() {}

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    /**
     * Offset of the first character that breaks {@code ^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$},
     * or -1 when the name is valid.
     */
    static int firstInvalidOffset(String raw) {
        int n = raw.length();
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isAlnum(c)) {
                continue;
            }
            if (!isSeparator(c) || i == 0 || i == n - 1) {
                return i;
            }
        }
        return -1;
    }

    static String reason(String raw, int offset) {
        if (raw.isEmpty()) {
            return "name is empty";
        }
        char c = raw.charAt(offset);
        if (isSeparator(c)) {
            return "names must start and end with a letter or digit";
        }
        return "unexpected character '" + c + "'";
    }

    /** Lowercases ASCII letters and collapses every run of {@code -_.} into one {@code -}. */
    static String normalize(String valid) {
        int n = valid.length();
        boolean clean = true;
        for (int i = 0; i < n && clean; i++) {
            char c = valid.charAt(i);
            clean = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (c == '-' && !isSeparator(valid.charAt(i + 1)));
        }
        if (clean) {
            return valid;
        }
        StringBuilder out = new StringBuilder(n);
        boolean inSeparatorRun = false;
        for (int i = 0; i < n; i++) {
            char c = valid.charAt(i);
            if (isSeparator(c)) {
                if (!inSeparatorRun) {
                    out.append('-');
                    inSeparatorRun = true;
                }
            } else {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                inSeparatorRun = false;
            }
        }
        return out.toString();
    }

    /** Validates {@code raw} and returns its normalized form, or throws naming the input. */
    static String checkAndNormalize(String what, String raw) {
        int bad = firstInvalidOffset(raw);
        if (bad >= 0) {
            throw new InvalidNameException(what, raw, bad, reason(raw, bad));
        }
        return normalize(raw);
    }
}
