package dev.relock.update;

/** How one package changed in a lockfile. */
public enum ChangeKind {
    UPGRADED("upgraded"),
    DOWNGRADED("downgraded"),
    ADDED("added"),
    REMOVED("removed"),
    /** Same version, different {@code --hash} lines (files added to or removed from the release). */
    HASHES("hashes changed"),
    /** A URL or path requirement that now points elsewhere. */
    CHANGED("changed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** The word used in pull request tables. */
    public String label() {
        return label;
    }
}
