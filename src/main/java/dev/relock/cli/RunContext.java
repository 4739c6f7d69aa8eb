package dev.relock.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a command may read from the process it runs in, gathered once by {@link Main} so that
 * commands never touch {@code System.getenv} or the working directory themselves and tests can
 * supply their own.
 *
 * @param env environment variables
 * @param workingDirectory the directory relative paths are resolved against
 * @param out where results go (stdout)
 * @param err where diagnostics and progress go (stderr)
 * @param stderrIsTerminal whether stderr is an interactive terminal (progress display)
 * @param clock "now", for a cooldown ({@code --exclude-newer 7d}); tests fix it
 */
public record RunContext(
        Map<String, String> env, Path workingDirectory, PrintWriter out, PrintWriter err, boolean stderrIsTerminal,
        Clock clock) {

    public RunContext {
        env = Map.copyOf(env);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock");
    }

    /** A context on the system clock. */
    public RunContext(Map<String, String> env, Path workingDirectory, PrintWriter out, PrintWriter err,
            boolean stderrIsTerminal) {
        this(env, workingDirectory, out, err, stderrIsTerminal, Clock.systemUTC());
    }

    /** The context of this process. */
    public static RunContext ofProcess(PrintWriter out, PrintWriter err) {
        return new RunContext(System.getenv(), Path.of(""), out, err, processStderrIsTerminal());
    }

    /**
     * Whether this process's stderr is a terminal. On Linux, where stderr's descriptor points to;
     * elsewhere {@code System.console()}, which only says that stdin and stdout are terminals.
     */
    private static boolean processStderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (java.nio.file.Files.isSymbolicLink(fd)) {
                String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the portable answer
        }
        return System.console() != null;
    }

    /** A variable's value, empty when unset or blank (an Action's unset input arrives as ""). */
    public Optional<String> var(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** True when running as a GitHub Actions step. */
    public boolean inGitHubActions() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /** True in any CI system (CI set to anything but {@code false} or {@code 0}): progress displays stay off there. */
    public boolean inCi() {
        return inGitHubActions() || var("CI").filter(v -> !v.equalsIgnoreCase("false") && !v.equals("0")).isPresent();
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
