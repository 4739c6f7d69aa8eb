package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * A lock's target comes from the project and every command honours what the lockfile records:
 * compile, verify, wheelhouse and update, all through the CLI against a {@link LocalIndexServer}
 * whose newer releases ship only newer-glibc (or Linux-only) wheels, like numpy's.
 */
class LockTargetsEndToEndTest {
    static final String LINUX_2_17 = "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64";
    static final String MAC = "cp311-cp311-macosx_11_0_arm64";

    /**
     * fastnum: 2.2.6 for glibc 2.17 and macOS; 2.3.0 for glibc 2.28 and macOS; 2.4.6 for glibc
     * 2.28 only; 2.5.0 for glibc 2.34 only. app 1.0 (pure Python) needs fastnum.
     */
    static Scenario world() {
        return Scenario.builder()
                .project("fastnum", p -> p
                        .release("2.2.6", r -> r.wheel(LINUX_2_17).wheel(MAC))
                        .release("2.3.0", r -> r.wheel("cp311-cp311-manylinux_2_28_x86_64").wheel(MAC))
                        .release("2.4.6", r -> r.wheel("cp311-cp311-manylinux_2_28_x86_64"))
                        .release("2.5.0", r -> r.wheel("cp311-cp311-manylinux_2_34_x86_64")))
                .project("app", p -> p.release("1.0", r -> r.requires("fastnum>=2")))
                .project("tool", p -> p.release("0.9").release("1.0rc1"))
                .project("pip", p -> p.release("24.0"))
                .build();
    }


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() throws IOException {
        server = LocalIndexServer.start(world());
        write(".python-version", "3.11.7\n");
        write("requirements.in", "app\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result relock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--no-cache");
        int status = Main.run(all.toArray(String[]::new), new RunContext(Map.of(), dir, new PrintWriter(out, true),
                new PrintWriter(err, true), false));
        return new Result(status, out.toString(), err.toString());
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString()));
        return relock(all.toArray(String[]::new));
    }

    void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    static String pin(String lock, String name) {
        return lock.lines().filter(l -> l.startsWith(name + "==")).map(l -> l.replaceAll(" .*", "")).findFirst()
                .orElse("(none)");
    }

    @Test
    void aBookwormDockerfileGivesGlibc236AndTheNewestReleaseWithNoFlag() throws IOException {
        write("Dockerfile", "FROM python:3.11.7-slim-bookworm\nCOPY requirements.txt .\n");

        Result r = compile("--generate-hashes", "-v");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "fastnum")).isEqualTo("fastnum==2.5.0");
        assertThat(lock).contains("--python-platform=x86_64-manylinux_2_36");
        assertThat(r.err()).contains("target platform x86_64-manylinux_2_36 (Dockerfile:1 FROM python:3.11.7-slim-bookworm");
        assertThat(r.err()).doesNotContain("skipped");
    }

    @Test
    void withoutADockerfileUvsDefaultIsUsedAndTheSkippedReleaseIsExplained() throws IOException {
        Result r = compile("-v");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(pin(read("requirements.txt"), "fastnum")).isEqualTo("fastnum==2.4.6");
        assertThat(read("requirements.txt")).contains("--python-platform=x86_64-manylinux_2_28");
        assertThat(r.err()).contains("x86_64-manylinux_2_28 (no Dockerfile")
                .contains("relock: note: fastnum 2.5.0 skipped: its wheels need manylinux_2_34, the target is"
                        + " x86_64-manylinux_2_28; set --python-platform");
    }

    @Test
    void disagreeingDockerfilesAreNamedAndTheOlderGlibcIsUsed() throws IOException {
        write("Dockerfile", "FROM python:3.11.7-slim-bookworm\n");
        write("worker.Dockerfile", "FROM python:3.11.7-slim-bullseye\n");

        Result r = compile();

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).contains("--python-platform=x86_64-manylinux_2_31");
        assertThat(r.err()).contains("relock: warning:").contains("worker.Dockerfile:1");
    }

    @Test
    void verifyWheelhouseAndUpdateHonourTheRecordedPlatform() throws IOException {
        Result compiled = compile("--generate-hashes", "--python-platform", "x86_64-manylinux_2_36");
        assertThat(compiled.status()).as(compiled.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "fastnum")).isEqualTo("fastnum==2.5.0");

        Result verify = relock("verify");
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("0 errors, 0 warnings");

        Result wheelhouse = relock("wheelhouse", "requirements.txt", "-d", "wheels");
        assertThat(wheelhouse.status()).as(wheelhouse.err()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("wheels"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("fastnum-2.5.0-cp311-cp311-manylinux_2_34_x86_64.whl", "app-1.0-py3-none-any.whl");
        }

        Result update = relock("update", "--dry-run", "--lockfile", "requirements.in:requirements.txt");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).contains("Every lockfile is up to date.");
        assertThat(read("requirements.txt")).isEqualTo(lock);
    }

    @Test
    void anUpdateThatChangesTheTargetNamesTheDowngradesItCauses() throws IOException {
        Result compiled = compile("--generate-hashes", "--python-platform", "x86_64-manylinux_2_36");
        assertThat(compiled.status()).as(compiled.err()).isZero();

        Result update = relock("update", "--dry-run", "--lockfile", "requirements.in:requirements.txt",
                "--python-platform", "x86_64-manylinux_2_28");

        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).contains("fastnum downgraded 2.5.0 → 2.4.6")
                .contains("| downgraded (target changed) |")
                .contains("- `requirements.txt`: x86_64-manylinux_2_36 → x86_64-manylinux_2_28.")
                .contains("- fastnum 2.5.0 skipped: its wheels need manylinux_2_34, the target is x86_64-manylinux_2_28");
    }

    @Test
    void aLockCompiledWithEveryRecordedOptionRecompilesWithNoFlagsToTheSameBytes() throws IOException {
        write("constraints.txt", "fastnum<2.5\n");
        write("requirements.in", "app\ntool\npip\n");
        Result first = compile("--generate-hashes", "--no-allow-unsafe", "--annotation-style", "line",
                "--strip-extras", "--prerelease", "allow", "--exclude-newer", "2100-01-01", "--only-binary", ":all:",
                "-c", "constraints.txt", "--python-version", "3.11.7", "--python-platform", "x86_64-manylinux_2_36",
                "--extra-index-url", server.simpleUrl() + "?extra", "--no-emit-index-url");
        assertThat(first.status()).as(first.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "fastnum")).isEqualTo("fastnum==2.4.6");
        assertThat(pin(lock, "tool")).isEqualTo("tool==1.0rc1");
        assertThat(lock).contains("# pip").doesNotContain("--index-url http");

        Result again = relock("compile");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("Up to date: requirements.txt");
        assertThat(read("requirements.txt")).isEqualTo(lock);

        Result noHashes = relock("compile", "--no-generate-hashes");
        assertThat(noHashes.status()).as(noHashes.err()).isZero();
        assertThat(read("requirements.txt")).doesNotContain("--hash=").doesNotContain("--generate-hashes")
                .contains("--no-allow-unsafe").contains("--python-platform=x86_64-manylinux_2_36");
    }

    @Test
    void aPyprojectLockWithExtrasRecompilesWithNoFlagsToTheSameBytes() throws IOException {
        Files.delete(dir.resolve("requirements.in"));
        write("pyproject.toml", """
                [project]
                name = "demo"
                version = "0.1"
                dependencies = ["app"]

                [project.optional-dependencies]
                cli = ["tool<1"]
                """);
        Result first = compile("pyproject.toml", "--extra", "cli", "--generate-hashes");
        assertThat(first.status()).as(first.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "tool")).isEqualTo("tool==0.9");

        Result again = relock("compile", "-o", "requirements.txt");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(read("requirements.txt")).isEqualTo(lock);
    }

    @Test
    void linuxAndMacTargetsGetTheNewestReleaseThatInstallsOnBoth() throws IOException {
        Result r = compile("--generate-hashes", "--python-platform", "x86_64-manylinux_2_36",
                "--python-platform", "aarch64-apple-darwin");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "fastnum")).isEqualTo("fastnum==2.3.0");
        assertThat(lock).contains("--python-platform=x86_64-manylinux_2_36 --python-platform=aarch64-macosx_13_0");
        assertThat(r.err()).contains("fastnum 2.5.0 skipped");

        Result verify = relock("verify");
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();

        Result wheelhouse = relock("wheelhouse", "requirements.txt", "-d", "wheels");
        assertThat(wheelhouse.status()).as(wheelhouse.err()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("wheels"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(
                    "fastnum-2.3.0-cp311-cp311-manylinux_2_28_x86_64.whl", "fastnum-2.3.0-" + MAC + ".whl");
        }
    }

    @Test
    void pyprojectToolRelockNamesThePlatforms() throws IOException {
        write("pyproject.toml", """
                [tool.relock]
                python-platform = ["x86_64-manylinux_2_36", "aarch64-apple-darwin"]
                """);

        Result r = compile("requirements.in", "-v");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(pin(read("requirements.txt"), "fastnum")).isEqualTo("fastnum==2.3.0");
        assertThat(r.err()).contains("(python-platform in " + dir.resolve("pyproject.toml"));
    }

    @Test
    void pythonXYMeansXY0InCompileAndVerifyAlike() throws IOException {
        write(".python-version", "3.11\n");
        Result r = compile("--generate-hashes", "--python-platform", "x86_64-manylinux_2_36");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).contains("autogenerated by relock with Python 3.11\n");

        Result verify = relock("verify", "--skip", "python-pin");
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
    }
}
