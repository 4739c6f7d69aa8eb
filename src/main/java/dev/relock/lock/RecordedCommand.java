package dev.relock.lock;

import dev.relock.common.ShellWords;

import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileReader;
import dev.relock.reqtxt.Trailer;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line in a lockfile's header: written by relock in a normalized form (only the options
 * that shape the result, sorted, paths relative to the working directory, no credentials), and read
 * back from relock, pip-compile and {@code uv pip compile} headers to recompile a lockfile with the
 * options it was made with. {@code --no-binary} / {@code --only-binary} keep their command-line
 * order (it matters, see {@link BinaryPolicy}) after the other, sorted options; they are read back
 * from relock and uv commands, from uv's {@code --no-build} ({@code --only-binary :all:}) and from
 * pip-compile's {@code --pip-args}.
 */
final class RecordedCommand {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** Options of pip-compile and uv that take a value, so that the value is not mistaken for a source. */
    private static final Set<String> VALUE_OPTIONS = Set.of(
            "-o", "--output-file", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-c",
            "--constraint", "--extra", "--annotation-style", "--prerelease", "--exclude-newer", "--python-version",
            "--python-platform", "-P", "--upgrade-package", "--cache-dir", "--pip-args", "--max-rounds", "--resolver",
            "--python-executable", "--config", "--trusted-host", "--no-binary", "--only-binary", "--cert",
            "--client-cert", "--unsafe-package", "--override", "--build-constraint", "--no-emit-package",
            "--index-strategy", "--keyring-provider", "--resolution", "--color", "--python", "-p", "--link-mode",
            "--config-setting", "-C", "--build-deps-for", "--only-build-deps-for", "--group", "--concurrency",
            "--custom-compile-command");

    private RecordedCommand() {}

    /** relock's normalized command for {@code request}. */
    static String normalized(CompileRequest r) {
        List<String> options = new ArrayList<>();
        Path wd = r.workingDirectory();
        if (r.allExtras()) {
            options.add("--all-extras");
        }
        if (r.annotationStyle() == AnnotationStyle.LINE) {
            options.add("--annotation-style=line");
        }
        r.constraintFiles().forEach(c -> options.add("--constraint=" + Paths.display(wd, c)));
        r.excludeNewer().ifPresent(t -> options.add("--exclude-newer=" + t));
        r.extras().forEach(e -> options.add("--extra=" + e));
        r.index().extraIndexUrls().forEach(u -> options.add("--extra-index-url=" + IndexSettings.withoutCredentials(u)));
        r.index().findLinks().forEach(f -> options.add("--find-links=" + f));
        if (r.generateHashes()) {
            options.add("--generate-hashes");
        }
        r.index().indexUrl().ifPresent(u -> options.add("--index-url=" + IndexSettings.withoutCredentials(u)));
        if (!r.allowUnsafe()) {
            options.add("--no-allow-unsafe");
        }
        if (!r.emitIndexUrl()) {
            options.add("--no-emit-index-url");
        }
        if (r.index().noIndex()) {
            options.add("--no-index");
        }
        options.add("--output-file=" + Paths.display(wd, r.output()));
        r.prereleases().ifPresent(m -> options.add("--prerelease=" + modeName(m)));
        if (!r.target().platform().equals(TargetPlatform.DEFAULT)) {
            options.add("--python-platform=" + r.target().platform().name());
        }
        r.pythonVersionOption().ifPresent(v -> options.add("--python-version=" + v));
        if (r.stripExtras()) {
            options.add("--strip-extras");
        }
        List<String> words = new ArrayList<>(List.of("relock", "compile"));
        options.stream().sorted().forEach(words::add);
        r.binaryOptions().forEach(o -> words.add(o.toString()));
        r.sources().forEach(s -> words.add(Paths.display(wd, s)));
        return String.join(" ", words.stream().map(RecordedCommand::quote).toList());
    }

    static String modeName(PrereleaseMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PrereleaseMode parseMode(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PrereleaseMode m : PrereleaseMode.values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --prerelease value '" + text
                + "': expected disallow, allow, if-necessary, explicit or if-necessary-or-explicit");
    }

