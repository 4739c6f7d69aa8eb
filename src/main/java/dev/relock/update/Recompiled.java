package dev.relock.update;

import dev.relock.reqtxt.Lockfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lockfile's new content.
 *
 * @param text the text to write
 * @param lockfile the same, parsed
 * @param skipped one sentence per package whose newest matching release was passed over only
 *     because it has no file for a target (see {@code resolve.SkippedVersion}), by package name
 * @param targetChange set when the recompile's targets differ from those the lockfile recorded:
 *     {@code x86_64-manylinux_2_17 → x86_64-manylinux_2_36}
 */
public record Recompiled(String text, Lockfile lockfile, java.util.Map<String, String> skipped,
        Optional<String> targetChange) {
    public Recompiled {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lockfile, "lockfile");
        skipped = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skipped));
        Objects.requireNonNull(targetChange, "targetChange");
    }

    /** New content with nothing to explain. */
    public Recompiled(String text, Lockfile lockfile) {
        this(text, lockfile, java.util.Map.of(), Optional.empty());
    }
}
