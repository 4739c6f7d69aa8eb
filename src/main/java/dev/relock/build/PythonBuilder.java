package dev.relock.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.common.RelockException;
import dev.relock.index.BuildFailedException;
import dev.relock.index.DistFile;
import dev.relock.index.IndexLog;
import dev.relock.index.SdistBuilder;
import dev.relock.tags.PythonVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds an sdist's core metadata with its PEP 517 backend, as pip and uv do, but with relock
 * choosing every byte that goes into the build environment:
 *
 * <ol>
 *   <li>the sdist (already hash-verified) is unpacked safely ({@link SafeExtraction});</li>
 *   <li>a throwaway virtual environment is made with the host Python ({@code --python}, else
 *       {@code python3} on the PATH), without pip and without the host's site-packages;</li>
 *   <li>the {@code [build-system] requires} are resolved by relock for the host Python and
 *       platform (wheels only, from the lock's indexes), downloaded and hash-verified, and
 *       installed with {@code pip install --require-hashes --no-deps --no-index} from those files
 *       (pip is bootstrapped into the environment from the interpreter's own {@code ensurepip});
 *       so are the extra requirements {@code get_requires_for_build_wheel} returns;</li>
 *   <li>{@code prepare_metadata_for_build_wheel} runs, or {@code build_wheel} when the backend lacks
 *       it, and METADATA is read from its result.</li>
 * </ol>
 *
 * <p>Every process runs with {@code python -I} (no user site, no PYTHON* variables, no script
 * directory on sys.path), an environment cleared down to PATH, HOME and TMPDIR inside the build
 * directory, {@code PIP_CONFIG_FILE=/dev/null}, and proxy variables pointing at a closed port (a
 * backend that honours them cannot reach the network; one that opens sockets itself is not
 * stopped). Output is captured into one log, shown shortened when the build fails. One build runs
 * at a time; the whole build has {@link BuildSettings#timeout()}.
 */
public final class PythonBuilder implements SdistBuilder {
    /** How many lines of the build's output a failure shows. */
    static final int LOG_TAIL_LINES = 40;
    /** Made on first use: a mapper costs tens of milliseconds to set up, and most runs build nothing. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final BuildSettings settings;
    private final BuildRequirements requirements;
    private final IndexLog log;
    private final Object oneAtATime = new Object();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Optional<HostPython> host = Optional.empty();

    public PythonBuilder(BuildSettings settings, BuildRequirements requirements, IndexLog log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public byte[] buildMetadata(DistFile file, Path sdist, Optional<PythonVersion> targetPython) {
        synchronized (oneAtATime) {
            Path work = null;
            try {
                work = Files.createTempDirectory("relock-build-");
                return new Run(file, work, Instant.now().plus(settings.timeout())).metadata(sdist, targetPython);
            } catch (IOException e) {
                throw new BuildFailedException(file, "cannot prepare the build directory: " + e.getMessage(), "");
            } finally {
                if (work != null) {
                    deleteTree(work);
                }
            }
        }
    }

    /** The host interpreter, probed once. */
    private HostPython host(DistFile file, Run run) {
        Optional<HostPython> known = host;
        if (known.isPresent()) {
            return known.get();
        }
        Path executable = HostPython.locate(settings).orElseThrow(() -> new BuildFailedException(file,
                settings.python().map(p -> "--python " + p + (p.getParent() == null
                                ? " is not on the PATH" : " is not an executable file"))
                        .orElse("no Python to run its build backend: python3 is not on the PATH")
                        + "; install Python 3 with venv, pass --python PATH, or use --no-build", ""));
        List<String> probe = run.process(List.of(executable.toString(), "-I", "-c", HostPython.PROBE),
                run.work, "probing " + executable, true);
        try {
            HostPython found = HostPython.parse(executable, probe);
            host = Optional.of(found);
            return found;
        } catch (RuntimeException e) {
            throw new BuildFailedException(file, executable + " cannot run builds: " + e.getMessage(), "");
        }
    }

    /** One package's build, in its own directory, against one deadline. */
    private final class Run {
        final DistFile file;
        final Path work;
        final Path buildLog;
        final Instant deadline;

        Run(DistFile file, Path work, Instant deadline) {
            this.file = file;
            this.work = work;
            this.buildLog = work.resolve("build.log");
            this.deadline = deadline;
        }

        byte[] metadata(Path sdist, Optional<PythonVersion> targetPython) throws IOException {
            HostPython python = host(file, this);
            warnIfOtherPython(python, targetPython);
            log.debug("building metadata for " + file.filename() + " with " + python.executable());
            Path source;
            try {
                source = SafeExtraction.extract(sdist, file.filename(), work.resolve("src"));
            } catch (SafeExtraction.UnsafeArchiveException e) {
                throw new BuildFailedException(file, "refusing to unpack it: " + e.getMessage(), "");
            }
            BuildSystem system;
            try {
                system = BuildSystem.of(source);
            } catch (IOException e) {
                throw new BuildFailedException(file, e.getMessage(), "");
            }
            Files.createDirectories(work.resolve("home"));
            Files.createDirectories(work.resolve("tmp"));
            Path env = work.resolve("env");
            process(List.of(python.executable().toString(), "-I", "-m", "venv", "--without-pip", env.toString()),
                    work, "creating its build environment with " + python.executable()
                            + " (on Debian and Ubuntu, install python3-venv)", false);
            Path envPython = environmentPython(env);
            Set<String> installed = new LinkedHashSet<>();
            install(envPython, python, system.requires(), installed);

            Path runner = work.resolve("hook_runner.py");
            try (InputStream in = PythonBuilder.class.getResourceAsStream("hook_runner.py")) {
                Files.write(runner, Objects.requireNonNull(in, "hook_runner.py").readAllBytes());
            }
            Path out = work.resolve("out");
            Files.createDirectories(out);
            String backendPath = Json.MAPPER.writeValueAsString(system.backendPath());
            process(List.of(envPython.toString(), "-I", runner.toString(), source.toString(), system.backend(),
                    backendPath, "requires", out.toString()), source, "get_requires_for_build_wheel", false);
            List<String> more = new ArrayList<>();
            JsonNode requires = Json.MAPPER.readTree(out.resolve("requires.json").toFile());
            requires.forEach(r -> more.add(r.asText()));
            if (!installed.containsAll(more)) {
                List<String> all = new ArrayList<>(installed);
                all.addAll(more);
                install(envPython, python, all, installed);
            }
            process(List.of(envPython.toString(), "-I", runner.toString(), source.toString(), system.backend(),
                    backendPath, "metadata", out.toString()), source,
                    "prepare_metadata_for_build_wheel (or build_wheel)", false);
            Path metadata = out.resolve("METADATA");
            if (!Files.isRegularFile(metadata)) {
                throw new BuildFailedException(file, "the backend wrote no METADATA", tail());
            }
            return Files.readAllBytes(metadata);
        }

        private void warnIfOtherPython(HostPython python, Optional<PythonVersion> targetPython) {
            if (targetPython.isEmpty()) {
                return;
            }
            String hostLine = python.target().python().majorMinor();
            String targetLine = targetPython.get().majorMinor();
            if (!hostLine.equals(targetLine) && warned.add(hostLine + "/" + targetLine)) {
                log.warn("building sdists with Python " + python.target().python() + " (" + python.executable()
                        + ") for target Python " + targetPython.get() + ": a build that picks its dependencies by"
                        + " Python version answers for " + hostLine + "; pass --python with a " + targetLine
                        + " interpreter to build with the target's version");
            }
        }

        /** Resolves, downloads and installs {@code wanted} into the environment (pip bootstrapped on first use). */
        private void install(Path envPython, HostPython python, List<String> wanted, Set<String> installed)
                throws IOException {
            if (wanted.isEmpty()) {
                return;
            }
            List<BuildRequirements.Wheel> wheels;
            try {
                wheels = requirements.fetch(wanted, python.target(), work.resolve("wheels"));
            } catch (RelockException e) {
                throw new BuildFailedException(file, "its build requirements " + wanted + " cannot be resolved for "
                        + python.target() + ": " + e.getMessage().lines().findFirst().orElse(""), "");
            }
            if (installed.isEmpty()) {
                process(List.of(envPython.toString(), "-I", "-m", "ensurepip", "--default-pip"), work,
                        "bootstrapping pip into its build environment", false);
            }
            StringBuilder lines = new StringBuilder();
            for (BuildRequirements.Wheel wheel : wheels) {
                lines.append(wheel.path().toAbsolutePath()).append(" --hash=sha256:").append(wheel.sha256()).append('\n');
            }
            Path reqs = work.resolve("build-requirements-" + installed.size() + ".txt");
            Files.writeString(reqs, lines, StandardCharsets.UTF_8);
            process(List.of(envPython.toString(), "-I", "-m", "pip", "install", "--isolated", "--no-input",
                    "--disable-pip-version-check", "--no-compile", "--require-hashes", "--no-deps", "--no-index",
                    "-r", reqs.toString()), work, "installing its build requirements " + wanted, false);
            installed.addAll(wanted);
        }

        /**
         * Runs {@code command} in {@code dir} with the build's cleared environment.
         *
         * @param what what the command does, for the error message
         * @param keepOutput return the output's lines (else it goes to the build log)
         * @throws BuildFailedException when it fails, times out or cannot start
         */
        List<String> process(List<String> command, Path dir, String what, boolean keepOutput) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw timedOut();
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Path output = keepOutput ? work.resolve("probe.out") : buildLog;
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            environment(pb.environment());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new BuildFailedException(file, what + ": cannot run " + command.get(0) + ": " + e.getMessage(), "");
            }
            try {
                if (!p.waitFor(left.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(p);
                    throw timedOut();
                }
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new BuildFailedException(file, "interrupted", "");
            }
            if (p.exitValue() != 0) {
                throw new BuildFailedException(file, what + " exited with status " + p.exitValue(),
                        keepOutput ? tail(output) : tail());
            }
            if (!keepOutput) {
                return List.of();
            }
            try {
                return Files.readAllLines(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void environment(Map<String, String> env) {
            env.clear();
            String envBin = work.resolve("env").resolve(isWindows() ? "Scripts" : "bin").toString();
            env.put("PATH", envBin + java.io.File.pathSeparator + (isWindows() ? "C:\\Windows\\System32" : "/usr/bin:/bin"));
            env.put("HOME", work.resolve("home").toString());
            env.put("USERPROFILE", work.resolve("home").toString());
            env.put("TMPDIR", work.resolve("tmp").toString());
            env.put("TEMP", work.resolve("tmp").toString());
            env.put("LC_ALL", "C.UTF-8");
            env.put("PYTHONNOUSERSITE", "1");
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            env.put("PIP_CONFIG_FILE", isWindows() ? "NUL" : "/dev/null");
            env.put("PIP_NO_INPUT", "1");
            for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")) {
                env.put(proxy, "http://127.0.0.1:9");
            }
        }

        private BuildFailedException timedOut() {
            return new BuildFailedException(file, "it did not finish within " + settings.timeout().toSeconds()
                    + " s (--build-timeout)", tail());
        }

        private String tail() {
            return tail(buildLog);
        }

        private String tail(Path output) {
            List<String> lines;
            try {
                lines = Files.exists(output) ? Files.readAllLines(output, StandardCharsets.ISO_8859_1) : List.of();
            } catch (IOException e) {
                return "";
            }
            if (lines.isEmpty()) {
                return "";
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            StringBuilder text = new StringBuilder(lines.size() > last.size()
                    ? "last " + last.size() + " of " + lines.size() + " lines of the build output:"
                    : "build output:");
            for (String line : last) {
                text.append("\n  | ").append(line.replaceAll("[\\p{Cntrl}&&[^\t]]", "?"));
            }
            return text.toString();
        }
    }

    private static Path environmentPython(Path env) {
        return isWindows() ? env.resolve("Scripts").resolve("python.exe") : env.resolve("bin").resolve("python");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static java.io.File nullDevice() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    /** Kills {@code p} and everything it started. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary directory costs only disk space
        }
    }
}
