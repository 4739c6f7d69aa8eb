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
     * The platform the project around {@code dir} implies: the nearest directory from {@code dir}
     * upwards, up to the repository's root (the nearest directory with a {@code .git}), whose
     * Dockerfiles (its own and its immediate subdirectories') name a python base image. Outside a
     * repository only {@code dir} is looked at. Without such a Dockerfile, uv's default.
     */
    static Derived derive(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        Path root = repositoryRoot(start);
        InferredPlatform inferred = ProjectPlatform.infer(start);
        for (Path d = start.getParent(); !inferred.fromDockerfile() && d != null && d.startsWith(root);
                d = d.getParent()) {
            inferred = ProjectPlatform.infer(d);
        }
        if (!inferred.fromDockerfile()) {
            inferred = ProjectPlatform.infer(start);
        }
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
