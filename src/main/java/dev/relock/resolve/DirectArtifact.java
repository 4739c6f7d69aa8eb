package dev.relock.resolve;

import dev.relock.filename.DistFilename;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * One artifact a direct reference names ({@code name @ url}, a bare URL or path, {@code -e dir}):
 * the package is pinned to it, and the index is never asked about that package.
 *
 * @param reference the URL or path as the user wrote it (identifies the artifact; two different
 *     references for one package are an error)
 * @param metadata the artifact's core metadata: name, version, dependencies, extras, Requires-Python
 *     (from a wheel's METADATA, a static sdist PKG-INFO, or a directory's static pyproject.toml)
 * @param archive the parsed archive file name; empty for a directory
 */
public record DirectArtifact(String reference, CoreMetadata metadata, Optional<DistFilename> archive) {
    public DirectArtifact {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(archive, "archive");
    }

    /** The package, from the metadata. */
    public PackageName name() {
        return metadata.name();
    }

    /** The version, from the metadata. */
    public Version version() {
        return metadata.version();
    }
}
