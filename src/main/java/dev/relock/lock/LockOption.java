package dev.relock.lock;

import dev.relock.common.Excerpt;
import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.TargetPlatform;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The table of the options that shape a lockfile: the one place that knows each option's names,
 * help, how a value is applied to {@link LockSettings}, how it is written into the lockfile's
 * header command, and how {@code [tool.relock]} in pyproject.toml spells it. The CLI binds every
 * row it offers; {@link RecordedCommand} writes and reads headers through it; a test walks the
 * rows and round-trips each one, so a row without header support fails the build.
 *
 * <p>A flag row has a negation ({@code --generate-hashes} / {@code --no-generate-hashes}), so a
 * setting recorded in a lockfile can be turned off again on the command line. A list row given on
 * the command line replaces what the lockfile recorded; a value row replaces it too.
 */
public enum LockOption {
    PYTHON_VERSION(Group.TARGET, Kind.VALUE, "X.Y[.Z]",
            "Target Python version; X.Y means X.Y.0, the oldest release of that line."
                    + " Default: the lockfile's, else the nearest .python-version file.",
            names("--python-version"), false,
            (b, flag, v, paths) -> b.pythonVersion(checkedPythonVersion(v)),
            b -> b.pythonVersion = Optional.empty(),
            (s, paths) -> s.pythonVersion().map(v -> List.of("--python-version=" + v)).orElse(List.of()),
            b -> b.pythonVersion("3.10.4")),
    PYTHON_PLATFORM(Group.TARGET, Kind.LIST, "TARGET",
            "Target platform (repeatable: one version set that installs on every platform named), e.g."
                    + " x86_64-manylinux_2_36, linux, aarch64-apple-darwin, x86_64-pc-windows-msvc."
                    + " Default: [tool.relock] python-platform, else the lockfile's, else derived from the"
                    + " project's Dockerfiles, else x86_64-manylinux_2_28.",
            names("--python-platform"), true,
            (b, flag, v, paths) -> b.pythonPlatform(TargetPlatform.parse(v)),
            b -> b.pythonPlatforms.clear(),
            (s, paths) -> s.pythonPlatforms().stream().map(p -> "--python-platform=" + p.name()).toList(),
            b -> b.pythonPlatform(TargetPlatform.parse("aarch64-apple-darwin"))
                    .pythonPlatform(TargetPlatform.parse("x86_64-manylinux_2_36"))),
    INDEX_URL(Group.INDEX, Kind.VALUE, "URL",
            "Base URL of the package index (PEP 503/691). Default: the lockfile's, else https://pypi.org/simple/",
            names("-i", "--index-url"), true,
            (b, flag, v, paths) -> b.index(new IndexSettings(Optional.of(v), b.index.extraIndexUrls(),
                    b.index.findLinks(), b.index.noIndex())),
            b -> b.index(new IndexSettings(Optional.empty(), b.index.extraIndexUrls(), b.index.findLinks(),
                    b.index.noIndex())),
            (s, paths) -> s.index().indexUrl()
                    .map(u -> List.of("--index-url=" + IndexSettings.withoutCredentials(u))).orElse(List.of()),
            b -> b.index(new IndexSettings(Optional.of("https://pkgs.example/simple/"), List.of(), List.of(), false))),
    EXTRA_INDEX_URL(Group.INDEX, Kind.LIST, "URL",
            "Another index, consulted only for projects the earlier ones do not have (first index wins).",
            names("--extra-index-url"), true,
            (b, flag, v, paths) -> b.index(b.index.overlaidBy(
                    new IndexSettings(Optional.empty(), List.of(v), List.of(), false))),
            b -> b.index(new IndexSettings(b.index.indexUrl(), List.of(), b.index.findLinks(), b.index.noIndex())),
            (s, paths) -> s.index().extraIndexUrls().stream()
                    .map(u -> "--extra-index-url=" + IndexSettings.withoutCredentials(u)).toList(),
            b -> b.index(new IndexSettings(Optional.empty(), List.of("https://a.example/simple/",
                    "https://b.example/simple/"), List.of(), false))),
    FIND_LINKS(Group.INDEX, Kind.LIST, "DIR|URL",
            "A directory or HTML page of distribution files, merged with the indexes.",
            names("-f", "--find-links"), true,
            (b, flag, v, paths) -> b.index(b.index.overlaidBy(
                    new IndexSettings(Optional.empty(), List.of(), List.of(v), false))),
            b -> b.index(new IndexSettings(b.index.indexUrl(), b.index.extraIndexUrls(), List.of(),
                    b.index.noIndex())),
            (s, paths) -> s.index().findLinks().stream().map(f -> "--find-links=" + f).toList(),
            b -> b.index(new IndexSettings(Optional.empty(), List.of(), List.of("wheels", "more"), false))),
    NO_INDEX(Group.INDEX, Kind.FLAG, "",
            "Use no package index, only --find-links.",
            names("--no-index", "--index"), true,
            (b, flag, v, paths) -> b.index(new IndexSettings(b.index.indexUrl(), b.index.extraIndexUrls(),
                    b.index.findLinks(), flag.equals("--no-index"))),
            b -> { },
            (s, paths) -> s.index().noIndex() ? List.of("--no-index") : List.of(),
            b -> b.index(new IndexSettings(Optional.empty(), List.of(), List.of(), true))),
    CONSTRAINT(Group.SHAPE, Kind.LIST, "FILE",
            "Constrain versions with this file (repeatable).",
            names("-c", "--constraint"), true,
            (b, flag, v, paths) -> b.constraint(paths.locate(v)),
            b -> b.constraints.clear(),
            (s, paths) -> s.constraints().stream().map(c -> "--constraint=" + paths.display(c)).toList(),
            b -> b.constraint(Path.of("/project/constraints.txt"))),
    EXTRA(Group.SHAPE, Kind.LIST, "NAME",
            "Include this optional-dependencies group of pyproject.toml (repeatable).",
            names("--extra"), true,
            (b, flag, v, paths) -> b.extra(ExtraName.tryOf(v).orElseThrow(() -> new RelockException(
                    RelockException.Kind.BAD_INPUT, "bad --extra '" + v + "': not a valid extra name"))),
            b -> {
                // --extra on the command line replaces the recorded selection, --all-extras included
                b.extras.clear();
                b.allExtras(false);
            },
            (s, paths) -> s.extras().stream().map(e -> "--extra=" + e).toList(),
            b -> b.extra(ExtraName.of("test")).extra(ExtraName.of("docs"))),
    ALL_EXTRAS(Group.SHAPE, Kind.FLAG, "",
            "Include every optional-dependencies group of pyproject.toml.",
            names("--all-extras", "--no-all-extras"), true,
            (b, flag, v, paths) -> b.allExtras(positive(flag, "--all-extras")),
            b -> { },
            (s, paths) -> s.allExtras() ? List.of("--all-extras") : List.of(),
            b -> b.allExtras(true)),
    GENERATE_HASHES(Group.SHAPE, Kind.FLAG, "",
            "Add --hash=sha256: lines for every file of each pinned version.",
            names("--generate-hashes", "--no-generate-hashes"), true,
            (b, flag, v, paths) -> b.generateHashes(positive(flag, "--generate-hashes")),
            b -> { },
            (s, paths) -> s.generateHashes() ? List.of("--generate-hashes") : List.of(),
            b -> b.generateHashes(true)),
    ALLOW_UNSAFE(Group.SHAPE, Kind.FLAG, "",
            "Pin pip, setuptools and distribute (default). --no-allow-unsafe lists them as comments,"
                    + " as pip-compile does.",
            names("--allow-unsafe", "--no-allow-unsafe"), true,
            (b, flag, v, paths) -> b.allowUnsafe(positive(flag, "--allow-unsafe")),
            b -> { },
            (s, paths) -> s.allowUnsafe() ? List.of() : List.of("--no-allow-unsafe"),
            b -> b.allowUnsafe(false)),
    ANNOTATION_STYLE(Group.SHAPE, Kind.VALUE, "split|line",
            "How '# via' sources are written (default: split).",
            names("--annotation-style"), true,
            (b, flag, v, paths) -> b.annotationStyle(annotationStyle(v)),
            b -> b.annotationStyle(AnnotationStyle.SPLIT),
            (s, paths) -> s.annotationStyle() == AnnotationStyle.LINE ? List.of("--annotation-style=line") : List.of(),
            b -> b.annotationStyle(AnnotationStyle.LINE)),
    STRIP_EXTRAS(Group.SHAPE, Kind.FLAG, "",
            "Write pins without [extras].",
            names("--strip-extras", "--no-strip-extras"), true,
            (b, flag, v, paths) -> b.stripExtras(positive(flag, "--strip-extras")),
            b -> { },
            (s, paths) -> s.stripExtras() ? List.of("--strip-extras") : List.of(),
            b -> b.stripExtras(true)),
    EMIT_INDEX_URL(Group.SHAPE, Kind.FLAG, "",
            "Leave --index-url and --extra-index-url out of the lockfile (--emit-index-url puts them back).",
            names("--no-emit-index-url", "--emit-index-url"), true,
            (b, flag, v, paths) -> b.emitIndexUrl(positive(flag, "--emit-index-url")),
            b -> { },
            (s, paths) -> s.emitIndexUrl() ? List.of() : List.of("--no-emit-index-url"),
            b -> b.emitIndexUrl(false)),
    HEADER(Group.SHAPE, Kind.FLAG, "",
            "Write no header comment (--header puts it back).",
            names("--no-header", "--header"), true,
            (b, flag, v, paths) -> b.header(positive(flag, "--header")),
            b -> { },
            // A lockfile without a header records nothing; the reader sees the header is missing.
            (s, paths) -> List.of(),
            b -> b.header(false)),
    PRERELEASE(Group.SHAPE, Kind.VALUE, "MODE",
            "disallow, allow, if-necessary, explicit or if-necessary-or-explicit (default).",
            names("--prerelease"), true,
            (b, flag, v, paths) -> b.prerelease(parseMode(v)),
            b -> b.prerelease = Optional.empty(),
            (s, paths) -> s.prerelease().map(m -> List.of("--prerelease=" + modeName(m))).orElse(List.of()),
            b -> b.prerelease(PrereleaseMode.ALLOW)),
    EXCLUDE_NEWER(Group.CUTOFF, Kind.VALUE, "TIMESTAMP|DURATION",
            "Ignore files uploaded after this RFC 3339 timestamp or date (YYYY-MM-DD, midnight UTC), or"
                    + " uploaded less than this long ago: a cooldown of days, hours or weeks (7d, 24h, 2w,"
                    + " '7 days', P7D), evaluated at each compile, update and verify --strict.",
            names("--exclude-newer"), true,
            (b, flag, v, paths) -> b.excludeNewer(ExcludeNewer.parse(v)),
            b -> b.excludeNewer = Optional.empty(),
            (s, paths) -> s.excludeNewer().map(e -> List.of("--exclude-newer=" + e.recorded())).orElse(List.of()),
            b -> b.excludeNewer(ExcludeNewer.parse("7 days"))),
    BINARY(Group.SHAPE, Kind.LIST, "NAMES",
            "Do not use wheels (--no-binary) or sdists (--only-binary) of these packages: comma-separated names,"
                    + " :all: or :none:; repeatable, the later wins, as in pip. relock does not build, so sdists"
                    + " must declare static metadata.",
            names("--no-binary", "--only-binary"), true,
            (b, flag, v, paths) -> {
                BinaryPolicy.Option option = flag.equals(BinaryPolicy.Kind.NO_BINARY.flag())
                        ? BinaryPolicy.Option.noBinary(v) : BinaryPolicy.Option.onlyBinary(v);
                BinaryPolicy.of(List.of(option)); // a bad value is bad input now, before any request
                b.binaryOption(option);
            },
            b -> b.binaryOptions.clear(),
            (s, paths) -> s.binaryOptions().stream().map(BinaryPolicy.Option::toString).toList(),
            b -> b.binaryOption(BinaryPolicy.Option.onlyBinary(":all:"))
                    .binaryOption(BinaryPolicy.Option.noBinary("psycopg2")));

