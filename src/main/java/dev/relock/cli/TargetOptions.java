package dev.relock.cli;

import dev.relock.workspace.TargetSelection;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The target Python and platform options shared by every command that resolves or checks files. */
public final class TargetOptions {
    @Option(
            names = "--python-version",
            paramLabel = "X.Y[.Z]",
            description = "Target Python version. Default: the nearest .python-version file.")
    String pythonVersion;

    @Option(
            names = "--python-platform",
            paramLabel = "TARGET",
            description = "Target platform, e.g. linux, x86_64-manylinux_2_36, aarch64-unknown-linux-musl,"
                    + " aarch64-apple-darwin, x86_64-pc-windows-msvc. Default: x86_64-manylinux_2_17.")
    String pythonPlatform;

    /** Chooses the target, looking for {@code .python-version} from {@code start} upwards. */
    public TargetSelection select(Path start) {
        return TargetSelection.select(Optional.ofNullable(pythonVersion), Optional.ofNullable(pythonPlatform), start);
    }

    public Optional<String> pythonVersion() {
        return Optional.ofNullable(pythonVersion);
    }

    public Optional<String> pythonPlatform() {
        return Optional.ofNullable(pythonPlatform);
    }
}