    private static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Rebuilds the request behind {@code lockfile}; see {@link CompileRequest#fromLockfileHeader}. */
    static CompileRequest rebuild(Path lockfile, Target target, Path workingDirectory) {
        Path file = workingDirectory.resolve(lockfile).toAbsolutePath().normalize();
        Lockfile lf = LockfileReader.read(file);
        Optional<String> command = commandOf(lf.header());
        List<String> commandWords = command.map(RecordedCommand::split).orElse(List.of());
        Tool tool = Tool.of(commandWords);
        // A custom command (a script, make) says nothing relock can read; the file itself still does.
        List<String> words = tool == Tool.UNKNOWN ? List.of() : commandWords;
        CompileRequest.Builder b = CompileRequest.builder(workingDirectory, target).output(file);
        Path lockDir = file.getParent();

        boolean hashes = lf.hasHashes();
        boolean allowUnsafeFlag = false;
        boolean noAllowUnsafeFlag = false;
        Optional<String> indexUrl = Optional.empty();
        List<String> extraIndexUrls = new ArrayList<>();
        List<String> findLinks = new ArrayList<>();
        boolean noIndex = false;
        List<Path> sources = new ArrayList<>();
        for (int i = tool.skip; i < words.size(); i++) {
            String word = words.get(i);
            String name = word;
            Optional<String> value = Optional.empty();
            if (word.startsWith("--") && word.contains("=")) {
                name = word.substring(0, word.indexOf('='));
                value = Optional.of(word.substring(word.indexOf('=') + 1));
            } else if (VALUE_OPTIONS.contains(word) && i + 1 < words.size()) {
                value = Optional.of(words.get(++i));
            }
            String v = value.orElse("");
            switch (name) {
                case "--generate-hashes" -> hashes = true;
                case "--allow-unsafe" -> allowUnsafeFlag = true;
                case "--no-allow-unsafe" -> noAllowUnsafeFlag = true;
                case "-i", "--index-url" -> indexUrl = value;
                case "--extra-index-url" -> extraIndexUrls.add(v);
                case "-f", "--find-links" -> findLinks.add(v);
                case "--no-index" -> noIndex = true;
                case "-c", "--constraint" -> b.constraint(locate(v, lockDir, workingDirectory));
                case "--extra" -> ExtraName.tryOf(v).ifPresent(b::extra);
                case "--all-extras" -> b.allExtras(true);
                case "--strip-extras" -> b.stripExtras(true);
                case "--no-emit-index-url" -> b.emitIndexUrl(false);
                case "--pre" -> b.prereleases(PrereleaseMode.ALLOW);
                case "--prerelease" -> b.prereleases(parseMode(v));
                case "--exclude-newer" -> b.excludeNewer(CompileRequest.parseTimestamp(v));
                case "--python-version" -> b.pythonVersionOption(value);
                case "--no-binary" -> b.binaryOption(BinaryPolicy.Option.noBinary(v));
                case "--only-binary" -> b.binaryOption(BinaryPolicy.Option.onlyBinary(v));
                case "--no-build" -> b.binaryOption(BinaryPolicy.Option.onlyBinary(":all:"));
                case "--pip-args" -> pipArgs(v).forEach(b::binaryOption);
                default -> {
                    if (!word.startsWith("-") && !word.isEmpty()) {
                        sources.add(locate(word, lockDir, workingDirectory));
                    }
                }
            }
        }
        if (sources.isEmpty()) {
            sources.add(defaultSource(file));
        }
        sources.forEach(b::source);
        b.generateHashes(hashes);
        b.allowUnsafe(allowUnsafe(lf, tool, allowUnsafeFlag, noAllowUnsafeFlag));
        b.annotationStyle(lf.annotationStyle());
        b.header(!lf.header().isEmpty());
        IndexSettings fromCommand = new IndexSettings(indexUrl, extraIndexUrls, findLinks, noIndex);
        if (fromCommand.isDefault()) {
            fromCommand = new IndexSettings(lf.options().indexUrl(), lf.options().extraIndexUrls(),
                    lf.options().findLinks(), false);
        }
        b.index(fromCommand);
        if (tool != Tool.RELOCK && command.isPresent()) {
            // Keeps the team's own command (pip-compile, uv, a script) in the header: no churn.
            b.customCommand(command.get());
        }
        return b.build();
    }

    /** The {@code --no-binary} / {@code --only-binary} options inside pip-compile's {@code --pip-args} value. */
    private static List<BinaryPolicy.Option> pipArgs(String value) {
        List<String> args = split(value);
        List<BinaryPolicy.Option> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            for (BinaryPolicy.Kind kind : BinaryPolicy.Kind.values()) {
                if (arg.startsWith(kind.flag() + "=")) {
                    out.add(new BinaryPolicy.Option(kind, arg.substring(kind.flag().length() + 1)));
                } else if (arg.equals(kind.flag()) && i + 1 < args.size()) {
                    out.add(new BinaryPolicy.Option(kind, args.get(++i)));
                }
            }
        }
        return out;
    }

