package dev.relock.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.cli.Main;
import dev.relock.cli.RunContext;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.reqtxt.Hash;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.LockfileWriter;
import dev.relock.reqtxt.Pin;
import dev.relock.testing.index.Fault;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.python.PythonTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relock wheelhouse} end to end: Main.run against a real local index, then real pip. */
class WheelhouseCommandTest {
    static final String LIB_WHEEL = "lib-2.0-py3-none-any.whl";
    static final String LIB_SDIST = "lib-2.0.tar.gz";
    static final String HELPER_WHEEL = "helper-1.5-py3-none-any.whl";
    static final String FAST_LINUX = "fastlib-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    static final String FAST_MAC = "fastlib-1.0-cp311-cp311-macosx_11_0_arm64.whl";
    static final String FAST_SDIST = "fastlib-1.0.tar.gz";
    static final String LINUX = "3.11 on x86_64-manylinux_2_17";
    static final String MAC = "3.11 on aarch64-macosx_13_0";

    static final Scenario SCENARIO = Scenario.builder()
            .project("lib", p -> p.release("2.0", r -> r.wheel().sdist()))
            .project("helper", p -> p.release("1.5"))
            .project("fastlib", p -> p.release("1.0", r -> r
                    .wheel("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")
                    .wheel("cp311-cp311-macosx_11_0_arm64")
                    .sdist()))
            .build();
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalIndexServer server;

    @TempDir Path work;

    @BeforeAll
    static void start() {
        server = LocalIndexServer.start(SCENARIO);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.clearFaults();
        server.clearLog();
    }

    record Run(int exit, String out, String err) {}

