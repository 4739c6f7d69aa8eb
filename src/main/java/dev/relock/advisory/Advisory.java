package dev.relock.advisory;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One OSV advisory, reduced to what relock reports and evaluates.
 *
 * @param id the OSV id, e.g. {@code GHSA-j8r2-6x86-q33q} or {@code PYSEC-2023-74}
 * @param aliases other ids of the same vulnerability, e.g. {@code CVE-2023-32681}
 * @param summary one line (the OSV {@code summary}, else the first line of {@code details})
 * @param severity {@code database_specific.severity} (GitHub's {@code LOW}, {@code MODERATE},
 *     {@code HIGH}, {@code CRITICAL}) with the CVSS 3 base score when a vector gives one
 *     ({@code HIGH, CVSS 7.5}); else the rating and score of the CVSS 3 vector
 *     ({@code CRITICAL, CVSS 9.8}); else the first {@code severity[]} entry as {@code TYPE vector};
 *     empty when the record gives none
 * @param affected the PyPI versions affected (ECOSYSTEM ranges and explicit lists)
 * @param withdrawn when the advisory was withdrawn; a withdrawn advisory is never reported
 * @param modified when the record last changed, if known (used to keep cached details current)
 */
public record Advisory(
        String id,
        List<String> aliases,
        String summary,
        Optional<String> severity,
        List<AffectedRange> affected,
        Optional<Instant> withdrawn,
        Optional<Instant> modified) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        affected = List.copyOf(affected);
        Objects.requireNonNull(withdrawn, "withdrawn");
        Objects.requireNonNull(modified, "modified");
    }

    /** Whether {@code version} of {@code name} falls in one of the affected ranges. */
    public boolean affects(PackageName name, Version version) {
        return affected.stream().anyMatch(r -> r.name().equals(name) && r.affects(version));
    }

    /** Every {@code fixed} version given for {@code name}, lowest first, without repeats. */
    public List<Version> fixedVersions(PackageName name) {
        TreeSet<Version> fixed = new TreeSet<>();
        affected.stream().filter(r -> r.name().equals(name)).forEach(r -> fixed.addAll(r.fixed()));
        return List.copyOf(fixed);
    }

    /**
     * The fixed versions that help a pin at {@code version}: the lowest {@code fixed} above it in
     * every range that affects it, lowest first.
     */
    public List<Version> fixesFor(PackageName name, Version version) {
        TreeSet<Version> fixes = new TreeSet<>();
        for (AffectedRange r : affected) {
            if (r.name().equals(name) && r.affects(version)) {
                r.fixed().stream().filter(f -> f.compareTo(version) > 0).findFirst().ifPresent(fixes::add);
            }
        }
        return List.copyOf(fixes);
    }

    /** Whether the advisory was withdrawn. */
    public boolean isWithdrawn() {
        return withdrawn.isPresent();
    }

    /** Whether {@code otherId} is this advisory's id or one of its aliases (case-insensitive). */
    public boolean isKnownAs(String otherId) {
        return id.equalsIgnoreCase(otherId) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(otherId));
    }

    /** The advisory's page on osv.dev. */
    public String link() {
        return "https://osv.dev/vulnerability/" + id;
    }

    /** The CVE ids among the aliases (and the id itself when it is one). */
    public List<String> cves() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream())
                .filter(a -> a.startsWith("CVE-")).distinct().toList();
    }
}
