package dev.relock.lock;

import dev.relock.tags.TargetPlatform;
import dev.relock.workspace.InferredPlatform;
import dev.relock.workspace.ProjectPlatform;
import java.nio.file.Path;
import java.util.List;

/** The platforms a project implies when none is named: {@link ProjectPlatform}'s reading of its Dockerfiles. */
final class PlatformSource {
    private PlatformSource() {}

    record Derived(List<TargetPlatform> platforms, String source, List<String> warnings) {}

    static Derived derive(Path projectRoot) {
        InferredPlatform inferred = ProjectPlatform.infer(projectRoot);
        return new Derived(List.of(inferred.platform()), inferred.source(), inferred.warnings());
    }
}
