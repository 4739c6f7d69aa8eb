package dev.relock.pep508;

import dev.relock.pep440.VersionSpecifier;
import dev.relock.pep440.VersionSpecifierParseException;
import java.util.Optional;

/**
 * The PEP 440 half of marker comparison for version-like variables: if {@code operator + rhs}
 * is a valid single version specifier, the answer is whether it contains {@code lhs} with
 * pre-releases allowed (false if {@code lhs} is not a version; {@code ===} compares text);
 * otherwise the caller falls back to string comparison.
 */
final class VersionComparison {
    private VersionComparison() {
    }

    /** The result of comparing as versions, or empty when {@code operator + rhs} is no specifier. */
    static Optional<Boolean> compare(String lhs, MarkerOperator operator, String rhs) {
        if (operator == MarkerOperator.IN || operator == MarkerOperator.NOT_IN) {
            return Optional.empty();
        }
        String specifier = operator.symbol() + rhs;
        if (!Grammar.WHOLE_SPECIFIER.matcher(specifier).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionSpecifier.parse(specifier).matchesString(lhs));
        } catch (VersionSpecifierParseException notASpecifier) {
            return Optional.empty();
        }
    }
}
