package dev.relock.resolve;

import dev.relock.pep508.Requirement;
import java.util.Objects;
import java.util.Optional;

/**
 * A requirement or constraint the user gave, with the label that says where it came from.
 *
 * @param requirement the parsed requirement; for a direct reference {@code name @ reference}
 * @param source the label pip-compile prints under {@code # via}, such as {@code -r requirements.in}
 *     or {@code -c constraints.txt}
 * @param artifact for a direct reference, the artifact it names (read by the caller); the
 *     requirement's URL must then be present and its name the artifact's
 * @param location where it was written, as {@code file:line} ({@code requirements.in:2}); an
 *     unresolvable resolution names it with the requirement's specifiers
 */
public record RootRequirement(Requirement requirement, String source, Optional<DirectArtifact> artifact,
        Optional<String> location) {
    public RootRequirement {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(location, "location");
        if (artifact.isPresent() && (requirement.url().isEmpty() || !requirement.name().equals(artifact.get().name()))) {
            throw new IllegalArgumentException("a direct artifact belongs to a URL requirement of the same name");
        }
    }

    /** A requirement on the index (or a URL requirement refused by the resolver). */
    public RootRequirement(Requirement requirement, String source) {
        this(requirement, source, Optional.empty(), Optional.empty());
    }

    /** A requirement on the index written at {@code location} ({@code file:line}). */
    public RootRequirement(Requirement requirement, String source, String location) {
        this(requirement, source, Optional.empty(), Optional.of(location));
    }

    /** A direct reference to {@code artifact}: {@code name[extras] @ reference ; marker}. */
    public static RootRequirement direct(Requirement requirement, String source, DirectArtifact artifact) {
        return new RootRequirement(requirement, source, Optional.of(artifact), Optional.empty());
    }
}
