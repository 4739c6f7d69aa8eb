package dev.relock.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.testing.osv.OsvRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OsvRecordsTest {

    static Advisory parse(OsvRecord r) {
        return OsvRecords.parse(r.json().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsIdAliasesSummarySeverityRangesAndVersions() {
        Advisory a = parse(OsvRecord.of("GHSA-j8r2-6x86-q33q").alias("CVE-2023-32681", "PYSEC-2023-74")
                .summary("Unintended leak of Proxy-Authorization header").severity("MODERATE")
                .range("Requests", "introduced=2.3.0", "fixed=2.31.0")
                .versions("requests", "2.3.0", "not a version"));
        assertThat(a.id()).isEqualTo("GHSA-j8r2-6x86-q33q");
        assertThat(a.aliases()).containsExactly("CVE-2023-32681", "PYSEC-2023-74");
        assertThat(a.summary()).isEqualTo("Unintended leak of Proxy-Authorization header");
        assertThat(a.severity()).contains("MODERATE");
        assertThat(a.modified()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(a.withdrawn()).isEmpty();
        assertThat(a.affects(PackageName.of("requests"), Version.parse("2.30"))).isTrue();
        assertThat(a.fixedVersions(PackageName.of("requests"))).containsExactly(Version.parse("2.31.0"));
    }

    @Test
    void cvssVectorIsTheSeverityWhenTheDatabaseGivesNone() {
        Advisory a = parse(OsvRecord.of("PYSEC-1").details("First line.\nMore.")
                .cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(a.severity()).contains("CRITICAL, CVSS 9.8");
        assertThat(a.summary()).isEqualTo("First line.");
        assertThat(parse(OsvRecord.of("GHSA-1").severity("moderate").cvss("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"))
                .severity()).contains("MODERATE, CVSS 5.9");
        assertThat(parse(OsvRecord.of("PYSEC-2").cvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .severity()).contains("CVSS_V3 CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    }

    @Test
    void otherEcosystemsAndGitRangesAreSkipped() {
        String json = """
                {"id": "OSV-1", "affected": [
                  {"package": {"ecosystem": "npm", "name": "requests"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]},
                  {"package": {"ecosystem": "PyPI", "name": "requests"},
                   "ranges": [{"type": "GIT", "repo": "x", "events": [{"introduced": "abc"}]}]}
                ]}""";
        Advisory a = OsvRecords.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(a.affected()).isEmpty();
    }

    @Test
    void withdrawnIsReadEvenWhenItIsNoTimestamp() {
        assertThat(parse(OsvRecord.of("A").withdrawn("2026-02-01T00:00:00Z")).withdrawn())
                .contains(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(parse(OsvRecord.of("A").withdrawn("yes")).isWithdrawn()).isTrue();
    }

    @Test
    void aRecordWithoutIdIsRejected() {
        assertThatThrownBy(() -> OsvRecords.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no \"id\"");
        assertThatThrownBy(() -> OsvRecords.parse("{".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not JSON");
    }
}
