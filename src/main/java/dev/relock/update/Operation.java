package dev.relock.update;

import java.util.Locale;

/** What an update run did to the pull request (the {@code operation} step output). */
public enum Operation {
    CREATED,
    UPDATED,
    CLOSED,
    NONE;

    /** The lower-case word used in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
