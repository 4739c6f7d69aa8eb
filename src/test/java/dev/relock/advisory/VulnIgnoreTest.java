package dev.relock.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VulnIgnoreTest {

    @Test
    void parsesIdExpiryAndAReasonThatMayHoldColonsAndAts() {
        assertThat(VulnIgnore.parse("GHSA-j8r2-6x86-q33q")).isEqualTo(
                new VulnIgnore("GHSA-j8r2-6x86-q33q", Optional.empty(), Optional.empty()));
        assertThat(VulnIgnore.parse("CVE-2023-32681@2027-01-01")).isEqualTo(
                new VulnIgnore("CVE-2023-32681", Optional.empty(), Optional.of(LocalDate.of(2027, 1, 1))));
        assertThat(VulnIgnore.parse("PYSEC-2023-74@2027-01-01:see ops@example.org: no proxies")).isEqualTo(
                new VulnIgnore("PYSEC-2023-74", Optional.of("see ops@example.org: no proxies"),
                        Optional.of(LocalDate.of(2027, 1, 1))));
        assertThat(VulnIgnore.parse("PYSEC-2023-74:no date").until()).isEmpty();
    }

    @Test
    void malformedValuesAreBadInputNamingTheOption() {
        assertThatThrownBy(() -> VulnIgnore.parse("GHSA-x@tomorrow"))
                .hasMessageStartingWith("--ignore-vuln 'GHSA-x@tomorrow': 'tomorrow' is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> VulnIgnore.parse(":reason"))
                .hasMessageStartingWith("--ignore-vuln ':reason': '' is not an advisory id");
    }

    @Test
    void expiresTheDayAfterUntil() {
        VulnIgnore i = VulnIgnore.parse("GHSA-a-b@2027-01-01");
        assertThat(i.expiredOn(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(i.expiredOn(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(VulnIgnore.parse("GHSA-a-b").expiredOn(LocalDate.MAX)).isFalse();
    }

    @Test
    void matchesTheIdOrAnAliasInAnyCase() {
        Advisory a = new Advisory("GHSA-a-b", List.of("CVE-2026-9"), "", Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
        assertThat(VulnIgnore.parse("cve-2026-9").matches(a)).isTrue();
        assertThat(VulnIgnore.parse("GHSA-A-B").matches(a)).isTrue();
        assertThat(VulnIgnore.parse("CVE-2026-8").matches(a)).isFalse();
    }

    @Test
    void readsTheSettingsArrayOfIdsAndTables() throws Exception {
        var node = new ObjectMapper().readTree("""
                [{"id": "GHSA-a-b", "reason": "r", "until": "2027-01-01"}, "CVE-2026-9"]""");
        assertThat(VulnIgnore.fromToml(node, "pyproject.toml")).containsExactly(
                new VulnIgnore("GHSA-a-b", Optional.of("r"), Optional.of(LocalDate.of(2027, 1, 1))),
                new VulnIgnore("CVE-2026-9", Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> VulnIgnore.fromToml(new ObjectMapper().readTree("[{\"id\": \"GHSA-a-b\", \"why\": 1}]"),
                "pyproject.toml")).hasMessage("pyproject.toml: ignore-vulns: unknown field 'why' (known: id, reason, until)");
        assertThatThrownBy(() -> VulnIgnore.fromToml(new ObjectMapper().readTree("\"GHSA-a-b\""), "relock.toml"))
                .hasMessageStartingWith("relock.toml: ignore-vulns must be an array");
    }
}
