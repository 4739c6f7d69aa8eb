package dev.relock.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A lockfile relock looks after.
 *
 * @param source the {@code .in} file it is compiled from, when there is one beside it
 * @param lockfile the pinned requirements file
 * @param generator the tool its header names ({@code pip-compile}, {@code uv}, {@code relock})
 */
public record LockfileTarget(Optional<Path> source, Path lockfile, Optional<String> generator) {}
