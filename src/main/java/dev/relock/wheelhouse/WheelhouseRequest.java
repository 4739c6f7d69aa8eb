package dev.relock.wheelhouse;

import dev.relock.reqtxt.Lockfile;
import dev.relock.tags.Target;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to bundle and where.
 *
 * @param lockfilePath the lockfile on disk (its bytes are fingerprinted in the manifest)
 * @param lockfileLabel how the manifest names the lockfile, e.g. {@code requirements.txt}
 * @param lockfile the parsed lockfile
 * @param directory the wheelhouse directory (created when missing)
 * @param targets the interpreters and platforms to serve, at least one, without duplicates
 * @param choice which hashed files to bundle
 * @param includeSdists whether a target without a compatible wheel may be served by the sdist
 *     (only meaningful with {@link FileChoice#BEST_PER_TARGET})
 * @param relockVersion the version recorded in the manifest
 */
public record WheelhouseRequest(
        Path lockfilePath,
        String lockfileLabel,
        Lockfile lockfile,
        Path directory,
        List<Target> targets,
        FileChoice choice,
        boolean includeSdists,
        String relockVersion) {

    public WheelhouseRequest {
        Objects.requireNonNull(lockfilePath, "lockfilePath");
        Objects.requireNonNull(lockfileLabel, "lockfileLabel");
        Objects.requireNonNull(lockfile, "lockfile");
        Objects.requireNonNull(directory, "directory");
        targets = List.copyOf(new LinkedHashSet<>(targets));
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(relockVersion, "relockVersion");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a wheelhouse needs at least one target");
        }
    }
}
