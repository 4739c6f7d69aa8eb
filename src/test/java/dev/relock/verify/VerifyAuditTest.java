package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.osv.FakeOsvServer;
import dev.relock.testing.osv.OsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relock verify --audit} end to end through the CLI, against a local index and a fake OSV
 * service. In {@link VerifyProject}'s lock, {@code d} is transitive ({@code a -> b -> d}).
 */
class VerifyAuditTest {
    static final String D_ADVISORY = "GHSA-dddd-1111-xxxx";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    LocalIndexServer index;
    FakeOsvServer osv;
    VerifyProject project;

    @BeforeEach
    void start() {
        index = LocalIndexServer.start(VerifyProject.scenario());
        project = new VerifyProject(dir, index);
        osv = FakeOsvServer.start();
        osv.add(OsvRecord.of(D_ADVISORY).alias("CVE-2026-1111", "PYSEC-2026-1").summary("d leaks secrets")
                        .severity("HIGH").range("D", "introduced=0", "fixed=1.0.2", "introduced=2.0", "fixed=2.1"),
                OsvRecord.of("PYSEC-2026-1").alias("CVE-2026-1111", D_ADVISORY).summary("d leaks secrets")
                        .range("d", "introduced=0", "fixed=1.0.2"),
                OsvRecord.of("GHSA-aaaa-wwww-0000").summary("retracted: a was fine").severity("CRITICAL")
                        .withdrawn("2026-01-05T00:00:00Z").range("a", "introduced=0"),
                OsvRecord.of("GHSA-bbbb-0000-0000").summary("only old b").range("b", "introduced=0", "fixed=1.0"));
    }

    @AfterEach
    void stop() {
        osv.close();
        index.close();
    }

    VerifyProject.Result audit(String... extra) {
        return audit(Map.of(), extra);
    }

    VerifyProject.Result audit(Map<String, String> env, String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "verify";
        args[1] = "--audit";
        args[2] = "--osv-url";
        args[3] = osv.baseUrl();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return project.run(env, args);
    }

    int dLine() {
        return project.lineOf("requirements.txt", "d==1.0");
    }

    @Test
    void anAdvisoryOfATransitivePinIsAnErrorAtItsLineNamingTheFix() {
        VerifyProject.Result r = audit();
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("requirements.txt:" + dLine() + ": error[vulnerable] d==1.0 is affected by "
                + D_ADVISORY + " (CVE-2026-1111, severity HIGH): d leaks secrets; fixed in 1.0.2"
                + " (expected d==1.0.2, found d==1.0)\n\n"
                + "relock verify: FAILED: 1 error, 0 warnings in 1 lockfile (5 pins, 7 checks)\n");
        assertThat(r.out()).as("withdrawn advisory").doesNotContain("GHSA-aaaa");
        assertThat(r.out()).as("the PYSEC record aliases the GHSA one").doesNotContain("PYSEC-2026-1:");
    }

    @Test
    void aPinMatchedOnlyByAVersionsListNamesTheNextFixedVersionOfTheRecord() {
        osv.add(OsvRecord.of("PYSEC-2026-5").summary("e: line one\n\u001b[31mline two").versions("e", "1.0")
                .range("e", "introduced=2.0", "fixed=2.1"));
        VerifyProject.Result r = audit("--ignore-vuln", D_ADVISORY);
        assertThat(r.out()).contains("error[vulnerable] e==1.0 is affected by PYSEC-2026-5: e: line one ?[31mline two;"
                .replace("?", " ") + " fixed in 2.1 (expected e==2.1, found e==1.0)");
    }

    @Test
    void withoutAuditNoAdvisoryIsAskedFor() {
        VerifyProject.Result r = project.run("verify", "--osv-url", osv.baseUrl());
        assertThat(r.status()).isZero();
        assertThat(osv.requests()).isEmpty();
        assertThat(project.run("verify", "--check", "vulnerable", "--osv-url", osv.baseUrl()).status())
                .as("--check vulnerable audits").isEqualTo(1);
    }

    @Test
    void aValidIgnoreIsListedAsIgnoredAndAnExpiredOneReportsAgain() {
        VerifyProject.Result ignored = audit("--ignore-vuln", "CVE-2026-1111@2099-12-31:no secrets reach d");
        assertThat(ignored.status()).as(ignored.out()).isZero();
        assertThat(ignored.out()).contains("note: ignored vulnerability: requirements.txt:" + dLine()
                + " d==1.0 is affected by " + D_ADVISORY + " (CVE-2026-1111, severity HIGH): d leaks secrets;"
                + " accepted by CVE-2026-1111 (until 2099-12-31: no secrets reach d)\n");

        VerifyProject.Result expired = audit("--ignore-vuln", D_ADVISORY + "@2020-01-31:waiting for 1.0.2");
        assertThat(expired.status()).isEqualTo(1);
        assertThat(expired.out()).contains("error[vulnerable] d==1.0 is affected by " + D_ADVISORY)
                .contains("fixed in 1.0.2; the ignore of " + D_ADVISORY + " expired on 2020-01-31")
                .doesNotContain("note: ignored");
    }

