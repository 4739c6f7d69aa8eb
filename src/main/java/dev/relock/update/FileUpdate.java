package dev.relock.update;

import java.util.Objects;

/**
 * One lockfile's refresh.
 *
 * @param job the lockfile
 * @param path its path relative to the repository root, with {@code /}
 * @param before its text before (empty when the file did not exist)
 * @param after its new text
 * @param changes what changed
 * @param explanation why the recompile chose what it chose where the targets decided it
 */
public record FileUpdate(LockfileJob job, String path, String before, String after, LockfileChanges changes,
        Recompiled explanation) {
    public FileUpdate {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether the file's text changes. */
    public boolean changed() {
        return !before.equals(after);
    }
}
