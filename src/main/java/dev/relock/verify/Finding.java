package dev.relock.verify;

import dev.relock.name.PackageName;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem a check found.
 *
 * @param check the check's name, e.g. {@code hash-match}
 * @param severity whether it fails verification
 * @param file the file at fault (a lockfile, {@code .in}, Dockerfile, workflow, ...)
 * @param line 1-based line in {@code file}; 0 when the finding is about the whole file
 * @param pkg the package concerned, if one is
 * @param expected what a trustworthy file would say; empty when not applicable
 * @param found what the file says; empty when not applicable
 * @param message one sentence for people
 */
public record Finding(
        String check,
        Severity severity,
        Path file,
        int line,
        Optional<PackageName> pkg,
        String expected,
        String found,
        String message) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line is 1-based, or 0 for the whole file: " + line);
        }
    }

    /** An error about {@code pkg} (may be null-free empty) at {@code file:line}. */
    static Finding error(String check, Path file, int line, Optional<PackageName> pkg, String expected, String found,
            String message) {
        return new Finding(check, Severity.ERROR, file, line, pkg, expected, found, message);
    }

    /** A warning about {@code pkg} at {@code file:line}. */
    static Finding warning(String check, Path file, int line, Optional<PackageName> pkg, String expected,
            String found, String message) {
        return new Finding(check, Severity.WARNING, file, line, pkg, expected, found, message);
    }
}
