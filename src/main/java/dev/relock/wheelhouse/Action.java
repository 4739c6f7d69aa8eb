package dev.relock.wheelhouse;

/** What a run did with one file of the wheelhouse. */
public enum Action {
    /** It was not in the directory and was downloaded. */
    DOWNLOADED,
    /** It was already in the directory with the right hash; nothing was requested. */
    PRESENT,
    /** It was in the directory with a wrong hash and was downloaded again. */
    REPLACED;

    /** Lower-case name used in text and JSON output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
