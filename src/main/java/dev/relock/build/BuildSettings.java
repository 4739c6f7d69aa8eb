package dev.relock.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How relock builds sdists on this machine.
 *
 * @param python {@code --python}: the interpreter to build with, a path or a bare name looked up on
 *     the PATH; empty: {@code python3} on the PATH
 * @param timeout {@code --build-timeout}: how long one package's build may take, installing its
 *     build requirements included
 * @param path the PATH to look for {@code python3} on
 */
public record BuildSettings(Optional<Path> python, Duration timeout, String path) {
    public BuildSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(path, "path");
    }

    /** Settings with {@code python}, {@code timeout} and the PATH of {@code env}. */
    public static BuildSettings of(Optional<Path> python, Duration timeout, Map<String, String> env) {
        return new BuildSettings(python, timeout, env.getOrDefault("PATH", ""));
    }
}
