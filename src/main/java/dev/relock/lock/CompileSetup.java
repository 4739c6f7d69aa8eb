package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.pep508.Requirement;
import dev.relock.tags.TargetPlatform;
import dev.relock.reqtxt.LockfileReader;
import dev.relock.reqtxt.RequirementsFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a user asked for into a {@link CompileRequest}: finds the sources, reads what the
 * existing lockfile records, lays the project's {@code [tool.relock]} and the command line's
 * options over it (in that order: the later wins), and chooses the targets. {@code relock compile}
 * with no options on an existing lockfile therefore recompiles it exactly as it was made, and
 * {@code relock update} and {@code verify --strict} recompile through the same path.
 */
public final class CompileSetup {
    private CompileSetup() {}

    /**
     * A compile as asked for.
     *
     * @param workingDirectory where the command runs
     * @param sources the sources named; empty: the lockfile's recorded ones, else requirements.in,
     *     else pyproject.toml
     * @param output {@code -o}; empty: derived from the sources
     * @param given the {@link LockOption}s given on the command line, in order
     * @param upgradeAll {@code -U}
     * @param upgradePackages {@code -P}
     * @param customCommand {@code CUSTOM_COMPILE_COMMAND}
     * @param dryRun write nothing
     */
    public record Invocation(Path workingDirectory, List<Path> sources, Optional<Path> output,
            List<LockOption.Given> given, boolean upgradeAll, List<Requirement> upgradePackages,
            Optional<String> customCommand, boolean dryRun) {
        public Invocation {
            workingDirectory = workingDirectory.toAbsolutePath().normalize();
            sources = List.copyOf(sources);
            Objects.requireNonNull(output, "output");
            given = List.copyOf(given);
            upgradePackages = List.copyOf(upgradePackages);
            Objects.requireNonNull(customCommand, "customCommand");
        }

        /** A recompile of {@code lockfile} as recorded, with upgrades, writing nothing. */
        public static Invocation recompile(Path workingDirectory, Path lockfile, Optional<Path> source,
                List<LockOption.Given> given, boolean upgradeAll, List<Requirement> upgradePackages) {
            return new Invocation(workingDirectory,
                    Files.isRegularFile(lockfile) ? List.of() : source.stream().toList(), Optional.of(lockfile), given,
                    upgradeAll, upgradePackages, Optional.empty(), true);
        }
    }

    /**
     * A prepared compile.
     *
     * @param request the request, whose settings name the chosen platforms (the header records them)
     * @param targets the targets and why they were chosen
     * @param recordedPlatforms the platforms the existing lockfile's header records (empty: none)
     */
    public record Prepared(CompileRequest request, LockTargets targets, List<TargetPlatform> recordedPlatforms) {

        /** {@code old → new} when the targets differ from those the lockfile recorded. */
        public Optional<String> targetChange() {
            if (recordedPlatforms.isEmpty() || recordedPlatforms.equals(targets.platforms())) {
                return Optional.empty();
            }
            return Optional.of(names(recordedPlatforms) + " → " + names(targets.platforms()));
        }

        private static String names(List<TargetPlatform> platforms) {
            return String.join(", ", platforms.stream().map(TargetPlatform::name).toList());
        }
    }

    /**
     * Prepares {@code invocation}.
     *
     * @throws RelockException bad input: no source, an unreadable option value, no target Python
     */
    public static Prepared prepare(Invocation invocation) {
        return prepare(invocation, FileOverlay.none());
    }

