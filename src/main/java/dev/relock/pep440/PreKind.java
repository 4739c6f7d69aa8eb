package dev.relock.pep440;

/** The three pre-release phases of PEP 440, in ascending order. */
public enum PreKind {
    /** Alpha, spelled {@code a} or {@code alpha}. */
    ALPHA("a"),
    /** Beta, spelled {@code b} or {@code beta}. */
    BETA("b"),
    /** Release candidate, spelled {@code rc}, {@code c}, {@code pre} or {@code preview}. */
    RC("rc");

    private final String label;

    PreKind(String label) {
        this.label = label;
    }

    /** The normalized spelling: {@code a}, {@code b} or {@code rc}. */
    public String label() {
        return label;
    }
}
