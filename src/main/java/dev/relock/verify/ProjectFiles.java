package dev.relock.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the project files besides Dockerfiles that say which Python runs the lock. Dockerfiles
 * ({@link dev.relock.workspace.DockerfileScan}) and reading files as lines
 * ({@link dev.relock.workspace.ProjectText}) live in workspace.
 */
final class ProjectFiles {
    private ProjectFiles() {}

    /** The GitHub Actions workflow files of {@code root}, sorted. */
    static List<Path> workflows(Path root) {
        Path dir = root.resolve(".github").resolve("workflows");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} in the project root and beside the lockfile, the existing ones, without duplicates. */
    static List<Path> rootAndLockDir(Path root, Path lockfile, String name) {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(root.resolve(name).toAbsolutePath().normalize());
        Path dir = lockfile.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            candidates.add(dir.resolve(name));
        }
        return candidates.stream().filter(Files::isRegularFile).toList();
    }
}
