package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything {@link Compiler#compile} needs: the inputs, the output, the target and the options
 * that shape the lockfile. Paths are absolute; {@link #workingDirectory()} is what relative paths in
 * annotations and the header command are written against.
 *
 * @param workingDirectory the directory the command runs in
 * @param sources the {@code .in} files and/or {@code pyproject.toml} files, in order
 * @param output the lockfile to write
 * @param constraintFiles {@code -c/--constraint} files given as options
 * @param extras {@code --extra} names (pyproject.toml sources only)
 * @param allExtras {@code --all-extras}
 * @param target the Python and platform resolved for
 * @param pythonVersionOption the {@code --python-version} as given, recorded in the header command
 * @param index index options given as options (a source file's own options are merged in)
 * @param generateHashes {@code --generate-hashes}
 * @param allowUnsafe pin pip/setuptools/distribute (relock's default) instead of listing them commented
 * @param upgradeAll {@code -U/--upgrade}: ignore the existing lockfile's pins
 * @param upgradePackages {@code -P/--upgrade-package}: free these names (their specifiers, if any,
 *     become constraints)
 * @param prereleases {@code --prerelease}; empty for the resolver's default
 * @param excludeNewer {@code --exclude-newer}
 * @param binaryOptions {@code --no-binary} / {@code --only-binary} given as options, in command-line
 *     order; pip applies them before the options of the requirements files (see {@link BinaryPolicy})
 * @param annotationStyle {@code --annotation-style}
 * @param stripExtras {@code --strip-extras}
 * @param emitIndexUrl false for {@code --no-emit-index-url}
 * @param header false for {@code --no-header}
 * @param customCommand the header command to write instead of relock's ({@code CUSTOM_COMPILE_COMMAND})
 * @param dryRun print only, write nothing
 */
public record CompileRequest(
        Path workingDirectory,
        List<Path> sources,
        Path output,
        List<Path> constraintFiles,
        SortedSet<ExtraName> extras,
        boolean allExtras,
        Target target,
        Optional<String> pythonVersionOption,
        IndexSettings index,
        boolean generateHashes,
        boolean allowUnsafe,
        boolean upgradeAll,
        List<Requirement> upgradePackages,
        Optional<PrereleaseMode> prereleases,
        Optional<Instant> excludeNewer,
        List<BinaryPolicy.Option> binaryOptions,
        AnnotationStyle annotationStyle,
        boolean stripExtras,
        boolean emitIndexUrl,
        boolean header,
        Optional<String> customCommand,
        boolean dryRun) {

    public CompileRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        sources = List.copyOf(sources);
        Objects.requireNonNull(output, "output");
        constraintFiles = List.copyOf(constraintFiles);
        extras = new TreeSet<>(extras);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pythonVersionOption, "pythonVersionOption");
        Objects.requireNonNull(index, "index");
        upgradePackages = List.copyOf(upgradePackages);
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
        binaryOptions = List.copyOf(binaryOptions);
        Objects.requireNonNull(annotationStyle, "annotationStyle");
        Objects.requireNonNull(customCommand, "customCommand");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a compile needs at least one source");
        }
    }

    @Override
    public SortedSet<ExtraName> extras() {
        return new TreeSet<>(extras);
    }

    /** A builder for a compile of {@code sources} (resolved against {@code workingDirectory}) for {@code target}. */
    public static Builder builder(Path workingDirectory, Target target) {
        return new Builder(workingDirectory, target);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(workingDirectory, target);
        b.sources.addAll(sources);
        b.output = Optional.of(output);
        b.constraintFiles.addAll(constraintFiles);
        b.extras.addAll(extras);
        b.allExtras = allExtras;
        b.pythonVersionOption = pythonVersionOption;
        b.index = index;
        b.generateHashes = generateHashes;
        b.allowUnsafe = allowUnsafe;
        b.upgradeAll = upgradeAll;
        b.upgradePackages.addAll(upgradePackages);
        b.prereleases = prereleases;
        b.excludeNewer = excludeNewer;
        b.binaryOptions.addAll(binaryOptions);
        b.annotationStyle = annotationStyle;
        b.stripExtras = stripExtras;
        b.emitIndexUrl = emitIndexUrl;
        b.header = header;
        b.customCommand = customCommand;
        b.dryRun = dryRun;
        return b;
    }

    /**
     * Rebuilds the request that produced {@code lockfile} from the command in its header (relock,
     * pip-compile or {@code uv pip compile}) and from the file itself, for recompiling it in place.
     * See {@link RecordedCommand} for what is recognized.
     *
     * @param lockfile the lockfile, which stays the output
     * @param target the target to resolve for
     * @param workingDirectory the directory the recorded command's relative paths are tried
     *     against after the lockfile's own directory
     */
    public static CompileRequest fromLockfileHeader(Path lockfile, Target target, Path workingDirectory) {
        return RecordedCommand.rebuild(lockfile, target, workingDirectory);
    }

    /**
     * Parses an {@code --exclude-newer} value: an RFC 3339 timestamp, or a date {@code YYYY-MM-DD}
     * meaning midnight UTC at its start.
     */
    public static Instant parseTimestamp(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --exclude-newer value '" + text
                        + "': expected an RFC 3339 timestamp (2024-03-01T12:00:00Z) or a date (2024-03-01)");
            }
        }
    }

    /** Parses a {@code -P/--upgrade-package} value: {@code NAME} or {@code NAME} with version specifiers. */
    public static Requirement parseUpgradePackage(String text) {
        return RecordedCommand.upgradePackage(text);
    }

    /** Parses a {@code --prerelease} value such as {@code if-necessary-or-explicit}. */
    public static PrereleaseMode parsePrereleaseMode(String text) {
        return RecordedCommand.parseMode(text);
    }

    /** Collects a request's values; everything but the sources has a default. */
    public static final class Builder {
        private final Path workingDirectory;
        private final Target target;
        private final List<Path> sources = new ArrayList<>();
        private Optional<Path> output = Optional.empty();
        private final List<Path> constraintFiles = new ArrayList<>();
        private final SortedSet<ExtraName> extras = new TreeSet<>();
        private boolean allExtras;
        private Optional<String> pythonVersionOption = Optional.empty();
        private IndexSettings index = IndexSettings.DEFAULT;
        private boolean generateHashes;
        private boolean allowUnsafe = true;
        private boolean upgradeAll;
        private final List<Requirement> upgradePackages = new ArrayList<>();
        private Optional<PrereleaseMode> prereleases = Optional.empty();
        private Optional<Instant> excludeNewer = Optional.empty();
        private final List<BinaryPolicy.Option> binaryOptions = new ArrayList<>();
        private AnnotationStyle annotationStyle = AnnotationStyle.SPLIT;
        private boolean stripExtras;
        private boolean emitIndexUrl = true;
        private boolean header = true;
        private Optional<String> customCommand = Optional.empty();
        private boolean dryRun;

        private Builder(Path workingDirectory, Target target) {
            this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
            this.target = Objects.requireNonNull(target, "target");
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

        public Builder constraint(Path file) {
            constraintFiles.add(resolve(file));
            return this;
        }

        public Builder extra(ExtraName extra) {
            extras.add(extra);
            return this;
        }

        public Builder allExtras(boolean on) {
            allExtras = on;
            return this;
        }

        public Builder pythonVersionOption(Optional<String> value) {
            pythonVersionOption = value;
            return this;
        }

        public Builder index(IndexSettings settings) {
            index = settings;
            return this;
        }

        public Builder generateHashes(boolean on) {
            generateHashes = on;
            return this;
        }

        public Builder allowUnsafe(boolean on) {
            allowUnsafe = on;
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

        public Builder prereleases(PrereleaseMode mode) {
            prereleases = Optional.of(mode);
            return this;
        }

        public Builder excludeNewer(Instant cutoff) {
            excludeNewer = Optional.of(cutoff);
            return this;
        }

        /** Adds a {@code --no-binary} / {@code --only-binary} option after those added before. */
        public Builder binaryOption(BinaryPolicy.Option option) {
            binaryOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        public Builder annotationStyle(AnnotationStyle style) {
            annotationStyle = style;
            return this;
        }

        public Builder stripExtras(boolean on) {
            stripExtras = on;
            return this;
        }

        public Builder emitIndexUrl(boolean on) {
            emitIndexUrl = on;
            return this;
        }

        public Builder header(boolean on) {
            header = on;
            return this;
        }

        public Builder customCommand(String command) {
            customCommand = Optional.of(command);
            return this;
        }

        public Builder dryRun(boolean on) {
            dryRun = on;
            return this;
        }

        /**
         * The request. Without sources, {@code requirements.in} or else {@code pyproject.toml} in the
         * working directory is used, when present.
         *
         * @throws RelockException (bad input) when no source can be found or the output is ambiguous
         */
        public CompileRequest build() {
            List<Path> srcs = new ArrayList<>(sources);
            if (srcs.isEmpty()) {
                for (String name : List.of("requirements.in", "pyproject.toml")) {
                    if (java.nio.file.Files.isRegularFile(workingDirectory.resolve(name))) {
                        srcs.add(workingDirectory.resolve(name));
                        break;
                    }
                }
                if (srcs.isEmpty()) {
                    throw new RelockException(RelockException.Kind.BAD_INPUT,
                            "no source given and no requirements.in or pyproject.toml in " + workingDirectory
                                    + ": pass the .in file, e.g. 'relock compile requirements.in'");
                }
            }
            Path out = output.orElseGet(() -> defaultOutput(srcs));
            return new CompileRequest(workingDirectory, srcs, out, constraintFiles, extras, allExtras, target,
                    pythonVersionOption, index, generateHashes, allowUnsafe, upgradeAll, upgradePackages,
                    prereleases, excludeNewer, binaryOptions, annotationStyle, stripExtras, emitIndexUrl, header, customCommand,
                    dryRun);
        }

        private static Path defaultOutput(List<Path> srcs) {
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

        private Path resolve(Path p) {
            return workingDirectory.resolve(p).normalize();
        }
    }
}
