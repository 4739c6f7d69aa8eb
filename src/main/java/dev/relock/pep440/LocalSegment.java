package dev.relock.pep440;

import java.util.Objects;

/**
 * One dot-separated part of a local version label ({@code ubuntu} and {@code 1} in
 * {@code +ubuntu.1}).
 *
 * <p>PEP 440 orders numeric segments numerically and above every alphanumeric one;
 * alphanumeric segments compare lexicographically. Numeric segments are kept as digit strings
 * without leading zeros, so they may be arbitrarily long.
 *
 * @param value the normalized text: lowercase, and for numeric segments without leading zeros
 * @param numeric whether the segment consists of digits only
 */
public record LocalSegment(String value, boolean numeric) implements Comparable<LocalSegment> {
    /** Checks that {@code value} is normalized and matches {@code numeric}. */
    public LocalSegment {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty local segment");
        }
        boolean digits = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c >= 'a' && c <= 'z')) {
                throw new IllegalArgumentException("local segment must be lowercase ASCII letters and digits: " + value);
            }
            digits &= digit;
        }
        if (digits != numeric || (numeric && value.length() > 1 && value.charAt(0) == '0')) {
            throw new IllegalArgumentException("local segment is not normalized: " + value);
        }
    }

    @Override
    public int compareTo(LocalSegment other) {
        if (numeric != other.numeric) {
            return numeric ? 1 : -1;
        }
        if (numeric && value.length() != other.value.length()) {
            return Integer.compare(value.length(), other.value.length());
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
