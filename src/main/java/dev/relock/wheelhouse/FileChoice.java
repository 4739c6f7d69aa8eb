package dev.relock.wheelhouse;

/** Which of a pin's hashed files go into the wheelhouse. */
public enum FileChoice {
    /** For each target, the best-ranked compatible wheel (or the sdist, when allowed and no wheel fits). */
    BEST_PER_TARGET,
    /** Every file the lockfile's hashes allow, whatever the targets. */
    ALL_FILES
}
