package dev.relock.name;

import java.util.Objects;
import java.util.Optional;

/**
 * A project name in its PEP 503 normalized form: ASCII lowercase, every run of {@code -}, {@code _}
 * and {@code .} collapsed to a single {@code -}.
 *
 * <p>Construction validates the PEP 508 name grammar (ASCII letters and digits, with {@code -_.}
 * allowed only inside) and normalizes, so {@code new PackageName("Foo__Bar")} and
 * {@code PackageName.of("foo.bar")} are equal. Two names are the same project exactly when their
 * normalized values are equal.
 *
 * @param value the normalized name
 */
public record PackageName(String value) implements Comparable<PackageName> {

    /**
     * Validates and normalizes.
     *
     * @throws InvalidNameException if {@code value} is not a PEP 508 name
     */
    public PackageName {
        value = Names.checkAndNormalize("package name", Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses a project name as written by a user or in metadata.
     *
     * @throws InvalidNameException naming the input and the offending offset if it is not a PEP 508 name
     */
    public static PackageName of(String raw) {
        return new PackageName(raw);
    }

    /** Like {@link #of} but answers empty instead of throwing for an invalid name. */
    public static Optional<PackageName> tryOf(String raw) {
        if (raw == null || Names.firstInvalidOffset(raw) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new PackageName(raw));
    }

    /**
     * True when {@code raw} is a spelling of this name: it normalizes (PEP 503) to this value.
     * Cheaper than {@code tryOf(raw).equals(Optional.of(this))}: no new name is built.
     */
    public boolean isSpelledAs(String raw) {
        int i = 0;
        int j = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                while (i < raw.length() && (raw.charAt(i) == '-' || raw.charAt(i) == '_' || raw.charAt(i) == '.')) {
                    i++;
                }
                c = '-';
            } else {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                i++;
            }
            if (j >= value.length() || value.charAt(j) != c) {
                return false;
            }
            j++;
        }
        return j == value.length();
    }

    /**
     * The form used in wheel and {@code .dist-info} file names: the normalized name with every
     * {@code -} replaced by {@code _} (for example {@code typing_extensions}).
     */
    public String distInfoName() {
        return value.replace('-', '_');
    }

    @Override
    public int compareTo(PackageName other) {
        return value.compareTo(other.value);
    }

    /** The normalized name. */
    @Override
    public String toString() {
        return value;
    }
}
