package dev.relock.pep508;

import dev.relock.pep440.VersionSpecifier;
import dev.relock.pep440.VersionSpecifierParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PEP 440 half of marker comparison for version-like variables: if {@code operator + rhs}
 * is a valid single version specifier, the answer is whether it contains {@code lhs} with
 * pre-releases allowed (false if {@code lhs} is not a version; {@code ===} compares text);
 * otherwise the caller falls back to string comparison.
 */
final class VersionComparison {
    /** Parsed specifiers by text, empty for text that is none; cleared when it grows large. */
    private static final Map<String, Optional<VersionSpecifier>> SPECIFIERS = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    private VersionComparison() {
    }

    /** The result of comparing as versions, or empty when {@code operator + rhs} is no specifier. */
    static Optional<Boolean> compare(String lhs, MarkerOperator operator, String rhs) {
        if (operator == MarkerOperator.IN || operator == MarkerOperator.NOT_IN) {
            return Optional.empty();
        }
        String specifier = operator.symbol() + rhs;
        if (operator == MarkerOperator.ARBITRARY_EQUAL) {
            if (!Grammar.WHOLE_SPECIFIER.matcher(specifier).matches()) {
                return Optional.empty();
            }
            // packaging accepts "===" with an empty text, which VersionSpecifier does not.
            return Optional.of(lhs.toLowerCase(Locale.ROOT).equals(rhs.strip().toLowerCase(Locale.ROOT)));
        }
        return specifier(specifier).map(parsed -> parsed.matchesString(lhs));
    }

    /** The specifier {@code text} forms, if it is a whole valid one. */
    static Optional<VersionSpecifier> specifier(String text) {
        Optional<VersionSpecifier> known = SPECIFIERS.get(text);
        if (known != null) {
            return known;
        }
        Optional<VersionSpecifier> parsed = Optional.empty();
        if (Grammar.WHOLE_SPECIFIER.matcher(text).matches()) {
            try {
                parsed = Optional.of(VersionSpecifier.parse(text));
            } catch (VersionSpecifierParseException notASpecifier) {
                parsed = Optional.empty();
            }
        }
        if (SPECIFIERS.size() >= CACHE_LIMIT) {
            SPECIFIERS.clear();
        }
        SPECIFIERS.put(text, parsed);
        return parsed;
    }
}
