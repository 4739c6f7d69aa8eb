package dev.relock.filename;

import java.util.Comparator;

/**
 * A wheel build tag (PEP 427): leading digits and an optional remainder, e.g. {@code 1} or
 * {@code 2b}. It only breaks ties between wheels identical in every other respect; a wheel
 * without a build tag sorts before any wheel with one.
 *
 * @param number the leading digits as a number
 * @param rest everything after the leading digits (may be empty)
 */
public record BuildTag(long number, String rest) implements Comparable<BuildTag> {

    private static final Comparator<BuildTag> ORDER =
            Comparator.comparingLong(BuildTag::number).thenComparing(BuildTag::rest);

    /** Rejects negative numbers. */
    public BuildTag {
        if (number < 0) {
            throw new IllegalArgumentException("negative build number");
        }
    }

    /**
     * Parses a build tag; it must start with a digit.
     *
     * @throws IllegalArgumentException when it does not start with a digit or the number overflows
     */
    static BuildTag parse(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            throw new IllegalArgumentException("build tag '" + text + "' must start with a digit");
        }
        if (digits > 18) {
            throw new IllegalArgumentException("build number in '" + text + "' is too large");
        }
        return new BuildTag(Long.parseLong(text.substring(0, digits)), text.substring(digits));
    }

    /** Orders by number, then by the remainder as a string, as PEP 427 prescribes. */
    @Override
    public int compareTo(BuildTag other) {
        return ORDER.compare(this, other);
    }

    /** The tag as written in the file name. */
    @Override
    public String toString() {
        return number + rest;
    }
}
