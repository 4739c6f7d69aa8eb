package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.common.ShellWords;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileReader;
import dev.relock.reqtxt.Trailer;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line in a lockfile's header, written and read through the {@link LockOption} table.
 * relock writes it normalized: only the options that shape the result, sorted, paths relative to
 * the working directory, no credentials; {@code --no-binary} / {@code --only-binary} keep their
 * command-line order (it matters, see {@link BinaryPolicy}) after the other options, and the
 * sources come last. It is read back from relock, pip-compile and {@code uv pip compile} headers,
 * together with what the file itself shows (hashes, annotation style, the unsafe trailer, the
 * options block), to recompile a lockfile exactly as it was made.
 */
final class RecordedCommand {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /**
     * Options of pip-compile and uv outside relock's table that take a value, so that the value is
     * not mistaken for a source.
     */
    private static final Set<String> FOREIGN_VALUE_OPTIONS = Set.of(
            "-o", "--output-file", "-P", "--upgrade-package", "--cache-dir", "--pip-args", "--max-rounds",
            "--resolver", "--python-executable", "--config", "--trusted-host", "--cert", "--client-cert",
            "--unsafe-package", "--override", "--build-constraint", "--no-emit-package", "--index-strategy",
            "--keyring-provider", "--resolution", "--color", "--python", "-p", "--link-mode", "--config-setting",
            "-C", "--build-deps-for", "--only-build-deps-for", "--group", "--concurrency",
            "--custom-compile-command");

    private RecordedCommand() {}

    /**
     * What a lockfile records.
     *
     * @param settings the options it was made with
     * @param sources the sources its header names (or the {@code .in} beside it); empty when neither
     * @param customCommand the header's command when another tool (or a script) wrote it: kept on
     *     recompiles so that the header does not churn
     */
    record Recorded(LockSettings settings, List<Path> sources, Optional<String> customCommand) {}

    /** relock's normalized command for a compile of {@code sources} into {@code output} with {@code settings}. */
    static String normalized(LockSettings settings, List<Path> sources, Path output, Path workingDirectory) {
        LockOption.PathContext paths = LockOption.PathContext.of(workingDirectory);
        List<String> options = new ArrayList<>();
        for (LockOption option : LockOption.values()) {
            if (option != LockOption.BINARY) {
                options.addAll(option.record(settings, paths));
            }
        }
        options.add("--output-file=" + paths.display(output));
        List<String> words = new ArrayList<>(List.of("relock", "compile"));
        // Sorted by option name; a repeated option keeps its values' order (the first index wins).
        options.stream().sorted(java.util.Comparator.comparing(RecordedCommand::optionName)).forEach(words::add);
        words.addAll(LockOption.BINARY.record(settings, paths));
        sources.forEach(s -> words.add(paths.display(s)));
        return String.join(" ", words.stream().map(RecordedCommand::quote).toList());
    }

    private static String optionName(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }

    private static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Reads what {@code lockfile} records; see the class comment. */
    static Recorded read(Path lockfile, Path workingDirectory) {
        Path file = workingDirectory.resolve(lockfile).toAbsolutePath().normalize();
        return read(LockfileReader.read(file), file, workingDirectory);
    }

    static Recorded read(Lockfile lf, Path file, Path workingDirectory) {
        Optional<String> command = commandOf(lf.header());
        List<String> commandWords = command.map(ShellWords::split).orElse(List.of());
        Tool tool = Tool.of(commandWords);
        // A custom command (a script, make) says nothing relock can read; the file itself still does.
        List<String> words = tool == Tool.UNKNOWN ? List.of() : commandWords;
        LockOption.PathContext paths = LockOption.PathContext.ofLockfile(file.getParent(), workingDirectory);
        LockSettings.Builder b = LockSettings.builder();
        boolean allowUnsafeFlag = false;
        boolean noAllowUnsafeFlag = false;
        List<Path> sources = new ArrayList<>();
        java.util.Set<LockOption> named = java.util.EnumSet.noneOf(LockOption.class);
        for (int i = tool.skip; i < words.size(); i++) {
            String word = words.get(i);
            String name = word;
            Optional<String> value = Optional.empty();
            if (word.startsWith("--") && word.contains("=")) {
                name = word.substring(0, word.indexOf('='));
                value = Optional.of(word.substring(word.indexOf('=') + 1));
            }
            Optional<LockOption> row = LockOption.byName(name);
            boolean takesValue = row.map(LockOption::takesValue).orElse(FOREIGN_VALUE_OPTIONS.contains(name));
            if (value.isEmpty() && takesValue && i + 1 < words.size()) {
                value = Optional.of(words.get(++i));
            }
            String v = value.orElse("");
            if (row.isPresent()) {
                if (row.get() == LockOption.ALLOW_UNSAFE) {
                    allowUnsafeFlag |= name.equals("--allow-unsafe");
                    noAllowUnsafeFlag |= name.equals("--no-allow-unsafe");
                }
                if (!row.get().takesValue() || value.isPresent()) {
                    row.get().apply(b, name, v, paths);
                    named.add(row.get());
                }
                continue;
            }
            switch (name) {
                case "--pre" -> b.prerelease(PrereleaseMode.ALLOW);
                case "--no-build" -> b.binaryOption(BinaryPolicy.Option.onlyBinary(":all:"));
                case "--pip-args" -> pipArgs(v).forEach(b::binaryOption);
                default -> {
                    if (!word.startsWith("-") && !word.isEmpty()) {
                        sources.add(paths.locate(word));
                    }
                }
            }
        }
        if (sources.isEmpty()) {
            defaultSource(file).ifPresent(sources::add);
        }
        b.generateHashes(lf.hasHashes() || b.generateHashes);
        b.allowUnsafe(allowUnsafe(lf, tool, allowUnsafeFlag, noAllowUnsafeFlag));
        if (!named.contains(LockOption.ANNOTATION_STYLE)) {
            b.annotationStyle(lf.annotationStyle());
        }
        b.header(!lf.header().isEmpty());
        if (tool != Tool.RELOCK && b.binaryOptions.isEmpty()) {
            // Another tool's options block states the final --no-binary / --only-binary state; relock's
            // own header records its command-line options, and the .in file supplies the rest.
            for (String line : lf.options().lines()) {
                for (BinaryPolicy.Kind kind : BinaryPolicy.Kind.values()) {
                    if (line.startsWith(kind.flag() + " ")) {
                        b.binaryOption(new BinaryPolicy.Option(kind, line.substring(kind.flag().length() + 1)));
                    }
                }
            }
        }
        if (b.index.isDefault()) {
            b.index(IndexSettings.of(lf.options()));
        }
        Optional<String> custom = tool != Tool.RELOCK ? command : Optional.empty();
        return new Recorded(b.build(), sources, custom);
    }

    /** The {@code --no-binary} / {@code --only-binary} options inside pip-compile's {@code --pip-args} value. */
    private static List<BinaryPolicy.Option> pipArgs(String value) {
        List<String> args = ShellWords.split(value);
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

    /** The {@code .in} (or pyproject.toml) beside a lockfile whose header names no source. */
    static Optional<Path> defaultSource(Path lockfile) {
        String name = lockfile.getFileName().toString();
        String stem = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        for (Path candidate : List.of(lockfile.resolveSibling(stem + ".in"), lockfile.resolveSibling("pyproject.toml"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
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
