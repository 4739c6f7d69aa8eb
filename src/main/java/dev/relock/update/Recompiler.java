package dev.relock.update;

import dev.relock.lock.FileOverlay;

/**
 * Recompiles one lockfile with the options its header records, writing nothing. The orchestrator
 * passes the new text of the lockfiles recompiled before this one as an overlay, so files
 * constrained on them ({@code -c requirements.txt}) see their new pins although the work tree
 * still holds the old ones.
 */
@FunctionalInterface
public interface Recompiler {
    /**
     * @param job the lockfile
     * @param upgrade the packages to upgrade (empty names: all of them), with the floors and remedy of
     *     a security fix
     * @param pending the new text of the lockfiles planned so far, to read in place of the work
     *     tree's (requirement and constraint files, and the job's own output)
     */
    Recompiled recompile(LockfileJob job, Upgrade upgrade, FileOverlay pending);
}
