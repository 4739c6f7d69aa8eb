package dev.relock.hosting;

import java.util.List;

/** Keeps secrets out of messages. */
public final class Secrets {
    private static final String MASK = "***";

    private Secrets() {}

    /** {@code text} with every occurrence of each non-blank secret replaced by {@code ***}. */
    public static String scrub(String text, List<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (!secret.isBlank()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