    Run relock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("RELOCK_CACHE_DIR", work.resolve("cache").toString());
        int exit = Main.run(args, new RunContext(env, work, new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A pip-compile lockfile recording the local index, each pin allowing the named files. */
    Path lock(String name, Map<String, List<String>> pins) throws IOException {
        List<Pin> list = new ArrayList<>();
        pins.forEach((requirement, files) -> {
            String[] parts = requirement.split("==");
            list.add(Pin.pinned(parts[0], parts[1])
                    .withHashes(files.stream().map(f -> new Hash("sha256", server.file(f).sha256())).toList())
                    .withVia(List.of("-r requirements.in")));
        });
        Lockfile lockfile = Lockfile.pipCompile(
                Lockfile.pipCompileHeader("3.11", "pip-compile --generate-hashes requirements.in"),
                new LockfileOptions(Optional.of(server.simpleUrl().toString()), List.of(), List.of(), List.of(),
                        List.of(), List.of()),
                list, Optional.empty(), AnnotationStyle.SPLIT);
        return Files.writeString(work.resolve(name), LockfileWriter.pipCompile().write(lockfile));
    }

    Path pureLock() throws IOException {
        return lock("requirements.txt", Map.of("lib==2.0", List.of(LIB_WHEEL, LIB_SDIST), "helper==1.5",
                List.of(HELPER_WHEEL)));
    }

    Path platformLock() throws IOException {
        return lock("requirements.txt", Map.of("lib==2.0", List.of(LIB_WHEEL, LIB_SDIST),
                "fastlib==1.0", List.of(FAST_LINUX, FAST_MAC, FAST_SDIST)));
    }

    List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    JsonNode manifest() throws IOException {
        return JSON.readTree(work.resolve("wheels").resolve(WheelhouseManifest.FILENAME).toFile());
    }

    @Test
    void buildsAWheelhouseThatRealPipInstallsOfflineWithRequiredHashes() throws Exception {
        pureLock();
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels")))
                .containsExactly(HELPER_WHEEL, LIB_WHEEL, WheelhouseManifest.FILENAME);
        assertThat(work.resolve("wheels").resolve(LIB_WHEEL)).hasBinaryContent(server.file(LIB_WHEEL).bytes());
        assertThat(run.out()).contains("downloaded " + LIB_WHEEL)
                .contains("2 files for 3.11 on x86_64-manylinux_2_28 (2 downloaded, 0 replaced, 0 already present)")
                .contains("pip install --no-index --find-links wheels --require-hashes -r requirements.txt");

        assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
        Optional<Path> python = PythonTool.createVenv(work.resolve("venv"));
        assumeTrue(python.isPresent(), "python3 -m venv is not available");
        server.clearLog();
        PythonTool.Result pip = PythonTool.pipInto(python.get(), work, "install", "--no-index", "--find-links",
                work.resolve("wheels").toString(), "--require-hashes", "--no-deps", "-r",
                work.resolve("requirements.txt").toString());
        assertThat(pip.exit()).as(pip.output()).isZero();
        assertThat(pip.output()).contains("Successfully installed").contains("helper-1.5").contains("lib-2.0");
        assertThat(server.requestCount()).as("the install used no index").isZero();
        PythonTool.Result list = PythonTool.pipInto(python.get(), work, "list", "--format", "freeze");
        assertThat(list.output()).contains("helper==1.5", "lib==2.0");
    }

    @Test
    void aTamperedDownloadFailsNamingTheFileAndLeavesNothingBehind() throws Exception {
        pureLock();
        server.injectFault("/files/lib/lib-2\\.0-py3-none-any\\.whl", Fault.corruptBytes(), 100);
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).startsWith("relock: error: lib==2.0: " + LIB_WHEEL)
                .contains("hash mismatch: expected sha256=" + server.file(LIB_WHEEL).sha256() + ", got sha256=");
        assertThat(listing(work.resolve("wheels"))).as("verified files stay, the tampered one and temporaries do not")
                .containsExactly(HELPER_WHEEL);
    }

    @Test
    void aSecondRunRequestsNoFilesAndWritesTheSameManifest() throws Exception {
        pureLock();
        assertThat(relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11").exit()).isZero();
        byte[] first = Files.readAllBytes(work.resolve("wheels").resolve(WheelhouseManifest.FILENAME));
        server.clearLog();

        Run again = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(server.fileRequestCount()).isZero();
        assertThat(again.out()).doesNotContain("downloaded ").contains("(0 downloaded, 0 replaced, 2 already present)");
        assertThat(work.resolve("wheels").resolve(WheelhouseManifest.FILENAME)).hasBinaryContent(first);

        Run quiet = relock("wheelhouse", "-q", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out() + quiet.err()).isEmpty();
    }

    @Test
    void aPresentFileWithAWrongHashIsReplacedAndReported() throws Exception {
        pureLock();
        Path wheels = Files.createDirectories(work.resolve("wheels"));
        Files.writeString(wheels.resolve(LIB_WHEEL), "not the locked wheel");
        Files.writeString(wheels.resolve("old-0.1-py3-none-any.whl"), "from an earlier lock");
        Files.writeString(wheels.resolve(".relock-123.part"), "left over by an interrupted run");

        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("replaced   " + LIB_WHEEL + " (its sha256 was "
                + Digests.sha256("not the locked wheel".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains("note: old-0.1-py3-none-any.whl is not part of this lockfile's wheelhouse (left in place)");
        assertThat(wheels.resolve(LIB_WHEEL)).hasBinaryContent(server.file(LIB_WHEEL).bytes());
        assertThat(listing(wheels)).containsExactly(HELPER_WHEEL, LIB_WHEEL, "old-0.1-py3-none-any.whl",
                WheelhouseManifest.FILENAME);
    }

    @Test
    void severalPlatformsEachGetTheirWheelAndTheManifestSaysWhichServesWhich() throws Exception {
        platformLock();
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11",
                "--python-platform", "linux", "--python-platform", "aarch64-apple-darwin");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels")))
                .containsExactly(FAST_MAC, FAST_LINUX, LIB_WHEEL, WheelhouseManifest.FILENAME);

        JsonNode manifest = manifest();
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("lockfile").asText()).isEqualTo("requirements.txt");
        assertThat(manifest.get("lockfileSha256").asText())
                .isEqualTo(Digests.sha256(Files.readAllBytes(work.resolve("requirements.txt"))));
        assertThat(manifest.get("targets").findValuesAsText("name")).containsExactly(LINUX, MAC);
        assertThat(manifest.get("targets").get(1).get("platform").asText()).isEqualTo("aarch64-macosx_13_0");
        assertThat(manifest.get("files").findValuesAsText("filename")).containsExactly(FAST_MAC, FAST_LINUX, LIB_WHEEL);
        JsonNode lib = manifest.get("files").get(2);
        assertThat(lib.get("package").asText()).isEqualTo("lib");
        assertThat(lib.get("version").asText()).isEqualTo("2.0");
        assertThat(lib.get("sha256").asText()).isEqualTo(server.file(LIB_WHEEL).sha256());
        assertThat(lib.get("targets")).extracting(JsonNode::asText).containsExactly(LINUX, MAC);
        assertThat(manifest.get("files").get(0).get("targets")).extracting(JsonNode::asText).containsExactly(MAC);
        assertThat(manifest.get("files").get(1).get("targets")).extracting(JsonNode::asText).containsExactly(LINUX);

        WheelhouseManifest read = WheelhouseManifest.read(work.resolve("wheels")).orElseThrow();
        assertThat(read.file(FAST_LINUX).orElseThrow().targets()).containsExactly(LINUX);
        assertThat(read.toJson()).isEqualTo(Files.readString(work.resolve("wheels").resolve(WheelhouseManifest.FILENAME)));
    }

    @Test
    void aTargetWithoutAWheelIsAnErrorUnlessSdistsAreIncluded() throws Exception {
        platformLock();
        Run refused = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11",
                "--python-platform", "windows");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("relock: error: fastlib==1.0: no wheel for 3.11 on x86_64-pc-windows-msvc")
                .contains("pass --include-sdists");
        assertThat(server.fileRequestCount()).as("nothing is downloaded for a plan that fails").isZero();

        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11",
                "--python-platform", "windows", "--include-sdists");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels"))).containsExactly(FAST_SDIST, LIB_WHEEL, WheelhouseManifest.FILENAME);
    }

