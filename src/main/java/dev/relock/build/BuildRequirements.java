package dev.relock.build;

import dev.relock.tags.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves and downloads a build environment's requirements. relock's own resolver implements it
 * ({@code dev.relock.resolve.BuildRequirementResolver}), for the Python that runs the build, from
 * the same indexes as the lock, wheels only.
 */
public interface BuildRequirements {
    /** A downloaded, hash-verified wheel. */
    record Wheel(Path path, String sha256) {}

    /**
     * Resolves {@code requirements} (PEP 508 strings) for {@code host} and downloads one wheel of
     * each package into {@code dir}.
     *
     * @throws dev.relock.common.RelockException when they do not resolve or a download fails
     */
    List<Wheel> fetch(List<String> requirements, Target host, Path dir);
}
