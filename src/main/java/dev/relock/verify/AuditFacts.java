package dev.relock.verify;

import dev.relock.advisory.Advisory;
import dev.relock.advisory.Pin;
import dev.relock.advisory.VulnIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit learned about one lockfile's pins, for the {@code vulnerable} check.
 *
 * @param advisories the advisories of each pin (withdrawn ones already left out)
 * @param ignores the accepted advisories ({@code --ignore-vuln} and {@code ignore-vulns})
 * @param today the date ignores are judged on
 */
public record AuditFacts(Map<Pin, List<Advisory>> advisories, List<VulnIgnore> ignores, LocalDate today) {

    public AuditFacts {
        advisories = Map.copyOf(advisories);
        ignores = List.copyOf(ignores);
        Objects.requireNonNull(today, "today");
    }

    /** One advisory of one pin and the ignore that names it, if any. */
    public record Hit(Pin pin, Advisory advisory, Optional<VulnIgnore> ignore) {
        /** Whether an ignore holds today: the advisory is listed as ignored, not reported. */
        public boolean ignoredOn(LocalDate today) {
            return ignore.isPresent() && !ignore.get().expiredOn(today);
        }
    }

    /**
     * The advisories of {@code pin}, one per vulnerability: records that alias each other (a GHSA
     * and a PYSEC record of one CVE) count once, under the first id in alphabetical order.
     */
    public List<Hit> hits(Pin pin) {
        List<Advisory> all = new ArrayList<>(advisories.getOrDefault(pin, List.of()));
        all.sort(java.util.Comparator.comparing(Advisory::id));
        List<Hit> hits = new ArrayList<>();
        for (Advisory a : all) {
            boolean duplicate = hits.stream().map(Hit::advisory).anyMatch(h -> sameVulnerability(h, a));
            if (!duplicate) {
                Optional<VulnIgnore> ignore = ignores.stream().filter(i -> all.stream()
                        .filter(b -> b == a || sameVulnerability(a, b)).anyMatch(i::matches)).findFirst();
                hits.add(new Hit(pin, a, ignore));
            }
        }
        return hits;
    }

    private static boolean sameVulnerability(Advisory a, Advisory b) {
        return a.isKnownAs(b.id()) || b.isKnownAs(a.id()) || a.aliases().stream().anyMatch(b::isKnownAs);
    }
}
