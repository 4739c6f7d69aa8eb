package dev.relock.resolve;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.List;
import java.util.Objects;

/**
 * A release newer than the chosen one that was passed over only because some target has no file
 * of it: it satisfies every requirement on the package in the resolution, its Requires-Python
 * admits the target, it is not yanked, not excluded by exclude-newer, and the pre-release and
 * binary policies allow it; only its wheels' tags do not fit.
 *
 * @param name the package
 * @param version the newest such release
 * @param chosen the version chosen instead
 * @param reasons one per target without a file, e.g.
 *     {@code its wheels need manylinux_2_28, the target is x86_64-manylinux_2_17}
 * @param hint what the user can change, e.g. {@code set --python-platform}
 */
public record SkippedVersion(PackageName name, Version version, Version chosen, List<String> reasons, String hint) {
    public SkippedVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(chosen, "chosen");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a skipped version needs a reason");
        }
        Objects.requireNonNull(hint, "hint");
    }

    /**
     * One line for the user, e.g. {@code numpy 2.4.6 skipped: its wheels need manylinux_2_28, the
     * target is x86_64-manylinux_2_17; set --python-platform}.
     */
    public String message() {
        return name + " " + version + " skipped: " + String.join("; ", reasons) + (hint.isEmpty() ? "" : "; " + hint);
    }
}
