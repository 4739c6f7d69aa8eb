package dev.relock.testing.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's {@code python3} and pip for acceptance tests, isolated from the machine's
 * configuration: no {@code PIP_*} variables, {@code PIP_CONFIG_FILE} pointing at the null device,
 * proxies bypassed for the loopback address. Tests skip (via assumptions) when a tool is missing.
 */
public final class PythonTool {
    static final long TIMEOUT_SECONDS = 180;

    private PythonTool() {}

    /** A finished process: its exit status and combined output. */
    public record Result(int exit, String output) {}

    /** Whether {@code python3 -m pip} runs. */
    public static boolean pipAvailable() {
        return succeeds(List.of("python3", "-m", "pip", "--version"));
    }

    /**
     * Creates an empty virtual environment in {@code dir} (no pip inside: creating one with pip
     * takes many seconds) and returns its interpreter, for {@link #pipInto}. Empty when
     * {@code python3 -m venv} is unavailable (Debian without python3-venv, say) or the machine's pip
     * is older than 22.3 and cannot install into another interpreter.
     */
    public static Optional<Path> createVenv(Path dir) throws IOException, InterruptedException {
        Result r = run(dir.getParent(), List.of("python3", "-m", "venv", "--without-pip", dir.toString()));
        Path python = dir.resolve(File.separatorChar == '/' ? "bin/python" : "Scripts/python.exe");
        if (r.exit() != 0 || !Files.isExecutable(python)) {
            return Optional.empty();
        }
        return succeeds(List.of("python3", "-m", "pip", "--python", python.toString(), "--version"))
                ? Optional.of(python) : Optional.empty();
    }

    /**
     * Runs the machine's pip on behalf of the environment whose interpreter is {@code python}:
     * {@code python3 -m pip --python PYTHON SUBCOMMAND --isolated … ARGS} in {@code workDir};
     * {@code args[0]} is the pip subcommand.
     */
    public static Result pipInto(Path python, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pip", "--python", python.toString(), args[0]));
        command.addAll(List.of("--isolated", "--no-input", "--disable-pip-version-check", "--no-cache-dir",
                "--retries", "0", "--timeout", "10"));
        command.addAll(List.of(args).subList(1, args.length));
        return run(workDir, command);
    }

    /** Runs {@code command} in {@code workDir} with the isolated environment. */
    public static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "python", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            isolate(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void isolate(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PIP_") || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("PIP_CONFIG_FILE", File.separatorChar == '/' ? "/dev/null" : "nul");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    private static boolean succeeds(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            isolate(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
