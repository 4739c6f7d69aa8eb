package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relock compile --universal} through the CLI against a {@link LocalIndexServer}: forks on
 * {@code python_version} and {@code sys_platform}, platform-only packages, requires-python
 * narrowing, markers through extras, failing forks, and forks that merge back.
 */
class UniversalCompileTest {
    static final String WIN = "cp311-cp311-win_amd64";
    static final String LINUX = "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64";

    static Scenario world() {
        return Scenario.builder()
                .project("numpy", p -> p
                        .release("1.26.4", r -> r.requiresPython(">=3.9"))
                        .release("2.1.0", r -> r.requiresPython(">=3.10")))
                .project("winlib", p -> p.release("1.5").release("2.0"))
                .project("colorama", p -> p.release("0.4.6"))
                .project("tomli", p -> p.release("2.0.1"))
                .project("six", p -> p.release("1.16.0").release("2.0"))
                .project("fastjson", p -> p.release("1.0"))
                .project("click", p -> p.release("8.1.7", r -> r.requires("colorama; platform_system == \"Windows\"")))
                .project("tool", p -> p.release("1.0", r -> r
                        .requires("tomli; python_version < \"3.11\"")
                        .extra("speed", "fastjson; sys_platform == \"linux\"")
                        .extra("cli", "click")))
                .project("app", p -> p.release("1.0", r -> r.requires(
                        "numpy>=2; python_version >= \"3.12\"", "numpy<2; python_version < \"3.12\"",
                        "winlib>=2; sys_platform == \"win32\"", "winlib<2; sys_platform != \"win32\"")))
                .project("dep", p -> p.release("1.0").release("2.0").release("3.0"))
                .project("common", p -> p.release("1.0").release("1.1"))
                .project("tri", p -> p.release("1.0", r -> r.requires(
                        "dep==1.0; sys_platform == \"linux\"", "dep==2.0; sys_platform == \"darwin\"",
                        "dep==1.0; sys_platform == \"win32\"", "common")))
                .project("broken", p -> p.release("1.0", r -> r.requires(
                        "lib>=2; python_version >= \"3.12\"", "lib<2; python_version < \"3.12\"")))
                .project("lib", p -> p.release("2.0"))
                .project("overlap", p -> p.release("1.0", r -> r.requires(
                        "winlib; python_version >= \"3.8\"", "winlib<2; sys_platform == \"win32\"")))
                .project("winonly", p -> p.release("1.0", r -> r.wheel(WIN)).release("2.0", r -> r.wheel(LINUX)))
                .build();
    }

    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(world());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile", "--universal"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache"));
        return Result.run(dir, Map.of(), all.toArray(String[]::new));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** The requirement lines of a lock (pins with their markers), without hashes and comments. */
    static List<String> pins(String lock) {
        return lock.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ") && !l.startsWith("-"))
                .map(l -> l.replaceAll(" \\\\$", "")).toList();
    }

    @Test
    void forksOnPythonVersionAndOnSysPlatformGiveDisjointPins() throws IOException {
        write("requirements.in", "app\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "app==1.0",
                "numpy==1.26.4 ; python_version < \"3.12\"",
                "numpy==2.1.0 ; python_version >= \"3.12\"",
                "winlib==1.5 ; sys_platform != \"win32\"",
                "winlib==2.0 ; sys_platform == \"win32\"");
        assertThat(read("requirements.txt")).contains("--python-version=3.11 --universal requirements.in");
    }

    @Test
    void aWindowsOnlyDependencyIsPinnedWithItsMarker() throws IOException {
        write("requirements.in", "tool[cli]\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "click==8.1.7",
                "colorama==0.4.6 ; platform_system == \"Windows\"",
                "tool[cli]==1.0");
    }

    @Test
    void requiresPythonNarrowsTheRangeSoAnOldPythonOnlyDependencyDisappears() throws IOException {
        write("pyproject.toml", "[project]\nname = \"proj\"\nversion = \"0.1\"\nrequires-python = \">=3.11\"\n"
                + "dependencies = [\"tool\"]\n");

        Result narrowed = compile("pyproject.toml", "-v");

        assertThat(narrowed.status()).as(narrowed.all()).isZero();
        assertThat(narrowed.err()).contains("relock: universal lock for Python >=3.11 (requires-python in ")
                .doesNotContain("target platform");
        assertThat(pins(read("requirements.txt"))).containsExactly("tool==1.0");

        write("pyproject.toml", "[project]\nname = \"proj\"\nversion = \"0.1\"\nrequires-python = \">=3.9\"\n"
                + "dependencies = [\"tool\"]\n");
        Result wide = compile("pyproject.toml");

        assertThat(wide.status()).as(wide.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly("tomli==2.0.1 ; python_version < \"3.11\"",
                "tool==1.0");
    }

    @Test
    void markersOnExtrasCarryIntoThePins() throws IOException {
        write("requirements.in", "tool[speed]\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "fastjson==1.0 ; sys_platform == \"linux\"",
                "tool[speed]==1.0");

        write("requirements.in", "tool[speed]; python_version >= \"3.12\"\n");
        Result conditional = compile("--python-version", "3.11");

        assertThat(conditional.status()).as(conditional.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "fastjson==1.0 ; python_version >= \"3.12\" and sys_platform == \"linux\"",
                "tool[speed]==1.0 ; python_version >= \"3.12\"");
    }

    @Test
    void anUnsatisfiableForkNamesItsEnvironment() throws IOException {
        write("requirements.in", "broken\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains("in the environment python_version < \"3.12\" (fork 2 of 2)")
                .contains("lib<2");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void incompatibleSpecifiersUnderTheSameMarkerAreAConflictNotAFork() throws IOException {
        write("requirements.in", "six>=2; sys_platform == \"linux\"\nsix<2; sys_platform == \"linux\"\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains("six");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void overlappingMarkersSplitIntoRegionsSoOnlyWindowsIsHeldBack() throws IOException {
        write("requirements.in", "overlap\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "overlap==1.0",
                "winlib==1.5 ; sys_platform == \"win32\"",
                "winlib==2.0 ; sys_platform != \"win32\"");
    }

    @Test
    void aThreeWayForkMergesTheForksThatChoseTheSameVersion() throws IOException {
        write("requirements.in", "tri\n");

        Result r = compile("--python-version", "3.11");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "common==1.1",
                "dep==1.0 ; sys_platform == \"linux\" or sys_platform == \"win32\"",
                "dep==2.0 ; sys_platform == \"darwin\"",
                "tri==1.0");
    }

    @Test
    void environmentsNarrowTheLockAndRequiredEnvironmentsNeedWheels() throws IOException {
        write("requirements.in", "winonly\n");

        Result any = compile("--python-version", "3.11");
        assertThat(any.status()).as(any.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly("winonly==2.0");

        Result required = compile("--python-version", "3.11", "--required-environment", "sys_platform == 'win32'");
        assertThat(required.status()).as(required.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly("winonly==1.0");
        assertThat(read("requirements.txt")).contains("'--required-environment=sys_platform == \"win32\"'");

        Result impossible = compile("--python-version", "3.11", "--required-environment", "sys_platform == 'win32'",
                "--required-environment", "sys_platform == 'linux'");
        assertThat(impossible.status()).as(impossible.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(impossible.err()).contains("has no wheel for the required environment");

        write("requirements.in", "app\n");
        Result linux = compile("--python-version", "3.11", "--no-generate-hashes", "--environment",
                "sys_platform == 'linux'", "--required-environment", "sys_platform == 'win32'");
        assertThat(linux.status()).as(linux.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly(
                "app==1.0",
                "numpy==1.26.4 ; python_version < \"3.12\"",
                "numpy==2.1.0 ; python_version >= \"3.12\"",
                "winlib==1.5");
    }

    @Test
    void hashesCoverEveryFileOfEveryPinnedVersionAndVerifyUpdateAndWheelhouseKeepTheMode() throws IOException {
        write("requirements.in", "app\n");
        write(".python-version", "3.12.4\n");

        Result r = compile("--python-version", "3.11", "--generate-hashes");
        assertThat(r.status()).as(r.all()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).containsPattern("numpy==1\\.26\\.4 ; [^\\n]*python_version < \"3\\.12\"[^\\n]* \\\\\n    --hash=sha256:"
                + server.file("numpy-1.26.4-py3-none-any.whl").sha256());
        assertThat(lock).contains("--hash=sha256:" + server.file("numpy-2.1.0-py3-none-any.whl").sha256());

        Result verify = Result.run(dir, Map.of(), "verify", "--strict", "--no-cache");
        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("0 errors, 0 warnings");

        Result update = Result.run(dir, Map.of(), "update", "--dry-run", "--no-cache", "--lockfile",
                "requirements.in:requirements.txt");
        assertThat(update.status()).as(update.all()).isZero();
        assertThat(update.out()).contains("Every lockfile is up to date.");

        Result again = Result.run(dir, Map.of(), "compile", "--no-cache");
        assertThat(again.status()).as(again.all()).isZero();
        assertThat(read("requirements.txt")).isEqualTo(lock);

        Result wheelhouse = Result.run(dir, Map.of(), "wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache",
                "--python-platform", "x86_64-pc-windows-msvc");
        assertThat(wheelhouse.status()).as(wheelhouse.all()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("wheels"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".whl")))
                    .containsExactlyInAnyOrder("app-1.0-py3-none-any.whl", "numpy-2.1.0-py3-none-any.whl",
                            "winlib-2.0-py3-none-any.whl");
        }
    }

    @Test
    void aRecompileKeepsEachForksPinAndUpgradeMovesThemAll() throws IOException {
        write("requirements.in", "app\n");
        Result first = compile("--python-version", "3.11");
        assertThat(first.status()).as(first.all()).isZero();
        String lock = read("requirements.txt");
        server.publish("numpy", "1.26.5", r -> r.requiresPython(">=3.9"));
        server.publish("numpy", "2.2.0", r -> r.requiresPython(">=3.10"));

        Result again = compile();
        assertThat(again.status()).as(again.all()).isZero();
        assertThat(read("requirements.txt")).isEqualTo(lock);

        Result upgraded = compile("-U");
        assertThat(upgraded.status()).as(upgraded.all()).isZero();
        assertThat(pins(read("requirements.txt"))).filteredOn(p -> p.startsWith("numpy")).hasSize(2)
                .anyMatch(p -> p.startsWith("numpy==1.26.5 ; ")).anyMatch(p -> p.startsWith("numpy==2.2.0 ; "));
    }

    @Test
    void anEnvironmentWithoutUniversalIsBadInput() throws IOException {
        write("requirements.in", "app\n");

        Result r = Result.run(dir, Map.of(), "compile", "--python-version", "3.11", "--environment",
                "sys_platform == 'linux'", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--environment applies to universal locks only: add --universal");
        Result bad = compile("--python-version", "3.11", "--environment", "sys_platform = 'linux'");
        assertThat(bad.status()).as(bad.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("bad --environment").doesNotContain("Exception");
    }

    @Test
    void verifyFindsAPinThatIsStaleInOneEnvironmentOnly() throws IOException {
        write("requirements.in", "app\n");
        Result r = compile("--python-version", "3.11");
        assertThat(r.status()).as(r.all()).isZero();
        write("requirements.txt", read("requirements.txt").replace("winlib==2.0 ; sys_platform == \"win32\"",
                "winlib==1.5 ; sys_platform == \"win32\""));

        Result verify = Result.run(dir, Map.of(), "verify", "--no-cache", "--check", "fresh");

        assertThat(verify.status()).as(verify.all()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(verify.out()).contains("stale: app==1.0 requires winlib>=2 but the lock pins winlib==1.5");
    }

    @Test
    void theModeAndEnvironmentsCanComeFromToolRelock() throws IOException {
        write("pyproject.toml", "[project]\nname = \"proj\"\nversion = \"0.1\"\nrequires-python = \">=3.12\"\n"
                + "dependencies = [\"app\"]\n\n[tool.relock]\nuniversal = true\n"
                + "environment = [\"sys_platform == 'win32'\"]\n");

        Result r = Result.run(dir, Map.of(), "compile", "pyproject.toml", "-i", server.simpleUrl().toString(),
                "--no-cache");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(pins(read("requirements.txt"))).containsExactly("app==1.0", "numpy==2.1.0", "winlib==2.0");
        assertThat(read("requirements.txt")).contains("'--environment=sys_platform == \"win32\"'", "--universal");
    }

    @Test
    void verifyChecksDotPythonVersionAgainstTheRange() throws IOException {
        write("requirements.in", "app\n");
        Result r = compile("--python-version", "3.11");
        assertThat(r.status()).as(r.all()).isZero();

        write(".python-version", "3.10.4\n");
        Result verify = Result.run(dir, Map.of(), "verify", "--no-cache");

        assertThat(verify.status()).as(verify.all()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(verify.out()).contains("outside the universal lock's Python range >=3.11");
    }

    @Test
    void verifyChecksDockerfilesAndWorkflowsAgainstTheRange() throws IOException {
        write("requirements.in", "app\n");
        Result r = compile("--python-version", "3.11");
        assertThat(r.status()).as(r.all()).isZero();
        write(".python-version", "3.12.7\n");
        write("Dockerfile", "FROM python:3.13.1-slim\n");
        Files.createDirectories(dir.resolve(".github/workflows"));
        write(".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n"
                + "        with:\n          python-version: \"3.12.7\"\n");
        Result inside = Result.run(dir, Map.of(), "verify", "--no-cache", "--check", "python-pin");
        assertThat(inside.status()).as(inside.all()).isZero();

        write("Dockerfile", "FROM python:3.10.14-slim\n");
        Result outside = Result.run(dir, Map.of(), "verify", "--no-cache", "--check", "python-pin");

        assertThat(outside.status()).as(outside.all()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(outside.out()).contains("Dockerfile:1: error[python-pin]")
                .contains("outside the universal lock's Python range >=3.11");
    }

    @Test
    void aPinWithoutAFileForARepresentativeEnvironmentIsAWarningNotAnError() throws IOException {
        // winonly 1.0 has a Windows wheel only; compile demands files only for required environments
        write("requirements.in", "winonly==1.0\n");
        Result r = compile("--python-version", "3.11");
        assertThat(r.status()).as(r.all()).isZero();

        Result verify = Result.run(dir, Map.of(), "verify", "--no-cache", "--check", "python-pin");

        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("warning[python-pin] winonly==1.0 has no file that installs on")
                .contains("--required-environment").doesNotContain("error[");
    }
}
