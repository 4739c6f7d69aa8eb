package dev.relock.resolve;

import dev.relock.index.DistFile;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerTree;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One package of a {@link Resolution}.
 *
 * @param name the package
 * @param version the chosen version
 * @param extras the extras requested of it by the user or by other packages
 * @param files every file the index lists for that version, for all platforms, sdists included
 *     (a lock hashes them all); files uploaded after {@link ResolveRequest#excludeNewer()} are left out
 * @param via who requires it: the input sources first (in input order), then parent packages by name
 * @param directMarker the marker of a direct requirement, when every direct requirement naming the
 *     package had one (it holds for the target)
 * @param metadata the core metadata the dependencies were read from
 * @param direct the artifact of a direct reference the package is pinned to ({@link #files()} is then
 *     empty: nothing comes from the index)
 */
public record ResolvedPackage(
        PackageName name,
        Version version,
        SortedSet<ExtraName> extras,
        List<DistFile> files,
        List<Via> via,
        Optional<MarkerTree> directMarker,
        CoreMetadata metadata,
        Optional<DirectArtifact> direct) {

    public ResolvedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        files = List.copyOf(files);
        via = List.copyOf(via);
        Objects.requireNonNull(directMarker, "directMarker");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(direct, "direct");
    }

    /**
     * The requested extras the metadata does not provide (neither as {@code Provides-Extra} nor in
     * a {@code Requires-Dist} marker): pip warns of these and installs the package without them.
     */
    public List<ExtraName> undeclaredExtras() {
        SortedSet<ExtraName> declared = new TreeSet<>(metadata.providesExtra());
        metadata.requiresDist().forEach(r -> declared.addAll(r.marker().extras()));
        return extras.stream().filter(e -> !declared.contains(e)).toList();
    }
}