    /**
     * Which commands offer a row: every command the target and index rows, update also the
     * cut-off row, compile all of them.
     */
    public enum Group {
        /** The Python and platform a lock is for. */
        TARGET,
        /** Where packages come from. */
        INDEX,
        /** How the lockfile is resolved and written. */
        SHAPE,
        /** How old a release must be ({@code --exclude-newer}): compile and update offer it. */
        CUTOFF
    }

    /** How a row takes values. */
    public enum Kind {
        /** No value; the first name sets it, the second (its negation) unsets it. */
        FLAG,
        /** One value; a later one replaces an earlier one. */
        VALUE,
        /** Repeatable; given on the command line, the values replace the recorded ones. */
        LIST
    }

    /**
     * One occurrence of a row's option.
     *
     * @param option the row
     * @param flag the name used, e.g. {@code --no-generate-hashes}
     * @param value the value; empty for flags
     */
    public record Given(LockOption option, String flag, String value) {}

    /** Where relative paths of a command line or header are read from and written against. */
    public interface PathContext {
        /** The file a path in a command line or header names. */
        Path locate(String path);

        /** How a path is written in a header command. */
        String display(Path path);

        /**
         * {@code path} as a path, or bad input naming it when the file system cannot (a NUL byte).
         */
        static Path validPath(String path) {
            try {
                return Path.of(path);
            } catch (InvalidPathException e) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, "not a valid path: '"
                        + Excerpt.of(path) + "' (" + e.getReason() + ")");
            }
        }

        /** Paths relative to {@code workingDirectory}. */
        static PathContext of(Path workingDirectory) {
            Path wd = workingDirectory.toAbsolutePath().normalize();
            return new PathContext() {
                @Override
                public Path locate(String path) {
                    return wd.resolve(validPath(path)).normalize();
                }

                @Override
                public String display(Path path) {
                    return Paths.display(wd, path);
                }
            };
        }

        /**
         * Paths of a lockfile's header: relative to the lockfile's directory if the file exists
         * there, else to the working directory.
         */
        static PathContext ofLockfile(Path lockDirectory, Path workingDirectory) {
            PathContext base = of(workingDirectory);
            return new PathContext() {
                @Override
                public Path locate(String path) {
                    Path beside = lockDirectory.resolve(validPath(path)).normalize();
                    return Files.exists(beside) ? beside : base.locate(path);
                }

                @Override
                public String display(Path path) {
                    return base.display(path);
                }
            };
        }
    }

    @FunctionalInterface
    interface Applier {
        void apply(LockSettings.Builder b, String flag, String value, PathContext paths);
    }

    @FunctionalInterface
    interface Recorder {
        List<String> words(LockSettings settings, PathContext paths);
    }

    private final Group group;
    private final Kind kind;
    private final String paramLabel;
    private final String description;
    private final List<String> names;
    private final boolean inPyproject;
    private final Applier applier;
    private final Consumer<LockSettings.Builder> reset;
    private final Recorder recorder;
    private final Consumer<LockSettings.Builder> example;

    LockOption(Group group, Kind kind, String paramLabel, String description, List<String> names,
            boolean inPyproject, Applier applier, Consumer<LockSettings.Builder> reset, Recorder recorder,
            Consumer<LockSettings.Builder> example) {
        this.group = group;
        this.kind = kind;
        this.paramLabel = paramLabel;
        this.description = description;
        this.names = names;
        this.inPyproject = inPyproject;
        this.applier = applier;
        this.reset = reset;
        this.recorder = recorder;
        this.example = example;
    }

    public Group group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    public String paramLabel() {
        return paramLabel;
    }

    public String description() {
        return description;
    }

    /**
     * The option's names. For a flag the first sets it and the last is its negation; for
     * {@link #BINARY} the two names are its two options.
     */
    public List<String> names() {
        return names;
    }

    /** The names that take a value of their own (all of a value or list row's names). */
    public boolean takesValue() {
        return kind != Kind.FLAG;
    }

    /**
     * The keys of this row in {@code [tool.relock]} of pyproject.toml, each with the name it
     * stands for: a flag's first name without its dashes (a boolean: true applies that name,
     * false its negation); a value or list row's longest name (a string or an array of strings);
     * {@link #BINARY}'s two names, {@code no-binary} applied before {@code only-binary}. Empty for
     * rows that pyproject.toml does not set ({@code --python-version}: {@code .python-version} does).
     */
    public List<String> tomlKeys() {
        if (!inPyproject) {
            return List.of();
        }
        if (this == BINARY) {
            return names.stream().map(n -> n.substring(2)).toList();
        }
        if (kind == Kind.FLAG) {
            return List.of(names.get(0).substring(2));
        }
        String longest = names.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        return List.of(longest.substring(2));
    }

    /** Applies one occurrence to {@code b}. */
    public void apply(LockSettings.Builder b, String flag, String value, PathContext paths) {
        applier.apply(b, flag, value, paths);
    }

    /** The words this row adds to a header command for {@code settings}; none at the default. */
    public List<String> record(LockSettings settings, PathContext paths) {
        return recorder.words(settings, paths);
    }

    /** Sets a value different from the default: for the table's round-trip test. */
    public void example(LockSettings.Builder b) {
        example.accept(b);
    }

    /** The row one of whose names is {@code flag}. */
    public static Optional<LockOption> byName(String flag) {
        for (LockOption o : values()) {
            if (o.names.contains(flag)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The rows of these groups. */
    public static List<LockOption> of(Group... groups) {
        List<Group> wanted = Arrays.asList(groups);
        List<LockOption> out = new ArrayList<>();
        for (LockOption o : values()) {
            if (wanted.contains(o.group)) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * {@code base} with {@code given} laid over it: a row given at all replaces the base's value
     * (a list row's values replace the base's list), in the order given.
     */
    public static LockSettings overlay(LockSettings base, List<Given> given, PathContext paths) {
        LockSettings.Builder b = base.toBuilder();
        List<LockOption> reset = new ArrayList<>();
        for (Given g : given) {
            if (g.option().kind == Kind.LIST && !reset.contains(g.option())) {
                g.option().reset.accept(b);
                reset.add(g.option());
            }
            g.option().apply(b, g.flag(), g.value(), paths);
        }
        return b.build();
    }

    private static List<String> names(String... names) {
        return List.of(names);
    }

    private static boolean positive(String flag, String positiveName) {
        return flag.equals(positiveName);
    }

    private static String checkedPythonVersion(String text) {
        dev.relock.tags.PythonVersion.parse(text.strip());
        return text.strip();
    }

    private static AnnotationStyle annotationStyle(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (AnnotationStyle s : AnnotationStyle.values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new RelockException(RelockException.Kind.BAD_INPUT,
                "bad --annotation-style value '" + text + "': expected split or line");
    }

    static String modeName(PrereleaseMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a {@code --prerelease} value such as {@code if-necessary-or-explicit}. */
    public static PrereleaseMode parseMode(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PrereleaseMode m : PrereleaseMode.values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --prerelease value '" + text
                + "': expected disallow, allow, if-necessary, explicit or if-necessary-or-explicit");
    }

}
