package dev.relock.name;

import java.util.Objects;
import java.util.Optional;

/**
 * An extra name ({@code requests[socks]}) normalized like a project name, as PEP 685 requires:
 * ASCII lowercase with every run of {@code -_.} collapsed to {@code -}.
 *
 * @param value the normalized extra name
 */
public record ExtraName(String value) implements Comparable<ExtraName> {

    /**
     * Validates and normalizes.
     *
     * @throws InvalidNameException if {@code value} is not a PEP 508 name
     */
    public ExtraName {
        value = Names.checkAndNormalize("extra name", Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses an extra name as written by a user or in metadata.
     *
     * @throws InvalidNameException naming the input and the offending offset if it is not a PEP 508 name
     */
    public static ExtraName of(String raw) {
        return new ExtraName(raw);
    }

    /** Like {@link #of} but answers empty instead of throwing for an invalid name. */
    public static Optional<ExtraName> tryOf(String raw) {
        if (raw == null || Names.firstInvalidOffset(raw) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ExtraName(raw));
    }

    @Override
    public int compareTo(ExtraName other) {
        return value.compareTo(other.value);
    }

    /** The normalized name. */
    @Override
    public String toString() {
        return value;
    }
}
