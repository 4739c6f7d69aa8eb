package dev.relock.verify;

import dev.relock.tags.PythonVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python version as another tool writes it: a Docker tag ({@code 3.12.1-slim-bookworm}), a
 * setup-python input ({@code 3.11}), a {@code runtime.txt} line ({@code python-3.11.8}).
 *
 * @param text the value as written
 * @param version the version it names, when it names X.Y or X.Y.Z
 */
record PythonReference(String text, Optional<PythonVersion> version) {
    private static final Pattern LEADING = Pattern.compile("^(\\d+\\.\\d+(?:\\.\\d+)?)(?![\\d.])");

    /** Reads a value that starts with the version, like a Docker tag or a setup-python input. */
    static PythonReference of(String text) {
        Matcher m = LEADING.matcher(text);
        if (m.find()) {
            return new PythonReference(text, Optional.of(PythonVersion.parse(m.group(1))));
        }
        return new PythonReference(text, Optional.empty());
    }

    /** True when the value names an exact X.Y.Z. */
    boolean exact() {
        return version.map(PythonVersion::hasMicro).orElse(false);
    }

    /** The result of comparing with the project's Python. */
    enum Agreement {
        /** Same version (at the precision both give). */
        SAME,
        /** Same X.Y, but the value gives no patch version while the project pins one. */
        SAME_MINOR_INEXACT,
        /** A different version. */
        DIFFERENT,
        /** Not a plain version (an expression, ARG, {@code 3.x}, ...). */
        UNKNOWN
    }

    /** How this value compares with {@code pinned}. */
    Agreement compare(PythonVersion pinned) {
        if (version.isEmpty()) {
            return Agreement.UNKNOWN;
        }
        PythonVersion v = version.get();
        if (!v.majorMinor().equals(pinned.majorMinor())) {
            return Agreement.DIFFERENT;
        }
        if (v.hasMicro() && pinned.hasMicro()) {
            return v.equals(pinned) ? Agreement.SAME : Agreement.DIFFERENT;
        }
        return !v.hasMicro() && pinned.hasMicro() ? Agreement.SAME_MINOR_INEXACT : Agreement.SAME;
    }
}
