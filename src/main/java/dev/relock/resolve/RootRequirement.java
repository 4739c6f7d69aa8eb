package dev.relock.resolve;

import dev.relock.pep508.Requirement;
import java.util.Objects;

/**
 * A requirement or constraint the user gave, with the label that says where it came from.
 *
 * @param requirement the parsed requirement
 * @param source the label pip-compile prints under {@code # via}, such as {@code -r requirements.in}
 *     or {@code -c constraints.txt}
 */
public record RootRequirement(Requirement requirement, String source) {
    public RootRequirement {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
    }
}
