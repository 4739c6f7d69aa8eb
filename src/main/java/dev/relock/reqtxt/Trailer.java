package dev.relock.reqtxt;

import java.util.List;

/**
 * The block after the pins that lists packages kept out of the main list: pip-compile's unsafe
 * packages (pinned with {@code --allow-unsafe}, commented out otherwise) or uv's excluded packages.
 *
 * @param heading the comment lines that open the block, verbatim
 * @param pins the unsafe packages pinned (pip-compile {@code --allow-unsafe}); the writer sorts them
 * @param names the packages listed as {@code # name} comments, in the given order
 */
public record Trailer(List<String> heading, List<Pin> pins, List<String> names) {

    /** pip-compile's heading for unsafe packages. */
    public static final String UNSAFE_HEADING =
            "# The following packages are considered to be unsafe in a requirements file:";
    /** pip-compile's heading when unsafe packages are left unpinned in a hashed file. */
    public static final List<String> UNPINNED_WARNING = List.of(
            "# WARNING: The following packages were not pinned, but pip requires them to be",
            "# pinned when the requirements file includes hashes. Consider using the --allow-unsafe flag.");
    /** uv's heading for packages left out with {@code --no-emit-package}. */
    public static final String UV_EXCLUDED_HEADING = "# The following packages were excluded from the output:";

    public Trailer {
        heading = List.copyOf(heading);
        pins = List.copyOf(pins);
        names = List.copyOf(names);
        if (heading.isEmpty() || pins.isEmpty() == names.isEmpty()) {
            throw new IllegalArgumentException("a trailer has a heading and either pins or names");
        }
    }

    /** pip-compile {@code --allow-unsafe}: the unsafe packages pinned under the unsafe heading. */
    public static Trailer unsafePinned(List<Pin> pins) {
        return new Trailer(List.of(UNSAFE_HEADING), pins, List.of());
    }

    /**
     * pip-compile without {@code --allow-unsafe}: the unsafe names as comments, under the warning
     * when the file has hashes. pip-compile lists them sorted by normalized name.
     */
    public static Trailer unsafeCommented(List<String> names, boolean fileHasHashes) {
        return new Trailer(fileHasHashes ? UNPINNED_WARNING : List.of(UNSAFE_HEADING), List.of(), names);
    }

    /** uv {@code --no-emit-package}: the excluded names as comments. */
    public static Trailer uvExcluded(List<String> names) {
        return new Trailer(List.of(UV_EXCLUDED_HEADING), List.of(), names);
    }

    /** Every heading the reader recognizes. */
    static List<List<String>> knownHeadings() {
        return List.of(UNPINNED_WARNING, List.of(UNSAFE_HEADING), List.of(UV_EXCLUDED_HEADING));
    }
}
