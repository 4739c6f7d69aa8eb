package dev.relock.testing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves real pip accepts what the server serves. Skipped when {@code python3 -m pip} is missing.
 *
 * <p>Every pip run is {@code --isolated} with {@code PIP_CONFIG_FILE=/dev/null} and no {@code PIP_*}
 * variables, so the machine's find-links and extra index URLs cannot leak in.
 */
class PipAcceptanceTest {
    static final Scenario SCENARIO = Scenario.builder()
            .project("app", p -> p.release("1.0", r -> r
                    .requires("lib>=1.0,<3", "tool[cli]>=2.0", "winonly; sys_platform == \"win32\"")))
            .project("lib", p -> p
                    .release("1.0")
                    .release("2.0", r -> r.wheel().sdist())
                    .release("2.5", r -> r.yanked("broken"))
                    .release("3.0"))
            .project("tool", p -> p
                    .release("2.0", r -> r.requiresPython(">=3.7").extra("cli", "Clickish.Core>=1"))
                    .release("3.0", r -> r.requiresPython(">=3.99").extra("cli", "Clickish.Core>=1")))
            .project("Clickish.Core", p -> p.release("1.0").release("1.1", r -> r.sdist()))
            .project("winonly", p -> p.release("1.0"))
            .build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final long TIMEOUT_SECONDS = 120;

    static LocalIndexServer server;

    @BeforeAll
    static void start() {
        assumeTrue(pipAvailable(), "python3 -m pip is not available");
        server = LocalIndexServer.start(SCENARIO);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void resetSwitches() {
        server.setJsonApi(true);
        server.setCoreMetadata(true);
        server.clearFaults();
        server.clearLog();
    }

    @ParameterizedTest(name = "json api {0}")
    @ValueSource(booleans = {true, false})
    void pipResolvesTheExpectedSetFromJsonAndFromHtmlPages(boolean jsonApi, @TempDir Path tmp) throws Exception {
        server.setJsonApi(jsonApi);
        Path report = tmp.resolve("report.json");
        // --only-binary: the newest Clickish.Core is sdist-only and this index has no setuptools to build it.
        Result r = pip(tmp, "install", "--dry-run", "--ignore-installed", "--only-binary", ":all:",
                "--report", report.toString(), "--index-url", server.simpleUrl().toString(), "app");
        assertThat(r.exit()).as(r.output()).isZero();

        Map<String, String> resolved = new TreeMap<>();
        for (JsonNode item : JSON.readTree(report.toFile()).get("install")) {
            resolved.put(item.get("metadata").get("name").asText(), item.get("metadata").get("version").asText());
        }
        assertThat(resolved).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "app", "1.0", "lib", "2.0", "tool", "2.0", "Clickish.Core", "1.0")));

        String accept = server.requests(p -> p.equals("/simple/app/")).get(0).header("Accept").orElseThrow();
        assertThat(accept).contains(LocalIndexServer.JSON_V1);
        List<String> pageTypes = server.requests(p -> p.startsWith("/simple/")).stream()
                .map(RecordedRequest::status).map(String::valueOf).distinct().toList();
        assertThat(pageTypes).containsOnly("200");
        assertThat(server.requestCount("/simple/winonly/")).as("marker excludes it on linux").isZero();
    }

    @ParameterizedTest(name = "pep 658 {0}")
    @ValueSource(booleans = {true, false})
    void pipFetchesPep658MetadataExactlyWhenAdvertised(boolean coreMetadata, @TempDir Path tmp) throws Exception {
        server.setCoreMetadata(coreMetadata);
        Result r = pip(tmp, "install", "--dry-run", "--ignore-installed", "--report", tmp.resolve("r.json").toString(),
                "--index-url", server.simpleUrl().toString(), "--no-deps", "lib<3");
        assertThat(r.exit()).as(r.output()).isZero();
        String wheel = "/files/lib/lib-2.0-py3-none-any.whl";
        assertThat(server.requestCount(wheel + ".metadata")).isEqualTo(coreMetadata ? 1 : 0);
        assertThat(server.requests(p -> p.endsWith(".metadata"))).hasSize(coreMetadata ? 1 : 0);
        if (coreMetadata) {
            assertThat(r.output()).contains("Obtaining dependency information for lib<3 from " + server.baseUrl() + wheel
                    + ".metadata");
        }
    }

    @Test
    void pipDownloadAcceptsTheServedHashes(@TempDir Path tmp) throws Exception {
        Path requirements = hashedRequirements(tmp, "lib-2.0-py3-none-any.whl", "lib==2.0", "lib-2.0.tar.gz");
        Result r = pip(tmp, "download", "--no-deps", "--require-hashes", "--index-url", server.simpleUrl().toString(),
                "-d", tmp.resolve("out").toString(), "-r", requirements.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("out/lib-2.0-py3-none-any.whl")))
                .isEqualTo(server.file("lib-2.0-py3-none-any.whl").bytes());
    }

    @Test
    void pipRejectsCorruptBytesAgainstTheTrueHash(@TempDir Path tmp) throws Exception {
        server.injectFault("/files/lib/lib-2\\.0-py3-none-any\\.whl", Fault.corruptBytes(), 10);
        Path requirements = hashedRequirements(tmp, "lib-2.0-py3-none-any.whl", "lib==2.0");
        Result r = pip(tmp, "download", "--no-deps", "--require-hashes", "--index-url", server.simpleUrl().toString(),
                "-d", tmp.resolve("out").toString(), "-r", requirements.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("DO NOT MATCH THE HASHES");
    }

    @Test
    void pipInstallsAGeneratedWheel(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("target");
        Result r = pip(tmp, "install", "--no-deps", "--target", target.toString(),
                "--index-url", server.simpleUrl().toString(), "Clickish.Core==1.0");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(target.resolve("clickish_core/__init__.py")).content().contains("__version__ = \"1.0\"");
        assertThat(target.resolve("clickish_core-1.0.dist-info/METADATA")).exists()
                .hasBinaryContent(server.file("clickish_core-1.0-py3-none-any.whl").coreMetadata());
        assertThat(target.resolve("clickish_core-1.0.dist-info/RECORD")).exists();
    }

    @Test
    void pipReadsAFindLinksExport(@TempDir Path tmp) throws Exception {
        Path links = tmp.resolve("links");
        LocalIndexServer.exportFindLinks(SCENARIO, links);
        Result r = pip(tmp, "download", "--no-index", "--find-links", links.toString(), "--no-deps",
                "-d", tmp.resolve("out").toString(), "tool[cli]");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(tmp.resolve("out/tool-2.0-py3-none-any.whl")).exists();
    }

    private static Path hashedRequirements(Path dir, String wheel, String pin, String... alsoAllowed) throws IOException {
        StringBuilder line = new StringBuilder(pin).append(" --hash=sha256:").append(server.file(wheel).sha256());
        for (String other : alsoAllowed) {
            line.append(" --hash=sha256:").append(server.file(other).sha256());
        }
        return Files.writeString(dir.resolve("requirements.txt"), line.append('\n').toString());
    }

    record Result(int exit, String output) {}

    private static Result pip(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pip"));
        command.add(args[0]);
        command.addAll(List.of("--isolated", "--no-input", "--disable-pip-version-check", "--no-cache-dir",
                "--retries", "0", "--timeout", "10"));
        command.addAll(List.of(args).subList(1, args.length));
        return run(workDir, command);
    }

    private static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "pip", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PIP_") || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        env.put("PIP_CONFIG_FILE", File.separatorChar == '/' ? "/dev/null" : "nul");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean pipAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-m", "pip", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
