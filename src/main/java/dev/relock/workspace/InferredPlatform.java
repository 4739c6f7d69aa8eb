package dev.relock.workspace;

import dev.relock.tags.TargetPlatform;
import java.util.List;

/**
 * The target platform {@link ProjectPlatform#infer} derived from a project.
 *
 * @param platform the one platform to lock for
 * @param source a sentence saying where it came from, for {@code -v} output
 * @param warnings problems the user should hear about (disagreeing Dockerfiles, build arguments
 *     without defaults, unreadable files), each naming {@code file:line}
 * @param candidates what each Dockerfile with a usable {@code FROM python:...} says, in path
 *     order; empty when the platform is {@link ProjectPlatform#FALLBACK} for want of one
 */
public record InferredPlatform(TargetPlatform platform, String source, List<String> warnings,
        List<DockerfilePlatform> candidates) {
    /** Copies the lists. */
    public InferredPlatform {
        warnings = List.copyOf(warnings);
        candidates = List.copyOf(candidates);
    }

    /** True when a Dockerfile decided the platform, false for the fallback. */
    public boolean fromDockerfile() {
        return !candidates.isEmpty();
    }
}
