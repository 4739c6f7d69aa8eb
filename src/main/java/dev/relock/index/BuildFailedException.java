package dev.relock.index;

import dev.relock.common.RelockException;

/**
 * Building an sdist's metadata failed (exit 3). The message's first line names the package and
 * file ({@code building metadata for foo 1.0 (foo-1.0.tar.gz) failed: ...}); the following lines,
 * if any, are the end of the build's output.
 */
public final class BuildFailedException extends RelockException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the sdist
     * @param why one line: what failed
     * @param log the shortened build output, or empty
     */
    public BuildFailedException(DistFile file, String why, String log) {
        super(Kind.UNRESOLVABLE, "building metadata for " + file.parsed().name() + " " + file.parsed().version()
                + " (" + file.filename() + ") failed: " + why + (log.isEmpty() ? "" : "\n" + log));
    }
}
