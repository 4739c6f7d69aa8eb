package dev.relock.solver;

/**
 * How often a package took part in conflicts so far, for {@link DependencyProvider#prioritize}.
 *
 * <p>A package that keeps causing conflicts is usually worth deciding earlier (uv raises the
 * priority of such packages), so that the solver stops re-deciding the packages it breaks.
 *
 * @param affected how many conflicts involved the package (it had a term in the incompatibility
 *     that was found satisfied, or its chosen version's dependencies clashed with the partial
 *     solution)
 * @param culprit how many conflicts the package caused (its assignment was the last one needed to
 *     make the incompatibility satisfied, or its range clashed with a new dependency)
 */
public record PackageStatistics(int affected, int culprit) {
    /** A package that never was in a conflict. */
    public static final PackageStatistics NONE = new PackageStatistics(0, 0);

    /** All conflicts the package took part in. */
    public int conflictCount() {
        return affected + culprit;
    }

    PackageStatistics withAffected() {
        return new PackageStatistics(affected + 1, culprit);
    }

    PackageStatistics withCulprit() {
        return new PackageStatistics(affected, culprit + 1);
    }
}
