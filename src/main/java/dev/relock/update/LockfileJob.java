package dev.relock.update;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One lockfile to refresh.
 *
 * @param source the {@code .in} file it is compiled from, when there is one
 * @param lockfile the lockfile (absolute)
 */
public record LockfileJob(Optional<Path> source, Path lockfile) {
    public LockfileJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lockfile, "lockfile");
    }
}
