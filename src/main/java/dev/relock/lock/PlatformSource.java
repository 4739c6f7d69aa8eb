package dev.relock.lock;

import dev.relock.tags.TargetPlatform;
import dev.relock.workspace.InferredPlatform;
import dev.relock.workspace.ProjectPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The platforms a project implies when none is named: {@link ProjectPlatform}'s reading of its Dockerfiles. */
final class PlatformSource {
    private PlatformSource() {}

    record Derived(List<TargetPlatform> platforms, String source, List<String> warnings) {}

    /**
     * The platform the project around {@code dir} implies: its Dockerfiles are looked for in the
     * repository's root (the nearest directory upwards with a {@code .git}) when {@code dir} is
     * inside a repository, else in {@code dir}; each with one level of subdirectories.
     */
    static Derived derive(Path dir) {
        InferredPlatform inferred = ProjectPlatform.infer(repositoryRoot(dir));
        return new Derived(List.of(inferred.platform()), inferred.source(), inferred.warnings());
    }

    static Path repositoryRoot(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return start;
    }
}