    /**
     * {@link #prepare(Invocation)} reading the existing lockfile through {@code overlay}: a lockfile
     * planned but not written records its settings just as the file on disk would.
     */
    public static Prepared prepare(Invocation invocation, FileOverlay overlay) {
        Path wd = invocation.workingDirectory();
        List<Path> sources = new ArrayList<>(invocation.sources().stream().map(s -> wd.resolve(s).normalize()).toList());
        for (int i = 0; i < sources.size(); i++) {
            checkSource(invocation.sources().get(i), sources.get(i));
        }
        Optional<Path> output = invocation.output().map(o -> wd.resolve(o).normalize());
        Optional<RecordedCommand.Recorded> recorded = output.flatMap(o -> recorded(o, wd, overlay));
        if (sources.isEmpty() && recorded.isPresent()) {
            sources.addAll(recorded.get().sources());
        }
        if (sources.isEmpty()) {
            sources.add(discoverSource(wd, output));
        }
        Path out = output.orElseGet(() -> CompileRequest.defaultOutput(sources));
        if (invocation.output().isEmpty()) {
            recorded = recorded(out, wd, overlay);
        }
        Path projectDir = sources.get(0).getParent();
        ProjectConfig config = ProjectConfig.find(projectDir);

        LockSettings base = recorded.map(RecordedCommand.Recorded::settings).orElse(LockSettings.DEFAULTS);
        LockOption.PathContext cli = LockOption.PathContext.of(wd);
        LockSettings settings = LockOption.overlay(base, config.given(), LockOption.PathContext.of(projectDir));
        settings = LockOption.overlay(settings, invocation.given(), cli);

        if (!settings.universal() && (!settings.environments().isEmpty() || !settings.requiredEnvironments().isEmpty())) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, (settings.environments().isEmpty()
                    ? "--required-environment" : "--environment") + " applies to universal locks only: add --universal");
        }
        String origin;
        if (invocation.given().stream().anyMatch(g -> g.option() == LockOption.PYTHON_PLATFORM)) {
            origin = "--python-platform on the command line";
        } else if (config.given().stream().anyMatch(g -> g.option() == LockOption.PYTHON_PLATFORM)) {
            origin = "python-platform in " + config.file().map(Path::toString).orElse("[tool.relock]");
        } else {
            origin = "the header of " + Paths.display(wd, out);
        }
        LockTargets targets = LockTargets.choose(settings, origin, projectDir, projectDir);
        Optional<String> custom = recorded.flatMap(RecordedCommand.Recorded::customCommand);
        // A universal lock is for every platform: the platform standing in for its oldest Python is not recorded.
        settings = settings.universal() ? settings : settings.withPlatforms(targets.platforms());

        CompileRequest.Builder b = CompileRequest.builder(wd, targets.targets())
                .output(out)
                .settings(settings)
                .upgradeAll(invocation.upgradeAll())
                .customCommand(invocation.customCommand().or(() -> custom))
                .dryRun(invocation.dryRun());
        sources.forEach(b::source);
        invocation.upgradePackages().forEach(b::upgradePackage);
        return new Prepared(b.build(), targets, base.pythonPlatforms());
    }

    /** What {@code lockfile} records, when it exists in pip-compile's layout. */
    private static Optional<RecordedCommand.Recorded> recorded(Path lockfile, Path wd, FileOverlay overlay) {
        Optional<String> pending = overlay.text(lockfile);
        if (pending.isEmpty() && !Files.isRegularFile(lockfile)) {
            return Optional.empty();
        }
        try {
            if (pending.isPresent()) {
                Path file = wd.resolve(lockfile).toAbsolutePath().normalize();
                return Optional.of(RecordedCommand.read(LockfileReader.read(pending.get(), file), file, wd));
            }
            return Optional.of(RecordedCommand.read(lockfile, wd));
        } catch (RelockException e) {
            if (e.kind() != RelockException.Kind.BAD_INPUT) {
                throw e;
            }
            // Not in pip-compile's layout (hand-written): it is replaced, as pip-compile does.
            return Optional.empty();
        }
    }

    /**
     * What the settings of {@code lockfile} are, as recorded, with the project's {@code [tool.relock]}
     * and {@code given} laid over them: for commands that read a lock (verify, wheelhouse).
     */
    public static LockSettings settingsOf(Path lockfile, Path wd, List<LockOption.Given> given,
            Map<String, String> env) {
        return settingsOf(lockfile, wd, given, env, FileOverlay.none());
    }

    /** {@link #settingsOf(Path, Path, List, Map)} reading the lockfile through {@code overlay}. */
    public static LockSettings settingsOf(Path lockfile, Path wd, List<LockOption.Given> given,
            Map<String, String> env, FileOverlay overlay) {
        Path file = wd.resolve(lockfile).toAbsolutePath().normalize();
        LockSettings base = recorded(file, wd, overlay).map(RecordedCommand.Recorded::settings)
                .orElseGet(() -> lenient(file, env));
        Path dir = file.getParent();
        LockSettings settings = LockOption.overlay(base, ProjectConfig.find(dir).given(), LockOption.PathContext.of(dir));
        return LockOption.overlay(settings, given, LockOption.PathContext.of(wd));
    }

    /**
     * The settings of a lockfile that is not in pip-compile's layout (a hand-edited one, say): only
     * its index options, read as pip reads a requirements file.
     */
    private static LockSettings lenient(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            return LockSettings.DEFAULTS;
        }
        try {
            return LockSettings.DEFAULTS.withIndex(IndexSettings.of(new RequirementsFileReader(env).read(file).options()));
        } catch (RelockException e) {
            return LockSettings.DEFAULTS;
        }
    }

    /**
     * A source named on the command line must be a file: checked before anything else (the target
     * Python above all) so that a typo or a directory is what the error names.
     */
    private static void checkSource(Path given, Path source) {
        if (Files.isDirectory(source)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, given
                    + " is a directory: pass a requirements .in file or pyproject.toml"
                    + (Files.isRegularFile(source.resolve("requirements.in"))
                            ? " (e.g. " + given.resolve("requirements.in") + ")"
                            : Files.isRegularFile(source.resolve("pyproject.toml"))
                                    ? " (e.g. " + given.resolve("pyproject.toml") + ")" : ""));
        }
        if (!Files.exists(source)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, given + ": no such file");
        }
    }

    private static Path discoverSource(Path wd, Optional<Path> output) {
        if (output.isPresent()) {
            Optional<Path> beside = RecordedCommand.defaultSource(output.get());
            if (beside.isPresent()) {
                return beside.get();
            }
        }
        for (String name : List.of("requirements.in", "pyproject.toml")) {
            if (Files.isRegularFile(wd.resolve(name))) {
                return wd.resolve(name);
            }
        }
        throw new RelockException(RelockException.Kind.BAD_INPUT,
                "no source given and no requirements.in or pyproject.toml in " + wd
                        + ": pass the .in file, e.g. 'relock compile requirements.in'");
    }
}