    @Test
    void ignoresComeFromToolRelockTooAndOneMatchingNothingIsNoted() {
        project.write("pyproject.toml", """
                [tool.relock]
                ignore-vulns = [
                  { id = "%s", reason = "not reachable", until = 2099-01-01 },
                  "GHSA-none-of-these",
                ]
                """.formatted(D_ADVISORY));
        VerifyProject.Result r = audit();
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("accepted by " + D_ADVISORY + " (until 2099-01-01: not reachable)")
                .contains("note: ignore-vuln GHSA-none-of-these matched no advisory of these pins");

        project.write("pyproject.toml", "[tool.relock]\nignore-vulns = [{ id = \"GHSA-x-y\", until = \"soon\" }]\n");
        VerifyProject.Result bad = audit();
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("relock: error: pyproject.toml: ignore-vulns: 'soon' is not a date"
                + " YYYY-MM-DD (an array of ids or of tables like {id = \"GHSA-...\", reason = \"...\","
                + " until = \"2027-01-01\"})\n");
    }

    @Test
    void theOfflineZipDatabaseGivesTheSameJson() throws Exception {
        VerifyProject.Result online = audit("--format", "json");
        Path zip = osv.writeZip(dir.resolve("osv-all.zip"));
        osv.stop();
        VerifyProject.Result offline = project.run("verify", "--audit", "--osv-db", zip.toString(), "--format", "json");
        assertThat(offline.status()).isEqualTo(1);
        assertThat(offline.out()).isEqualTo(online.out());
        JsonNode finding = JSON.readTree(online.out()).get("findings").get(0);
        assertThat(finding.get("check").asText()).isEqualTo("vulnerable");
        assertThat(finding.get("line").asInt()).isEqualTo(dLine());
        assertThat(finding.get("package").asText()).isEqualTo("d");
        assertThat(finding.get("expected").asText()).isEqualTo("d==1.0.2");
        assertThat(finding.get("message").asText()).contains(D_ADVISORY).contains("CVE-2026-1111");
    }

    @Test
    void githubFormatAnnotatesThePinAndTheJobSummaryListsFindingAndIgnores() throws Exception {
        osv.add(OsvRecord.of("GHSA-eeee-0000-0000").summary("e is slow").range("e", "introduced=1.0",
                "last_affected=1.0"));
        Path summary = dir.resolve("summary.md");
        VerifyProject.Result r = audit(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                "--ignore-vuln", "GHSA-eeee-0000-0000:accepted");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("::error file=requirements.txt,line=" + dLine()
                + ",title=relock verify%3A vulnerable::d==1.0 is affected by " + D_ADVISORY);
        assertThat(r.out()).contains("::notice title=relock verify::ignored vulnerability: requirements.txt:"
                + project.lineOf("requirements.txt", "e==1.0") + " e==1.0 is affected by GHSA-eeee-0000-0000");
        assertThat(Files.readString(summary))
                .contains("| error | vulnerable | `requirements.txt:" + dLine() + "` | d | d==1.0 is affected by "
                        + D_ADVISORY)
                .contains("> ignored vulnerability: requirements.txt:" + project.lineOf("requirements.txt", "e==1.0")
                        + " e==1.0 is affected by GHSA-eeee-0000-0000: e is slow; accepted by GHSA-eeee-0000-0000"
                        + " (accepted)");
    }

    @Test
    void anUnreachableOsvServiceIsExit4WithOneLine() {
        osv.failWith(500);
        VerifyProject.Result failing = audit();
        assertThat(failing.status()).isEqualTo(4);
        assertThat(failing.err()).startsWith("relock: error: OSV querybatch (5 pins): " + osv.baseUrl()
                + "/v1/querybatch answered HTTP 500").endsWith("--osv-db PATH audits offline)\n").hasLineCount(1);

        osv.stop();
        VerifyProject.Result down = audit("--format", "json");
        assertThat(down.status()).isEqualTo(4);
        assertThat(down.err()).contains("connection refused").hasLineCount(1);
        assertThat(down.out()).contains("\"kind\" : \"network\"").contains("\"passed\" : false");
    }

    @Test
    void offlineAuditsFromTheCacheOrFailsClearly() {
        VerifyProject.Result cold = audit("--offline");
        assertThat(cold.status()).isEqualTo(4);
        assertThat(cold.err()).startsWith("relock: error: --offline: the cache holds no OSV answer for a==1.0 and 4 more"
                + " pins;").hasLineCount(1);

        assertThat(audit().status()).isEqualTo(1);
        osv.stop();
        VerifyProject.Result warm = audit("--offline");
        assertThat(warm.status()).isEqualTo(1);
        assertThat(warm.out()).contains("error[vulnerable] d==1.0 is affected by " + D_ADVISORY);
    }
}
