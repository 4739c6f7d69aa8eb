package dev.relock.index;

import dev.relock.tags.PythonVersion;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Learns an sdist's core metadata by running its build backend (PEP 517), for sdists whose
 * PKG-INFO does not declare the dependencies statically. {@link IndexClient} calls it with a
 * hash-verified copy of the file and validates and caches what it returns; the implementation
 * (package {@code dev.relock.build}) runs processes, so the index layer knows it only through
 * this interface.
 */
public interface SdistBuilder {
    /**
     * The METADATA bytes the backend produced for {@code sdist}.
     *
     * @param file the sdist as the index lists it (for messages)
     * @param sdist a verified local copy of it
     * @param targetPython the Python the lock is for, when the caller knows it (a builder warns when the
     *     Python it runs differs)
     * @throws dev.relock.common.RelockException naming the package when the build cannot run or fails
     */
    byte[] buildMetadata(DistFile file, Path sdist, Optional<PythonVersion> targetPython);
}
