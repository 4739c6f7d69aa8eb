package dev.relock.workspace;

import dev.relock.tags.PythonVersion;
import java.nio.file.Path;

/**
 * The Python version a project pins in a {@code .python-version} file.
 *
 * @param file the file it was read from
 * @param line 1-based line of the version in that file
 * @param text the request as written, e.g. {@code 3.12.7} or {@code cpython-3.12}
 * @param version the version it names; {@link PythonVersion#hasMicro()} tells whether it is exact
 */
public record PythonPin(Path file, int line, String text, PythonVersion version) {
    /** True when the pin names an exact X.Y.Z release, as reproducible builds need. */
    public boolean isExact() {
        return version.hasMicro();
    }
}
