package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pip accepts what {@code relock compile --generate-hashes} writes: it installs and downloads
 * every pin in hash-checking mode. Skipped when {@code python3 -m pip} is missing. pip runs
 * {@code --isolated} with {@code PIP_CONFIG_FILE=/dev/null} and no {@code PIP_*} variables.
 */
class CompiledLockfilePipTest {
    static LocalIndexServer server;

    @TempDir static Path dir;

    static Path lockfile;

    @BeforeAll
    static void compile() throws IOException {
        assumeTrue(pipAvailable(), "python3 -m pip is not available");
        server = LocalIndexServer.start(CompileCommandTest.project());
        Files.writeString(dir.resolve("requirements.in"), CompileCommandTest.REQUIREMENTS_IN);
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"compile", "--generate-hashes", "--python-version", "3.11",
            "-i", server.simpleUrl().toString(), "--no-cache", "requirements.in"},
                new RunContext(Map.of(), dir, new PrintWriter(new StringWriter()), new PrintWriter(err, true), false));
        assertThat(status).as(err.toString()).isZero();
        lockfile = dir.resolve("requirements.txt");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pipInstallsTheLockfileInHashCheckingMode(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("target");
        Result r = pip(tmp, "install", "--require-hashes", "--no-deps", "--target", target.toString(),
                "-r", lockfile.toString(), "--index-url", server.simpleUrl().toString());

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(target.resolve("requests-2.31.0.dist-info")).isDirectory();
        assertThat(target.resolve("setuptools-69.0.3.dist-info")).as("unsafe packages are pinned").isDirectory();
    }

    @Test
    void pipDownloadAcceptsEveryHash(@TempDir Path tmp) throws Exception {
        Result r = pip(tmp, "download", "--require-hashes", "--no-deps", "-d", tmp.resolve("out").toString(),
                "-r", lockfile.toString(), "--index-url", server.simpleUrl().toString());

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(tmp.resolve("out/urllib3-2.0.7-py3-none-any.whl")).exists();
    }

    record Result(int exit, String output) {}

    private static Result pip(Path workDir, String subcommand, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pip", subcommand, "--isolated", "--no-input",
                "--disable-pip-version-check", "--no-cache-dir", "--retries", "0", "--timeout", "10"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "pip", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        isolate(pb.environment());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void isolate(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PIP_") || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("PIP_CONFIG_FILE", File.separatorChar == '/' ? "/dev/null" : "nul");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    private static boolean pipAvailable() {
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", "-m", "pip", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            isolate(pb.environment());
            Process p = pb.start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
