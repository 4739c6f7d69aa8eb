package dev.relock.verify;

import java.util.Locale;

/** How bad a finding is: errors fail verification, warnings only with {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
