package dev.relock.update;

import dev.relock.pep440.Version;
import java.util.Optional;

/** The size of a version change, as the pull request's Type column shows it. */
public enum UpdateType {
    MAJOR("major"),
    MINOR("minor"),
    PATCH("patch"),
    /** The new version is a pre-release or development release. */
    PRE("pre"),
    NEW("new"),
    REMOVED("removed"),
    /** Not a version change: hashes, or a URL that moved. */
    OTHER("other");

    private final String label;

    UpdateType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Classifies {@code from} → {@code to} by the first differing release segment. */
    public static UpdateType of(Version from, Version to) {
        if (to.isPrerelease()) {
            return PRE;
        }
        if (from.epoch() != to.epoch() || from.releaseAt(0) != to.releaseAt(0)) {
            return MAJOR;
        }
        if (from.releaseAt(1) != to.releaseAt(1)) {
            return MINOR;
        }
        return PATCH;
    }

    /** Classifies two version strings; {@link #OTHER} when either is not a PEP 440 version. */
    public static UpdateType of(String from, String to) {
        Optional<Version> a = Version.tryParse(from);
        Optional<Version> b = Version.tryParse(to);
        return a.isPresent() && b.isPresent() ? of(a.get(), b.get()) : OTHER;
    }
}
