package dev.relock.solver;

/** A three-part version for the solver tests, printed as {@code 1.2.3}. */
record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {
    static SemVer v(String s) {
        String[] parts = s.split("\\.");
        return new SemVer(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
