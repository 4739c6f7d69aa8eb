package dev.relock.advisory;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Objects;

/**
 * One pinned release to look up: a PyPI package (normalized name) at an exact version.
 *
 * @param name the package
 * @param version the pinned version
 */
public record Pin(PackageName name, Version version) {
    public Pin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return name + "==" + version;
    }
}
