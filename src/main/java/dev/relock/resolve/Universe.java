package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerTree;
import dev.relock.tags.PythonVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The environments a universal resolution covers: the Python range (from {@code requires-python},
 * or a {@code --python-version} read as a lower bound), narrowed by the {@code --environment}
 * markers (any of them), with the {@code --required-environment} markers whose environments need a
 * wheel of every pin that applies there.
 *
 * @param requiresPython the Python range as a specifier, e.g. {@code >=3.11}
 * @param environments the {@code --environment} markers; empty: every environment
 * @param required the {@code --required-environment} markers
 * @param locked the pins of the existing universal lockfile with their markers: a fork prefers the
 *     pinned version whose marker overlaps it (minimal churn when a package has several versions)
 */
public record Universe(String requiresPython, List<MarkerTree> environments, List<MarkerTree> required,
        List<Locked> locked) {

    /** A pin of an existing lockfile: {@code name==version ; marker}. */
    public record Locked(PackageName name, Version version, MarkerTree marker) {
        public Locked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(marker, "marker");
        }
    }

    /** A universe without locked pins. */
    public Universe(String requiresPython, List<MarkerTree> environments, List<MarkerTree> required) {
        this(requiresPython, environments, required, List.of());
    }

    /** The newest Python minor version a universal resolution considers (for the lowest Python of a fork). */
    private static final int NEWEST_MINOR = 30;

    public Universe {
        Objects.requireNonNull(requiresPython, "requiresPython");
        environments = List.copyOf(environments);
        required = List.copyOf(required);
        locked = List.copyOf(locked);
    }

    /** The Python range as a marker. */
    public MarkerTree pythonRange() {
        return MarkerAlgebra.requiresPython(requiresPython);
    }

    /**
     * Every environment covered: the Python range and any of the environments.
     *
     * @throws RelockException bad input when no environment is left
     */
    public MarkerTree space() {
        MarkerTree envs = environments.isEmpty() ? MarkerTree.TRUE
                : environments.stream().reduce(MarkerTree.FALSE, MarkerTree::or);
        MarkerTree space = pythonRange().and(envs);
        if (MarkerAlgebra.empty(space)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "no environment is left to lock for: the"
                    + " Python range " + requiresPython + " excludes every --environment given");
        }
        return space;
    }

    /** The oldest Python 3 minor version (as X.Y.0) that {@code marker} allows, if any. */
    static Optional<PythonVersion> lowestPython(MarkerTree marker) {
        for (int minor = 0; minor <= NEWEST_MINOR; minor++) {
            MarkerTree line = MarkerTree.parse("python_version == \"3." + minor + "\"");
            if (!MarkerAlgebra.disjoint(marker, line)) {
                return Optional.of(PythonVersion.of(3, minor, 0));
            }
        }
        return Optional.empty();
    }
}
