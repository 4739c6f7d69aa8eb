package dev.relock.update;

import dev.relock.name.PackageName;
import java.util.Set;

/**
 * Recompiles one lockfile with the options its header records. The orchestrator writes the
 * result to disk before the next job, so files constrained on this one see its new pins.
 */
@FunctionalInterface
public interface Recompiler {
    /**
     * @param job the lockfile
     * @param upgrade the packages to upgrade; empty means all of them
     */
    Recompiled recompile(LockfileJob job, Set<PackageName> upgrade);
}
