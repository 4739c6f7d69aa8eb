package dev.relock.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.advisory.AffectedRange.Event;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AffectedRangeTest {
    static final PackageName PKG = PackageName.of("Demo_Pkg");

    static Version v(String s) {
        return Version.parse(s);
    }

    static AffectedRange range(Event... events) {
        return AffectedRange.of(PKG, List.of(events));
    }

    @Test
    void introducedZeroCoversEverythingBelowTheFixIncludingPreReleases() {
        AffectedRange r = range(Event.start(), Event.fixed(v("2.31.0")));
        assertThat(r.affects(v("0.0.1.dev0"))).isTrue();
        assertThat(r.affects(v("0"))).isTrue();
        assertThat(r.affects(v("2.30.9"))).isTrue();
        assertThat(r.affects(v("2.31.0rc1"))).isTrue();
        assertThat(r.affects(v("2.31.0"))).isFalse();
        assertThat(r.affects(v("2.31"))).as("2.31 == 2.31.0 in PEP 440").isFalse();
        assertThat(r.affects(v("10.0"))).as("PEP 440 order, not string order").isFalse();
    }

    @Test
    void introducedIsInclusiveAndFixedExclusive() {
        AffectedRange r = range(Event.introduced(v("1.2")), Event.fixed(v("1.4.1")));
        assertThat(r.affects(v("1.1.9"))).isFalse();
        assertThat(r.affects(v("1.2"))).isTrue();
        assertThat(r.affects(v("1.4"))).isTrue();
        assertThat(r.affects(v("1.4.1"))).isFalse();
        assertThat(r.affects(v("1.4.1.post1"))).isFalse();
    }

    @Test
    void lastAffectedIsInclusive() {
        AffectedRange r = range(Event.introduced(v("1.0")), Event.lastAffected(v("1.5")));
        assertThat(r.affects(v("0.9"))).isFalse();
        assertThat(r.affects(v("1.5"))).isTrue();
        assertThat(r.affects(v("1.5.post1"))).isFalse();
        assertThat(r.affects(v("1.6"))).isFalse();
        assertThat(r.fixed()).isEmpty();
    }

    @Test
    void anOpenRangeAffectsEveryLaterVersion() {
        AffectedRange r = range(Event.introduced(v("3.0")));
        assertThat(r.affects(v("2.9"))).isFalse();
        assertThat(r.affects(v("3.0"))).isTrue();
        assertThat(r.affects(v("99"))).isTrue();
    }

    @Test
    void severalIntroducedFixedPairsInOneRangeAreEvaluatedInVersionOrder() {
        // given out of order, as some records do
        AffectedRange r = range(Event.fixed(v("2.1.3")), Event.introduced(v("2.0")), Event.fixed(v("1.10.2")),
                Event.introduced(v("1.0")));
        assertThat(r.affects(v("0.9"))).isFalse();
        assertThat(r.affects(v("1.9"))).isTrue();
        assertThat(r.affects(v("1.10.2"))).isFalse();
        assertThat(r.affects(v("1.11"))).isFalse();
        assertThat(r.affects(v("2.0"))).isTrue();
        assertThat(r.affects(v("2.1.3"))).isFalse();
        assertThat(r.fixed()).containsExactly(v("1.10.2"), v("2.1.3"));
    }

    @Test
    void explicitVersionsListMatchesExactlyThoseVersions() {
        AffectedRange r = AffectedRange.listed(PKG, List.of(v("1.0"), v("1.1.0"), v("2.0b1")));
        assertThat(r.affects(v("1.0.0"))).isTrue();
        assertThat(r.affects(v("1.1"))).isTrue();
        assertThat(r.affects(v("2.0b1"))).isTrue();
        assertThat(r.affects(v("1.0.1"))).isFalse();
        assertThat(r.affects(v("2.0"))).isFalse();
    }

    @Test
    void anAdvisoryAffectsAVersionInAnyOfItsRangesOfThatPackageOnly() {
        Advisory a = new Advisory("GHSA-1", List.of("CVE-2026-1"), "bad", Optional.of("HIGH"), List.of(
                range(Event.introduced(v("1.0")), Event.fixed(v("1.2"))),
                range(Event.introduced(v("2.0")), Event.fixed(v("2.3"))),
                AffectedRange.listed(PKG, List.of(v("0.5"))),
                AffectedRange.of(PackageName.of("other"), List.of(Event.start()))),
                Optional.empty(), Optional.empty());
        assertThat(a.affects(PackageName.of("demo-pkg"), v("1.1"))).isTrue();
        assertThat(a.affects(PKG, v("2.2"))).isTrue();
        assertThat(a.affects(PKG, v("0.5"))).isTrue();
        assertThat(a.affects(PKG, v("1.5"))).isFalse();
        assertThat(a.affects(PackageName.of("other"), v("1.5"))).isTrue();
        assertThat(a.affects(PackageName.of("third"), v("1.1"))).isFalse();
        assertThat(a.fixedVersions(PKG)).containsExactly(v("1.2"), v("2.3"));
        assertThat(a.fixesFor(PKG, v("2.1"))).containsExactly(v("2.3"));
        assertThat(a.fixesFor(PKG, v("0.5"))).isEmpty();
        assertThat(a.isKnownAs("cve-2026-1")).isTrue();
        assertThat(a.cves()).containsExactly("CVE-2026-1");
    }
}
