package dev.relock.workspace;

import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the target Python and platform for a command: {@code --python-version} when given,
 * otherwise the nearest {@code .python-version}; {@code --python-platform} when given, otherwise
 * {@link TargetPlatform#DEFAULT}. The host's Python is never consulted.
 *
 * @param target the chosen target
 * @param pin the {@code .python-version} pin the version came from, when it came from one
 */
public record TargetSelection(Target target, Optional<PythonPin> pin) {

    /**
     * Selects the target.
     *
     * @param pythonVersion the {@code --python-version} option, if given
     * @param platform the {@code --python-platform} option, if given
     * @param start where to start looking for {@code .python-version}
     */
    public static TargetSelection select(Optional<String> pythonVersion, Optional<String> platform, Path start) {
        TargetPlatform tp = platform.map(TargetPlatform::parse).orElse(TargetPlatform.DEFAULT);
        if (pythonVersion.isPresent()) {
            return new TargetSelection(new Target(PythonVersion.parse(pythonVersion.get().strip()), tp), Optional.empty());
        }
        Path file = PythonVersionFile.find(start).orElseThrow(() -> new WorkspaceException(
                "no target Python: relock resolves for the version your project pins. Pin it with"
                        + " 'echo 3.12.7 > .python-version' (use your version) or pass --python-version 3.12.7"));
        PythonPin pin = PythonVersionFile.read(file);
        return new TargetSelection(new Target(pin.version(), tp), Optional.of(pin));
    }
}
