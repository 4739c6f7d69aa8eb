package dev.relock.pep440;

import java.util.Objects;

/**
 * The pre-release part of a version, for example {@code rc2}.
 *
 * @param kind the phase
 * @param number the phase number (an omitted number is 0)
 */
public record Pre(PreKind kind, long number) {
    /** Checks the fields. */
    public Pre {
        Objects.requireNonNull(kind, "kind");
        if (number < 0) {
            throw new IllegalArgumentException("pre-release number must not be negative: " + number);
        }
    }

    /** The normalized form, for example {@code rc2}. */
    @Override
    public String toString() {
        return kind.label() + number;
    }
}
