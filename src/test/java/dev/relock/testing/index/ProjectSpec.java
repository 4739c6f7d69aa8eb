package dev.relock.testing.index;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project of a scenario.
 *
 * @param name the display name (any valid spelling; pages and URLs use {@link #normalizedName()})
 * @param releases releases in index order
 */
public record ProjectSpec(String name, List<ReleaseSpec> releases) {
    public ProjectSpec {
        ProjectNames.requireValid(name);
        releases = List.copyOf(releases);
        Set<String> seen = new HashSet<>();
        for (ReleaseSpec r : releases) {
            if (!seen.add(r.version())) {
                throw new IllegalArgumentException(name + " lists version " + r.version() + " twice");
            }
        }
    }

    /** The PEP 503 normalized name. */
    public String normalizedName() {
        return ProjectNames.normalize(name);
    }

    public Optional<ReleaseSpec> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }
}
