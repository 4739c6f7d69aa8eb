package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.testing.index.Fault;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, through the CLI: time limits against a silent and a trickling index, --exclude-newer
 * against an index without upload times, verify's JSON on failure, check selections that leave
 * nothing, progress on a terminal only, and help.
 */
class RobustnessCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();


    @TempDir Path dir;
    LocalIndexServer server;

    static Scenario scenario() {
        return Scenario.builder()
                .project("alpha", p -> p.release("1.0", r -> r.requires("beta>=1")))
                .project("beta", p -> p.release("1.0").release("2.0"))
                .build();
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        Files.writeString(dir.resolve("requirements.in"), "alpha\n");
        server = LocalIndexServer.start(scenario());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result relock(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new RunContext(env, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                terminal));
        return new Result(status, out.toString(), err.toString());
    }

    Result relock(String... args) {
        return relock(Map.of(), false, args);
    }

    String index() {
        return server.simpleUrl().toString();
    }

    // ---- item 6: time limits -------------------------------------------------------------------

    @Test
    void aSilentIndexFailsWithinTheRequestTimeoutWithExit4() {
        server.injectFault("/simple/beta/", Fault.silent(), 100);
        long start = System.nanoTime();

        Result r = relock("compile", "-i", index(), "--no-cache", "--request-timeout", "1.5");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err()).startsWith("relock: error: index page of beta: ")
                .contains("timed out after 1.5 s (--request-timeout)");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void aTricklingIndexFailsWithinTheRequestTimeoutThoughBytesKeepArriving() {
        server.injectFault("/simple/beta/", Fault.trickle(Duration.ofMillis(200)), 100);
        long start = System.nanoTime();

        Result r = relock("compile", "-i", index(), "--no-cache", "--request-timeout", "2");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err()).contains("index page of beta").contains("timed out after 2 s (--request-timeout)");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theWholeRunIsBoundedByRunTimeout() {
        server.injectFault("/simple/beta/", Fault.silent(), 100);
        long start = System.nanoTime();

        Result r = relock("compile", "-i", index(), "--no-cache", "--run-timeout", "1");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err()).startsWith("relock: error: gave up after 1 s (--run-timeout)");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aNonPositiveTimeoutIsBadInput() {
        Result r = relock("compile", "-i", index(), "--no-cache", "--request-timeout", "0");
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("relock: error: --request-timeout must be a positive number of seconds");
    }

    // ---- item 12: --exclude-newer without upload times -----------------------------------------

    @Test
    void excludeNewerAgainstAnIndexWithoutUploadTimesIsRefusedNamingTheProject() {
        server.setJsonApi(false);

        Result r = relock("compile", "-i", index(), "--no-cache", "--exclude-newer", "2030-01-01");

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("relock: error: --exclude-newer 2030-01-01T00:00:00Z cannot be applied to alpha:")
                .contains("alpha-1.0").contains("has no upload time").contains("drop --exclude-newer");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void excludeNewerAgainstAnIndexWithUploadTimesStillWorks() throws IOException {
        Result r = relock("compile", "-i", index(), "--no-cache", "--exclude-newer", "2030-01-01");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("requirements.txt"))).contains("--exclude-newer=").contains("beta==2.0");
    }

    // ---- item 13: verify --format json always prints one document ------------------------------

    void compileLock() {
        Result c = relock("compile", "-i", index(), "--no-cache", "--generate-hashes");
        assertThat(c.status()).as(c.err()).isZero();
    }

    @Test
    void verifyJsonCarriesANetworkErrorWithExit4() throws IOException {
        compileLock();
        server.injectFault("/simple/.*", Fault.status(503), 1000);

        Result r = relock("verify", "--format", "json", "--no-cache", "requirements.txt");

        assertThat(r.status()).isEqualTo(ExitCodes.NETWORK);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("error").get("kind").asText()).isEqualTo("network");
        assertThat(doc.get("error").get("exit").asInt()).isEqualTo(4);
        assertThat(doc.get("error").get("message").asText()).contains("HTTP 503");
        assertThat(doc.get("summary").get("passed").asBoolean()).isFalse();
        assertThat(doc.get("summary").get("lockfiles").get(0).asText()).isEqualTo("requirements.txt");
        assertThat(doc.get("findings")).isEmpty();
        assertThat(r.err()).startsWith("relock: error: ");
    }

    @Test
    void verifyJsonCarriesBadInputWithExit2() throws IOException {
        Result r = relock("verify", "--format", "json", "no-such-lock.txt");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("error").get("kind").asText()).isEqualTo("bad-input");
        assertThat(doc.get("error").get("exit").asInt()).isEqualTo(2);
        assertThat(doc.get("error").get("message").asText()).contains("no-such-lock.txt: no such lockfile");
    }

    @Test
    void verifyJsonCarriesAUsageErrorWithExit2() throws IOException {
        Result r = relock("verify", "--format", "json", "--no-such-option");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("error").get("exit").asInt()).isEqualTo(2);
        assertThat(doc.get("error").get("message").asText()).contains("--no-such-option");
    }

    // ---- item 14: a selection that leaves no check ---------------------------------------------

    @Test
    void aCheckSelectionThatLeavesNothingIsRefused() {
        compileLock();

        Result r = relock("verify", "--offline", "--check", "pinned", "--skip", "pinned", "requirements.txt");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("relock: error: no check left to run: --check pinned --skip pinned selects"
                + " none of pinned, hashed, hash-match, fresh, python-pin, install-hygiene\n");
        assertThat(r.out()).isEmpty();
    }

    // ---- item 19: progress on a terminal, never in CI; counts ----------------------------------

    @Test
    void verifyShowsProgressOnATerminal() {
        compileLock();

        Result r = relock(Map.of(), true, "verify", "--no-cache", "requirements.txt");

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("\rverify requirements.txt: ");
        // The status line is cleared before the run ends.
        assertThat(r.err()).endsWith("\r");
    }

    @Test
    void compileShowsProgressOnATerminal() {
        Result r = relock(Map.of(), true, "compile", "-i", index(), "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("\rresolved ");
    }

    @Test
    void noProgressInCiEvenOnATerminal() {
        compileLock();
        for (Map<String, String> ci : java.util.List.of(Map.of("CI", "true"), Map.of("GITHUB_ACTIONS", "true"))) {
            Result v = relock(ci, true, "verify", "--no-cache", "--format", "text", "requirements.txt");
            Result c = relock(ci, true, "compile", "-i", index(), "--no-cache");
            assertThat(v.err()).doesNotContain("\r");
            assertThat(c.err()).doesNotContain("\r");
        }
        Result notTerminal = relock(Map.of(), false, "verify", "--no-cache", "requirements.txt");
        assertThat(notTerminal.err()).doesNotContain("\r");
    }

    @Test
    void oneLockedPackageIsSingular() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "beta\n");

        Result r = relock("compile", "-i", index(), "--no-cache");

        assertThat(r.err()).contains("Wrote requirements.txt (1 package)\n");
        Result dry = relock("compile", "-i", index(), "--no-cache", "--dry-run");
        assertThat(dry.err()).contains("(1 package, unchanged)");
    }

    // ---- item 10: help -------------------------------------------------------------------------

    @Test
    void helpUpdatePrintsUpdatesHelp() {
        Result r = relock("help", "update");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: relock update ");
        assertThat(r.err()).isEmpty();
        Result h = relock("update", "-h");
        assertThat(h.status()).isZero();
        assertThat(h.out()).startsWith("Usage: relock update ");
    }

    @Test
    void topLevelHelpSummarisesEachCommandInACompleteSentence() {
        Result r = relock("--help");

        assertThat(r.status()).isZero();
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit status:"));
        // Each command's summary (its line plus continuation lines) ends a sentence.
        String joined = commands.replaceAll("\n {4,}", " ");
        for (String name : java.util.List.of("compile", "verify", "update", "wheelhouse")) {
            String line = joined.lines().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElseThrow();
            assertThat(line.strip()).as(line).endsWith(".");
        }
    }

    @Test
    void helpNeverBreaksAFileNameOrUrlAcrossLines() {
        for (String command : java.util.List.of("compile", "verify", "update", "wheelhouse")) {
            Result r = relock(command, "--help");
            assertThat(r.status()).isZero();
            assertThat(r.out()).as(command).doesNotContainPattern("\\.\\n\\s+python-version")
                    .doesNotContainPattern("https://pypi\\.\\n");
            if (!command.equals("update")) {
                assertThat(r.out()).as(command).contains(".python-version");
            }
        }
    }
}
