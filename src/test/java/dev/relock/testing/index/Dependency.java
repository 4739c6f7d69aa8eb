package dev.relock.testing.index;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Requires-Dist} entry of a release.
 *
 * @param requirement the PEP 508 requirement, possibly with its own marker after {@code ;}
 *     (the marker must not mention {@code extra}; use {@link #extra} for that)
 * @param extra the extra that pulls this requirement in, if any
 */
public record Dependency(String requirement, Optional<String> extra) {
    public Dependency {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(extra, "extra");
        if (requirement.isBlank()) {
            throw new IllegalArgumentException("blank requirement");
        }
    }

    /** An unconditional (or only environment-marker conditional) requirement. */
    public static Dependency of(String requirement) {
        return new Dependency(requirement, Optional.empty());
    }

    /** The requirement without its marker. */
    public String specifier() {
        int semi = requirement.indexOf(';');
        return (semi < 0 ? requirement : requirement.substring(0, semi)).strip();
    }

    /** The environment marker of the requirement itself, if any (without the extra). */
    public Optional<String> marker() {
        int semi = requirement.indexOf(';');
        return semi < 0 ? Optional.empty() : Optional.of(requirement.substring(semi + 1).strip());
    }

    /** The line as written in core metadata, with the extra folded into the marker. */
    public String requiresDist() {
        if (extra.isEmpty()) {
            return requirement.strip();
        }
        String extraMarker = "extra == \"" + extra.get() + "\"";
        return specifier() + "; " + marker().map(m -> "(" + m + ") and " + extraMarker).orElse(extraMarker);
    }
}
