package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.pep508.Requirement;
import dev.relock.resolve.Remedy;
import dev.relock.tags.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link Compiler#compile} needs: the inputs, the output, the lock's
 * {@link LockSettings} and the targets they were resolved to, and what this run does beyond the
 * lock's shape (upgrades, dry run). Paths are absolute; {@link #workingDirectory()} is what
 * relative paths in annotations and the header command are written against. Building one reads
 * no file: {@link CompileSetup} finds the sources, the recorded settings and the targets.
 *
 * @param workingDirectory the directory the command runs in
 * @param sources the {@code .in} files and/or {@code pyproject.toml} files, in order
 * @param output the lockfile to write
 * @param settings the options that shape the lockfile
 * @param targets the Python and platforms resolved for: the settings' platforms (or the derived
 *     ones) with the target Python; never empty, the first is the primary
 * @param upgradeAll {@code -U/--upgrade}: ignore the existing lockfile's pins
 * @param upgradePackages {@code -P/--upgrade-package}: free these names (their specifiers, if any,
 *     become constraints)
 * @param customCommand the header command to write instead of relock's ({@code CUSTOM_COMPILE_COMMAND},
 *     or another tool's recorded command)
 * @param dryRun print only, write nothing
 * @param remedy packages moved to their lowest allowed version (the update bot's security fixes)
 */
public record CompileRequest(
        Path workingDirectory,
        List<Path> sources,
        Path output,
        LockSettings settings,
        List<Target> targets,
        boolean upgradeAll,
        List<Requirement> upgradePackages,
        Optional<String> customCommand,
        boolean dryRun,
        Remedy remedy) {

    public CompileRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        sources = List.copyOf(sources);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(settings, "settings");
        targets = List.copyOf(targets);
        upgradePackages = List.copyOf(upgradePackages);
        Objects.requireNonNull(customCommand, "customCommand");
        Objects.requireNonNull(remedy, "remedy");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a compile needs at least one source");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a compile needs at least one target");
        }
    }

    /** The primary target: its Python is the lock's, its platform the first named. */
    public Target target() {
        return targets.get(0);
    }

    /** The index settings given as options (a source file's own options are merged in when compiling). */
    public IndexSettings index() {
        return settings.index();
    }

    /** A builder for a compile in {@code workingDirectory} for {@code targets} (at least one). */
    public static Builder builder(Path workingDirectory, List<Target> targets) {
        return new Builder(workingDirectory, targets);
    }

    /** A builder for a compile in {@code workingDirectory} for one target. */
    public static Builder builder(Path workingDirectory, Target target) {
        return new Builder(workingDirectory, List.of(target));
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(workingDirectory, targets);
        b.sources.addAll(sources);
        b.output = Optional.of(output);
        b.settings = settings;
        b.upgradeAll = upgradeAll;
        b.upgradePackages.addAll(upgradePackages);
        b.customCommand = customCommand;
        b.dryRun = dryRun;
        b.remedy = remedy;
        return b;
    }

    /** Parses a {@code -P/--upgrade-package} value: {@code NAME} or {@code NAME} with version specifiers. */
    public static Requirement parseUpgradePackage(String text) {
        return RecordedCommand.upgradePackage(text);
    }

    /** Collects a request's values; everything but the sources has a default. */
    public static final class Builder {
        private final Path workingDirectory;
        private final List<Target> targets;
        private final List<Path> sources = new ArrayList<>();
        private Optional<Path> output = Optional.empty();
        private LockSettings settings = LockSettings.DEFAULTS;
        private boolean upgradeAll;
        private final List<Requirement> upgradePackages = new ArrayList<>();
        private Optional<String> customCommand = Optional.empty();
        private boolean dryRun;
        private Remedy remedy = Remedy.NONE;

        private Builder(Path workingDirectory, List<Target> targets) {
            this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
            this.targets = List.copyOf(targets);
        }

        /** Adds a source; relative paths are resolved against the working directory. */
        public Builder source(Path source) {
            sources.add(resolve(source));
            return this;
        }

        /** The lockfile to write; default: the single source with {@code .txt}, or requirements.txt beside pyproject.toml. */
        public Builder output(Path path) {
            output = Optional.of(resolve(path));
            return this;
        }

        public Builder settings(LockSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Changes the settings through their builder. */
        public Builder settings(java.util.function.UnaryOperator<LockSettings.Builder> change) {
            settings = change.apply(settings.toBuilder()).build();
            return this;
        }

        public Builder upgradeAll(boolean on) {
            upgradeAll = on;
            return this;
        }

        public Builder upgradePackage(Requirement requirement) {
            upgradePackages.add(requirement);
            return this;
        }

        public Builder customCommand(String command) {
            customCommand = Optional.of(command);
            return this;
        }

        public Builder customCommand(Optional<String> command) {
            customCommand = Objects.requireNonNull(command, "command");
            return this;
        }

        public Builder dryRun(boolean on) {
            dryRun = on;
            return this;
        }

        public Builder remedy(Remedy value) {
            remedy = Objects.requireNonNull(value, "remedy");
            return this;
        }

        /**
         * The request; reads no file.
         *
         * @throws RelockException (bad input) when there is no source or the output is ambiguous
         */
        public CompileRequest build() {
            if (sources.isEmpty()) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        "no source given: pass the .in file, e.g. 'relock compile requirements.in'");
            }
            Path out = output.orElseGet(() -> defaultOutput(sources));
            return new CompileRequest(workingDirectory, sources, out, settings, targets, upgradeAll,
                    upgradePackages, customCommand, dryRun, remedy);
        }

        private Path resolve(Path p) {
            return workingDirectory.resolve(p).normalize();
        }
    }

    /** The lockfile a compile of {@code srcs} writes when no output is named. */
    static Path defaultOutput(List<Path> srcs) {
        if (srcs.size() > 1) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "-o/--output-file is required when two or more sources are given");
        }
        Path src = srcs.get(0);
        String name = src.getFileName().toString();
        if (Sources.isPyproject(src)) {
            return src.resolveSibling("requirements.txt");
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if ((stem + ".txt").equals(name)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "source " + src
                    + " would be its own output: name the lockfile with -o/--output-file");
        }
        return src.resolveSibling(stem + ".txt");
    }
}