    @Test
    void allFilesBundlesEveryHashedFile() throws Exception {
        platformLock();
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11", "--all-files");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels"))).containsExactly(
                FAST_MAC, FAST_LINUX, FAST_SDIST, LIB_WHEEL, LIB_SDIST, WheelhouseManifest.FILENAME);
        assertThat(manifest().get("files").get(0).get("targets")).as("no requested target prefers the mac wheel").isEmpty();
    }

    @Test
    void jsonOutputReportsEachFileWithItsAction() throws Exception {
        pureLock();
        Files.createDirectories(work.resolve("wheels"));
        Files.write(work.resolve("wheels").resolve(HELPER_WHEEL), server.file(HELPER_WHEEL).bytes());
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11",
                "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("directory").asText()).isEqualTo("wheels");
        assertThat(report.get("manifest").asText()).isEqualTo(WheelhouseManifest.FILENAME);
        assertThat(report.get("files").findValuesAsText("filename")).containsExactly(HELPER_WHEEL, LIB_WHEEL);
        assertThat(report.get("files").findValuesAsText("action")).containsExactly("present", "downloaded");
        assertThat(report.get("summary").get("downloaded").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get("present").asInt()).isEqualTo(1);
        assertThat(server.fileRequestCount()).isEqualTo(1);
    }

    @Test
    void theTargetPythonComesFromPythonVersionNextToTheLockfile() throws Exception {
        Files.createDirectories(work.resolve("app"));
        lock("app/requirements.txt", Map.of("fastlib==1.0", List.of(FAST_LINUX, FAST_MAC)));
        Files.writeString(work.resolve("app/.python-version"), "3.11.7\n");
        Run run = relock("wheelhouse", "app/requirements.txt", "-d", "wheels");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels"))).containsExactly(FAST_LINUX, WheelhouseManifest.FILENAME);
    }

    @Test
    void theIndexOnTheCommandLineOverridesTheLockfilesRecordedOne() throws Exception {
        Lockfile unreachable = Lockfile.pipCompile(List.of(), new LockfileOptions(
                Optional.of("http://127.0.0.1:9/simple/"), List.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(Pin.pinned("helper", "1.5").withHashes(
                        List.of(new Hash("sha256", server.file(HELPER_WHEEL).sha256())))),
                Optional.empty(), AnnotationStyle.SPLIT);
        Files.writeString(work.resolve("requirements.txt"), LockfileWriter.pipCompile().write(unreachable));
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11",
                "--index-url", server.simpleUrl().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(listing(work.resolve("wheels"))).containsExactly(HELPER_WHEEL, WheelhouseManifest.FILENAME);
    }

    @Test
    void aPinWithoutHashesIsBadInputAndNothingIsFetched() throws Exception {
        Path lock = pureLock();
        Files.writeString(lock, Files.readString(lock) + "unhashed==1.0\n");
        Run run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--python-version", "3.11");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unhashed==1.0 has no --hash");
        assertThat(server.requestCount()).isZero();
        assertThat(work.resolve("wheels")).doesNotExist();
    }

    @Test
    void theDestinationIsRequired() throws Exception {
        pureLock();
        Run run = relock("wheelhouse", "requirements.txt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("relock: error: Missing required option: '--dest=DIR'");
    }
}
