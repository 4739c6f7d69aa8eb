package dev.relock.verify;

import dev.relock.workspace.PythonPin;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the project says about its Python: the {@code .python-version} file consulted and its pin.
 *
 * @param file the {@code .python-version} file that was (or would have been) read
 * @param pin the pin it holds, when the file exists and is readable
 * @param problem why the file could not be read (missing or malformed); empty when {@code pin} is present
 */
public record PythonSetting(Path file, Optional<PythonPin> pin, String problem) {
    public PythonSetting {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(problem, "problem");
        if (pin.isPresent() != problem.isEmpty()) {
            throw new IllegalArgumentException("either a pin or a problem");
        }
    }
}
