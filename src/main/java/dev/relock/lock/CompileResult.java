package dev.relock.lock;

import dev.relock.reqtxt.Lockfile;
import dev.relock.resolve.Resolution;
import java.util.Objects;

/**
 * The outcome of a compile.
 *
 * @param lockfile the lockfile model
 * @param text the lockfile's exact text
 * @param resolution what the resolver chose
 * @param changed whether {@code text} differs from the output file's previous content (or the file
 *     did not exist); with {@code --dry-run}, whether it would have changed
 */
public record CompileResult(Lockfile lockfile, String text, Resolution resolution, boolean changed) {
    public CompileResult {
        Objects.requireNonNull(lockfile, "lockfile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(resolution, "resolution");
    }
}
