package dev.relock.resolve;

/**
 * How urgently the solver should decide a package; higher first. Like uv: exact pins, then
 * packages that keep causing conflicts, then direct requirements, then the rest; within a tier,
 * more conflicts and then fewer candidate versions first.
 *
 * @param tier 4 root, 3 at most one candidate version, 2 conflict-heavy, 1 direct, 0 other
 * @param conflicts conflicts the package took part in so far
 * @param fewerVersions minus the number of listed versions in the allowed range
 */
record Priority(int tier, int conflicts, int fewerVersions) implements Comparable<Priority> {
    static final Priority ROOT = new Priority(4, 0, 0);
    /** Conflicts after which a package is decided before other packages (uv uses 5 as well). */
    static final int CONFLICT_THRESHOLD = 5;

    @Override
    public int compareTo(Priority o) {
        int c = Integer.compare(tier, o.tier);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(conflicts, o.conflicts);
        return c != 0 ? c : Integer.compare(fewerVersions, o.fewerVersions);
    }
}
