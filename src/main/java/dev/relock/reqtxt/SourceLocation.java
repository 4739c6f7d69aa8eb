package dev.relock.reqtxt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A position in a requirements file as the user sees it: the file as it was named (relative paths
 * stay relative), a 1-based line and a 1-based column counted in Unicode code points.
 */
public record SourceLocation(Path file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** {@code file:line:column}, the prefix of every error message about this position. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
