package dev.relock.index;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every file relock may use for one project: those of the first index that knows the project,
 * plus those of all find-links locations. A project no source knows has an empty file list.
 */
public record ProjectPage(PackageName name, List<DistFile> files) {
    public ProjectPage {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
    }

    /** The files of one version ({@code 1.0} and {@code 1.0.0} are the same version). */
    public List<DistFile> filesOf(Version version) {
        return files.stream().filter(f -> f.parsed().version().equals(version)).toList();
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
}
