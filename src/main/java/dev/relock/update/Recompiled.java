package dev.relock.update;

import dev.relock.reqtxt.Lockfile;
import java.util.Objects;

/**
 * A lockfile's new content.
 *
 * @param text the text to write
 * @param lockfile the same, parsed
 */
public record Recompiled(String text, Lockfile lockfile) {
    public Recompiled {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lockfile, "lockfile");
    }
}
