package dev.relock.common;

/** English counts for messages: {@code 1 package}, {@code 2 packages}. */
public final class Plural {
    private Plural() {}

    /** {@code n} and {@code word}, with an {@code s} unless {@code n} is 1. */
    public static String of(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