    private static boolean allowUnsafe(Lockfile lf, Tool tool, boolean allowFlag, boolean noAllowFlag) {
        Optional<Trailer> trailer = lf.trailer();
        if (trailer.isPresent() && !trailer.get().heading().equals(List.of(Trailer.UV_EXCLUDED_HEADING))) {
            // pip-compile's unsafe block says it all: pinned with --allow-unsafe, commented without.
            return !trailer.get().pins().isEmpty();
        }
        return switch (tool) {
            case RELOCK -> !noAllowFlag;
            case PIP_COMPILE -> allowFlag;
            case UV, UNKNOWN -> true;
        };
    }

    private static Path defaultSource(Path lockfile) {
        String name = lockfile.getFileName().toString();
        String stem = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        for (Path candidate : List.of(lockfile.resolveSibling(stem + ".in"), lockfile.resolveSibling("pyproject.toml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new RelockException(RelockException.Kind.BAD_INPUT, lockfile + ": cannot tell which sources it was"
                + " compiled from: its header names none and there is no " + stem + ".in beside it");
    }

    /** A recorded path: relative to the lockfile's directory if it exists there, else to the working directory. */
    private static Path locate(String path, Path lockDir, Path workingDirectory) {
        Path besideLockfile = lockDir.resolve(path).normalize();
        if (Files.exists(besideLockfile)) {
            return besideLockfile;
        }
        return workingDirectory.resolve(path).normalize();
    }

    /** The command line recorded in a pip-compile, relock or uv header. */
    static Optional<String> commandOf(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i);
            if (line.contains("by the following command:") || line.contains("via the following command:")) {
                for (int j = i + 1; j < header.size(); j++) {
                    String text = header.get(j).substring(1).strip();
                    if (!text.isEmpty()) {
                        return Optional.of(text);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Splits a command line into words, honouring POSIX shell quotes and backslashes. */
    static List<String> split(String line) {
        return ShellWords.split(line);
    }

    /** The tool a recorded command runs, and how many words name it. */
    private enum Tool {
        RELOCK(2), PIP_COMPILE(1), UV(3), UNKNOWN(0);

        final int skip;

        Tool(int skip) {
            this.skip = skip;
        }

        static Tool of(List<String> words) {
            if (words.size() >= 2 && words.get(0).endsWith("relock") && words.get(1).equals("compile")) {
                return RELOCK;
            }
            if (!words.isEmpty() && words.get(0).endsWith("pip-compile")) {
                return PIP_COMPILE;
            }
            if (words.size() >= 3 && words.get(0).endsWith("uv") && words.get(1).equals("pip")
                    && words.get(2).equals("compile")) {
                return UV;
            }
            return UNKNOWN;
        }
    }

    /** Parses {@code -P/--upgrade-package} values: {@code NAME} or {@code NAME<SPEC>}. */
    static Requirement upgradePackage(String text) {
        try {
            Requirement r = Requirement.parse(text.strip());
            if (r.url().isPresent() || !r.marker().isTrue() || !r.extras().isEmpty()) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --upgrade-package '" + text
                        + "': expected NAME or NAME followed by version specifiers, like 'django<5'");
            }
            return r;
        } catch (RelockException e) {
            if (e.getMessage().startsWith("bad --upgrade-package")) {
                throw e;
            }
            throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --upgrade-package '" + text + "': "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
