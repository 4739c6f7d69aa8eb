package dev.relock.index;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every file relock may use for one project: those of the first index that knows the project,
 * plus those of all find-links locations. A project no source knows has no versions.
 *
 * <p>A page is read as a sorted list of versions; the {@link DistFile}s of a version are built
 * the first time they are asked for. PyPI pages list thousands of files, and a resolver or a
 * lockfile check touches only a few versions of each project, so URLs and upload times of the
 * other versions are never parsed. Safe to share between threads.
 */
public final class ProjectPage {
    private final PackageName name;
    private final Version[] versions;
    private final Group<?>[] groups;

    /** A page of files that are already built (tests, wheelhouse plans, verify's empty pages). */
    public ProjectPage(PackageName name, List<DistFile> files) {
        this(name, files, f -> f.parsed().version(), Optional::of);
    }

    private <T> ProjectPage(PackageName name, List<T> listed, Function<T, Version> versionOf,
            Function<T, Optional<DistFile>> build) {
        this.name = Objects.requireNonNull(name, "name");
        TreeMap<Version, List<T>> byVersion = new TreeMap<>();
        for (T item : listed) {
            byVersion.computeIfAbsent(versionOf.apply(item), v -> new ArrayList<>()).add(item);
        }
        this.versions = byVersion.keySet().toArray(Version[]::new);
        this.groups = byVersion.values().stream().map(items -> new Group<>(items, build)).toArray(Group<?>[]::new);
    }

    /**
     * A page whose files are built on demand.
     *
     * @param versionOf the version a listed file belongs to
     * @param build turns one listed file into a {@link DistFile}; empty drops the file (e.g. an
     *     unusable URL, or a wheel name that turns out to be invalid)
     */
    static <T> ProjectPage lazy(PackageName name, List<T> listed, Function<T, Version> versionOf,
            Function<T, Optional<DistFile>> build) {
        return new ProjectPage(name, listed, versionOf, build);
    }

    public PackageName name() {
        return name;
    }

    /** Every listed version, ascending ({@code 1.0} and {@code 1.0.0} are one version). */
    public List<Version> versions() {
        return List.of(versions);
    }

    /** True when no source lists any file of the project. */
    public boolean isEmpty() {
        return versions.length == 0;
    }

    /** The files of one version, in listing order; empty if the version is not listed. */
    public List<DistFile> filesOf(Version version) {
        int i = Arrays.binarySearch(versions, version);
        return i >= 0 ? groups[i].files() : List.of();
    }

    /** All files, by ascending version, each version's in listing order (builds every file: use sparingly). */
    public List<DistFile> files() {
        List<DistFile> all = new ArrayList<>();
        for (Group<?> g : groups) {
            all.addAll(g.files());
        }
        return all;
    }

    /**
     * The best file to learn {@code version}'s core metadata from: a wheel with PEP 658 metadata,
     * else any wheel (its METADATA is authoritative and can be range-read), else an sdist.
     */
    public Optional<DistFile> metadataSource(Version version) {
        return filesOf(version).stream()
                .min(Comparator.comparingInt(ProjectPage::metadataCost));
    }

    private static int metadataCost(DistFile file) {
        if (file.isWheel()) {
            return file.coreMetadata().isPresent() ? 0 : 1;
        }
        return 2;
    }

    @Override
    public String toString() {
        return "ProjectPage[" + name + ", " + versions.length + " versions]";
    }

    /** The listed files of one version, built once on first use. */
    private static final class Group<T> {
        private final Function<T, Optional<DistFile>> build;
        private List<T> pending;
        private volatile List<DistFile> built;

        Group(List<T> items, Function<T, Optional<DistFile>> build) {
            this.pending = List.copyOf(items);
            this.build = build;
        }

        List<DistFile> files() {
            List<DistFile> result = built;
            if (result == null) {
                synchronized (this) {
                    result = built;
                    if (result == null) {
                        List<DistFile> files = new ArrayList<>(pending.size());
                        for (T item : pending) {
                            build.apply(item).ifPresent(files::add);
                        }
                        result = List.copyOf(files);
                        built = result;
                        pending = List.of();
                    }
                }
            }
            return result;
        }
    }
}
