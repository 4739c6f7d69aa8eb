package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.testing.index.LocalIndexServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code relock verify} end to end through {@code Main.run}, against a local index. */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    LocalIndexServer server;
    VerifyProject project;

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(VerifyProject.scenario());
        project = new VerifyProject(dir, server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Expected(String check, String file, int line) {}

    /** A defect: how to break the project, and the one finding it must cause. */
    record Defect(String name, Consumer<VerifyProject> breakIt, java.util.function.Function<VerifyProject, Expected> finding,
            List<String> extraArgs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                new Defect("a lock hash with one digit changed (tampered lock)", p -> {
                    String hash = p.hashes("a==1.0").get(0);
                    p.edit("requirements.txt", hash, flipLastDigit(hash));
                }, p -> new Expected("hash-match", "requirements.txt", p.lineOf("requirements.txt", "a==1.0") + 1),
                        List.of()),
                new Defect("a file republished with other bytes (tampered index)",
                        p -> p.server.publish("d", "1.0", r -> r.requiresPython(">=3.10").summary("changed bytes")),
                        p -> new Expected("hash-match", "requirements.txt", p.lineOf("requirements.txt", "d==1.0") + 1),
                        List.of()),
                new Defect("a removed hash", p -> p.edit("requirements.txt", p.block("d==1.0"), "d==1.0\n"),
                        p -> new Expected("hashed", "requirements.txt", p.lineOf("requirements.txt", "d==1.0")),
                        List.of()),
                new Defect("a loose pin", p -> p.edit("requirements.txt", "b==1.0 \\", "b>=1.0 \\"),
                        p -> new Expected("pinned", "requirements.txt", p.lineOf("requirements.txt", "b>=1.0")),
                        List.of()),
                new Defect("a yanked pin", p -> p.server.yank("b", "1.0", "broken build"),
                        p -> new Expected("hash-match", "requirements.txt", p.lineOf("requirements.txt", "b==1.0")),
                        List.of()),
                new Defect("a package missing from the pins", p -> p.edit("requirements.txt", p.block("d==1.0"), ""),
                        p -> new Expected("fresh", "requirements.txt", p.lineOf("requirements.txt", "b==1.0")),
                        List.of()),
                new Defect("an extra pin", p -> p.write("requirements.txt",
                                p.lockText(List.of("a==1.0", "b==1.0", "c==2.0", "d==1.0", "e==1.0", "f==1.0"))),
                        p -> new Expected("fresh", "requirements.txt", p.lineOf("requirements.txt", "f==1.0")),
                        List.of()),
                new Defect("a stale .in with a new requirement", p -> p.write("requirements.in", "a\nc[socks]\nh>=1\n"),
                        p -> new Expected("fresh", "requirements.in", 3), List.of()),
                new Defect(".python-version 3.11.8 against FROM python:3.12.1-slim",
                        p -> p.write("Dockerfile", "# build\nFROM --platform=linux/amd64 python:3.12.1-slim AS build\n"
                                + "RUN pip install --require-hashes --no-deps -r requirements.txt\n"),
                        p -> new Expected("python-pin", "Dockerfile", 2), List.of()),
                new Defect("a pin whose Requires-Python excludes the target", p -> { },
                        p -> new Expected("python-pin", "requirements.txt", p.lineOf("requirements.txt", "d==1.0")),
                        List.of("--python-version", "3.9.18")))
                .map(Arguments::of);
    }

    @Test
    void aCorrectLockPasses() {
        VerifyProject.Result r = project.run("verify");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).isEqualTo("relock verify: OK: 0 errors, 0 warnings in 1 lockfile (5 pins, 6 checks)\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachDefectGivesExactlyOneFindingAtTheRightLine(Defect defect) throws IOException {
        defect.breakIt().accept(project);
        List<String> args = new ArrayList<>(List.of("verify", "--format", "json"));
        args.addAll(defect.extraArgs());
        VerifyProject.Result r = project.run(args.toArray(String[]::new));
        JsonNode findings = JSON.readTree(r.out()).get("findings");
        assertThat(findings).as(r.out() + r.err()).hasSize(1);
        Expected e = defect.finding().apply(project);
        JsonNode f = findings.get(0);
        assertThat(f.get("check").asText()).isEqualTo(e.check());
        assertThat(f.get("file").asText()).isEqualTo(e.file());
        assertThat(f.get("line").asInt()).as(f.toString()).isEqualTo(e.line());
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void aTamperedHashIsReportedAsPossibleTamperingWithPackageAndHash() {
        String hash = project.hashes("a==1.0").get(0);
        project.edit("requirements.txt", hash, flipLastDigit(hash));
        VerifyProject.Result r = project.run("verify");
        int line = project.lineOf("requirements.txt", flipLastDigit(hash));
        assertThat(r.out()).startsWith("requirements.txt:" + line + ": error[hash-match] possible tampering: a hash "
                + flipLastDigit(hash));
        assertThat(r.out()).endsWith("relock verify: FAILED: 1 error, 0 warnings in 1 lockfile (5 pins, 6 checks)\n");
    }

    @Test
    void jsonOutputFollowsTheDocumentedSchema() throws IOException {
        project.edit("requirements.txt", "b==1.0 \\", "b>=1.0 \\");
        VerifyProject.Result r = project.run("verify", "--format", "json");
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("version").asInt()).isEqualTo(1);
        JsonNode f = root.get("findings").get(0);
        assertThat(iterableNames(f)).containsExactly(
                "check", "severity", "file", "line", "package", "expected", "found", "message");
        assertThat(f.get("package").asText()).isEqualTo("b");
        assertThat(f.get("expected").asText()).isEqualTo("b==<version>");
        assertThat(f.get("found").asText()).isEqualTo("b>=1.0");
        JsonNode summary = root.get("summary");
        assertThat(iterableNames(summary)).containsExactly(
                "passed", "strict", "errors", "warnings", "pins", "lockfiles", "checks", "notes");
        assertThat(summary.get("passed").asBoolean()).isFalse();
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("lockfiles").get(0).asText()).isEqualTo("requirements.txt");
    }

    @Test
    void githubFormatWritesAnnotationsTheStepSummaryAndTheFindingsOutput() throws IOException {
        project.edit("requirements.txt", "b==1.0 \\", "b>=1.0 \\");
        Path summary = dir.resolve("summary.md");
        Path output = dir.resolve("output.txt");
        VerifyProject.Result r = project.run(Map.of("GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString()), "verify");
        int line = project.lineOf("requirements.txt", "b>=1.0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("::error file=requirements.txt,line=" + line
                + ",title=relock verify%3A pinned::'b>=1.0' is not an exact pin: a version range lets pip install a"
                + " version nobody locked (expected b==<version>, found b>=1.0)");
        assertThat(Files.readString(summary)).contains("### relock verify: failed")
                .contains("| error | pinned | `requirements.txt:" + line + "` | b |");
        assertThat(Files.readString(output)).matches("(?s)findings<<(relock_[-0-9a-f]+)\n1\n\\1\n");
    }

    @Test
    void checkAndSkipSelectChecks() {
        project.edit("requirements.txt", "b==1.0 \\", "b>=1.0 \\");
        assertThat(project.run("verify", "--skip", "pinned").status()).isZero();
        assertThat(project.run("verify", "--check", "hashed", "--check", "fresh").status()).isZero();
        assertThat(project.run("verify", "--check", "pinned").status()).isEqualTo(1);
        VerifyProject.Result unknown = project.run("verify", "--check", "no-such-check");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("relock: error: unknown check 'no-such-check'; the checks are: pinned,");
    }

    @Test
    void strictTurnsWarningsIntoFailures() {
        project.write("Dockerfile", "FROM python:3.11-slim\nRUN pip install -r requirements.txt\n");
        VerifyProject.Result lenient = project.run("verify");
        assertThat(lenient.status()).as(lenient.out()).isZero();
        assertThat(lenient.out()).contains("Dockerfile:1: warning[install-hygiene] python:3.11-slim is not an exact"
                + " patch version")
                .contains("Dockerfile:2: warning[install-hygiene] 'pip install -r requirements.txt' installs"
                        + " requirements.txt without --require-hashes and --no-deps");
        VerifyProject.Result strict = project.run("verify", "--strict");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("FAILED: 0 errors, 2 warnings (strict)");
    }

    @Test
    void strictReResolvesWithThePinsAsPreferencesAndReportsTheDifference() {
        assertThat(project.run("verify", "--strict", "--no-cache").status()).isZero();
        server.yank("d", "1.0");
        server.publish("d", "1.1", r -> { });
        assertThat(project.run("verify", "--check", "fresh", "--no-cache").status()).isZero();
        VerifyProject.Result strict = project.run("verify", "--check", "fresh", "--strict", "--no-cache");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).startsWith("requirements.txt:" + project.lineOf("requirements.txt", "d==1.0")
                + ": warning[fresh] re-resolving requirements.in picks d==1.1 instead of d==1.0");
    }

    @Test
    void strictReportsAnInThatNoLongerResolves() {
        project.write("requirements.in", "a\nc[socks]\nb<1.0\n");
        VerifyProject.Result r = project.run("verify", "--check", "fresh", "--strict");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("requirements.in: error[fresh] re-resolving requirements.in fails: ")
                .contains("requirements.in:3: error[fresh] stale: requirements.in requires b<1.0");
    }

    @Test
    void withoutArgumentsEveryLockfileFoundIsVerified() {
        project.write("sub/requirements.in", "e\n");
        project.write("sub/requirements.txt", project.lockText(List.of("e==1.0", "f==1.0")));
        VerifyProject.Result r = project.run("verify");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("sub/requirements.txt:" + (project.lineOf("sub/requirements.txt", "f==1.0"))
                + ": error[fresh] extraneous: f==1.0 is not required by requirements.in")
                .endsWith("in 2 lockfiles (7 pins, 6 checks)\n");
    }

    @Test
    void noLockfileToFindIsBadInput() throws IOException {
        Files.delete(project.lock);
        VerifyProject.Result r = project.run("verify");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("relock: error: no lockfiles found in ");
    }

    @Test
    void anotherPythonVersionFileCanBeNamed() {
        project.write("config/python.txt", "3.12.1\n");
        VerifyProject.Result r = project.run("verify", "--python-version-file", "config/python.txt",
                "--check", "python-pin");
        assertThat(r.out()).startsWith("requirements.txt:2: error[python-pin] Python mismatch: Python 3.11 here, but"
                + " python.txt pins 3.12.1");
    }

    @Test
    void anUnreachableIndexExitsWithFourAndNeverPasses() {
        server.close();
        VerifyProject.Result r = project.run("verify");
        assertThat(r.status()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).doesNotContain("OK");
    }

    @Test
    void aMalformedLockfileExitsWithTwoNamingFileAndLine() {
        project.edit("requirements.txt", "c==2.0 \\", "c==2.0 --frobnicate \\");
        VerifyProject.Result r = project.run("verify", "requirements.txt");
        assertThat(r.status()).isEqualTo(2);
        int line = project.lineOf("requirements.txt", "c==2.0");
        assertThat(r.err()).startsWith("relock: error: " + dir.resolve("requirements.txt") + ":" + line + ":");
    }

    @Test
    void offlineRunsOnlyStructuralChecks() {
        server.close();
        VerifyProject.Result r = project.run("verify", "--offline");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("note: offline: checks against the index were skipped");
    }

    @Test
    void offlineStillFindsStructuralDefects() {
        server.close();
        project.write("requirements.in", "a\nc[socks]\nh\n");
        VerifyProject.Result r = project.run("verify", "--offline");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("requirements.in:3: error[fresh] missing: h is required by requirements.in");
    }

    @Test
    void aWheelhouseWithTheLockedFilesSatisfiesTheLock() throws IOException {
        Path wheelhouse = exportWheelhouse();
        VerifyProject.Result r = project.run("verify", "--wheelhouse", wheelhouse.toString(), "--check", "hash-match",
                "--offline");
        assertThat(r.status()).as(r.out()).isZero();
    }

    @Test
    void aWheelhouseFileWithOneByteFlippedIsPossibleTampering() throws IOException {
        Path wheelhouse = exportWheelhouse();
        Path wheel = wheelhouse.resolve("e-1.0-py3-none-any.whl");
        byte[] bytes = Files.readAllBytes(wheel);
        bytes[bytes.length / 2] ^= 1;
        Files.write(wheel, bytes);
        VerifyProject.Result r = project.run("verify", "--wheelhouse", wheelhouse.toString(), "--check", "hash-match",
                "--offline");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("requirements.txt:" + project.lineOf("requirements.txt", "e==1.0")
                + ": error[hash-match] possible tampering: wheelhouse file e-1.0-py3-none-any.whl has sha256:");
        assertThat(r.out()).contains("1 error, 3 warnings");
    }

    @Test
    void aWheelhouseListsMissingAndExtraFilesForTheTarget() throws IOException {
        Path wheelhouse = exportWheelhouse();
        Files.delete(wheelhouse.resolve("d-1.0-py3-none-any.whl"));
        VerifyProject.Result r = project.run("verify", "--wheelhouse", wheelhouse.toString(), "--check", "hash-match",
                "--offline");
        assertThat(r.out())
                .contains("requirements.txt:" + project.lineOf("requirements.txt", "d==1.0")
                        + ": error[hash-match] missing: the wheelhouse has no file of d==1.0")
                .contains("wheelhouse/f-1.0-py3-none-any.whl: warning[hash-match] extra: f-1.0-py3-none-any.whl is not"
                        + " needed")
                .contains("1 error, 3 warnings");
    }

    private Path exportWheelhouse() throws IOException {
        Path wheelhouse = dir.resolve("wheelhouse");
        LocalIndexServer.exportFindLinks(server.scenario(), wheelhouse);
        return wheelhouse;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String flipLastDigit(String hash) {
        char last = hash.charAt(hash.length() - 1);
        return hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0');
    }
}
