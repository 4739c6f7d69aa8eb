package dev.relock.lock;

import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.ProjectPage;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Target;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts, before resolving, the requests a recompile will almost surely make: the pages of every
 * root and every pinned package, and the metadata of each pinned version. The resolver discovers
 * packages level by level; with a stale cache each level would wait for its own round trips.
 * The index client memoizes requests, so the resolver later joins these instead of sending its
 * own; a wrong guess costs one request and never changes the result. Failures are left for the
 * resolver to meet (the client forgets failed requests).
 */
final class Prefetch {
    private Prefetch() {}

    static void start(IndexClient client, Target target, Collection<PackageName> roots,
            Map<PackageName, Version> pins) {
        Set<PackageName> names = new TreeSet<>(roots);
        names.addAll(pins.keySet());
        for (PackageName name : names) {
            Version pinned = pins.get(name);
            var page = client.projectAsync(name);
            if (pinned != null) {
                page.thenAccept(p -> metadataSource(p, pinned, target).ifPresent(client::metadataAsync));
            }
            page.exceptionally(failure -> null);
        }
    }

    /** The file the resolver reads {@code version}'s metadata from: a compatible wheel (PEP 658 first), else the sdist. */
    static Optional<DistFile> metadataSource(ProjectPage page, Version version, Target target) {
        return page.filesOf(version).stream()
                .filter(f -> !(f.parsed() instanceof WheelFilename w) || w.isCompatible(target))
                .min(Comparator.comparing((DistFile f) -> f.yanked().isYanked())
                        .thenComparingInt(f -> f.isWheel() ? (f.coreMetadata().isPresent() ? 0 : 1) : 2)
                        .thenComparing(DistFile::filename));
    }
}
