package dev.relock.testing.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds distribution files on first use and keeps them, keyed by what determines their bytes, so a
 * server over a large generated scenario starts instantly and yanking does not rebuild anything.
 */
final class ArtifactStore {
    private record Key(String projectName, ReleaseSpec content, DistributionSpec dist) {}

    /** One file of a project as the index sees it. */
    record IndexedFile(ProjectSpec project, ReleaseSpec release, BuiltDistribution dist) {}

    private final ConcurrentHashMap<Key, BuiltDistribution> cache = new ConcurrentHashMap<>();
    /**
     * Page data per project state; a publish or yank makes a new ProjectSpec and so a new entry.
     * Keyed by identity: hashing a whole project spec on every request was the server's main cost.
     */
    private final ConcurrentHashMap<SameSpec, List<IndexedFile>> projects = new ConcurrentHashMap<>();

    /** A project spec compared by identity. */
    private record SameSpec(ProjectSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SameSpec other && other.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(spec);
        }
    }

    BuiltDistribution get(ProjectSpec project, ReleaseSpec release, DistributionSpec dist) {
        return cache.computeIfAbsent(new Key(project.name(), release.contentKey(), dist),
                k -> Distributions.build(project, release, dist));
    }

    /** Every file of the project in release order. */
    List<IndexedFile> files(ProjectSpec project) {
        return projects.computeIfAbsent(new SameSpec(project), key -> build(key.spec()));
    }

    private List<IndexedFile> build(ProjectSpec project) {
        List<IndexedFile> files = new ArrayList<>();
        for (ReleaseSpec r : project.releases()) {
            for (DistributionSpec d : r.distributions()) {
                files.add(new IndexedFile(project, r, get(project, r, d)));
            }
        }
        return List.copyOf(files);
    }

    /** The file with this name, built only if it exists. */
    Optional<IndexedFile> file(ProjectSpec project, String filename) {
        for (ReleaseSpec r : project.releases()) {
            for (DistributionSpec d : r.distributions()) {
                if (Distributions.filename(project, r, d).equals(filename)) {
                    return Optional.of(new IndexedFile(project, r, get(project, r, d)));
                }
            }
        }
        return Optional.empty();
    }
}
