package dev.relock.reqtxt;

/** pip-compile's {@code --annotation-style}: how {@code # via} sources are printed. */
public enum AnnotationStyle {
    /** {@code     # via pkg}, or {@code     # via} followed by one {@code     #   pkg} line per source. */
    SPLIT,
    /** {@code pkg==1.0                  # via a, b} (on its own line after hashes). */
    LINE
}
