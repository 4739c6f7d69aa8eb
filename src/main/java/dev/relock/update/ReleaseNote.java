package dev.relock.update;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pull request says about one new release besides the table.
 *
 * @param name package name
 * @param version the new version
 * @param changelog label and URL of its changelog or release notes, when its metadata has one
 * @param notes warnings: Requires-Python moved, no wheel for the target
 */
public record ReleaseNote(String name, String version, Optional<Link> changelog, List<String> notes) {
    public ReleaseNote {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(changelog, "changelog");
        notes = List.copyOf(notes);
    }

    /** A labelled link. */
    public record Link(String label, String url) {}

    /** Labels of {@code Project-URL} entries that point at release notes, compared normalized (PEP 753 style). */
    static final List<String> CHANGELOG_LABELS =
            List.of("changelog", "changes", "releasenotes", "history", "whatsnew", "news", "release");

    /** The first Project-URL whose label names a changelog, in the metadata's order. */
    static Optional<Link> changelog(java.util.Map<String, String> projectUrls) {
        return projectUrls.entrySet().stream()
                .filter(e -> CHANGELOG_LABELS.contains(normalize(e.getKey())))
                .filter(e -> e.getValue().startsWith("https://") || e.getValue().startsWith("http://"))
                .findFirst()
                .map(e -> new Link(e.getKey(), e.getValue()));
    }

    static String normalize(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
