package dev.relock.cli;

import dev.relock.common.ShellWords;
import dev.relock.workspace.PythonVersionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates the GitHub Action's inputs ({@code INPUT_*} variables, as the runner passes them to
 * a container action) into an ordinary relock command line. An empty input means the command's
 * default, exactly as if the option were not given.
 */
public final class ActionInputs {
    /** The variable through which the {@code token} input reaches the container. */
    public static final String TOKEN_VARIABLE = "INPUT_TOKEN";

    /** Every input action.yml declares; each is read here. */
    public static final java.util.Set<String> INPUTS = java.util.Set.of(
            "command", "lockfiles", "python-version-file", "token", "base", "branch", "labels", "reviewers",
            "draft", "index-url", "extra-index-url", "audit", "cooldown", "security-only", "args");

    /** Every output a command may set through {@code GITHUB_OUTPUT}. */
    public static final java.util.Set<String> OUTPUTS = java.util.Set.of(
            "pull-request-number", "pull-request-url", "operation", "changed-packages", "findings");

    private ActionInputs() {}

    /** The relock arguments the inputs in {@code ctx} ask for. */
    public static List<String> arguments(RunContext ctx) {
        String command = input(ctx, "command").orElse("verify").toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        args.add(command);
        List<String> lockfiles = list(ctx, "lockfiles");
        Optional<String> pythonVersionFile = input(ctx, "python-version-file");
        switch (command) {
            case "verify" -> {
                pythonVersionFile.ifPresent(f -> add(args, "--python-version-file", f));
                indexOptions(ctx, args);
                if (flag(ctx, "audit")) {
                    args.add("--audit");
                }
                args.addAll(lockfiles);
            }
            case "compile" -> {
                pythonVersion(ctx, pythonVersionFile).ifPresent(v -> add(args, "--python-version", v));
                indexOptions(ctx, args);
                cooldown(ctx, args);
                args.addAll(lockfiles);
            }
            case "update" -> {
                pythonVersion(ctx, pythonVersionFile).ifPresent(v -> add(args, "--python-version", v));
                indexOptions(ctx, args);
                cooldown(ctx, args);
                lockfiles.forEach(l -> add(args, "--lockfile", l));
                input(ctx, "base").ifPresent(v -> add(args, "--base", v));
                input(ctx, "branch").ifPresent(v -> add(args, "--branch", v));
                list(ctx, "labels").forEach(l -> add(args, "--label", l));
                for (String reviewer : list(ctx, "reviewers")) {
                    // "org/team" names a team, as in CODEOWNERS; anything else is a user.
                    int slash = reviewer.indexOf('/');
                    if (slash >= 0) {
                        add(args, "--team-reviewer", reviewer.substring(slash + 1));
                    } else {
                        add(args, "--reviewer", reviewer.startsWith("@") ? reviewer.substring(1) : reviewer);
                    }
                }
                if (flag(ctx, "draft")) {
                    args.add("--draft");
                }
                if (flag(ctx, "security-only")) {
                    args.add("--security-only");
                } else if (flag(ctx, "audit")) {
                    args.add("--audit");
                }
                if (input(ctx, "token").isPresent()) {
                    add(args, "--token-env", TOKEN_VARIABLE);
                }
            }
            default -> throw new ActionInputException("input 'command' must be update, verify or compile, not '"
                    + command + "'");
        }
        input(ctx, "args").ifPresent(extra -> args.addAll(split(extra)));
        return List.copyOf(args);
    }

    private static void indexOptions(RunContext ctx, List<String> args) {
        input(ctx, "index-url").ifPresent(v -> add(args, "--index-url", v));
        list(ctx, "extra-index-url").forEach(v -> add(args, "--extra-index-url", v));
    }

    /**
     * {@code cooldown} is {@code --exclude-newer} for compile and update (recorded in the lock's
     * header); verify takes no such option: it applies what each lock records.
     */
    private static void cooldown(RunContext ctx, List<String> args) {
        input(ctx, "cooldown").ifPresent(v -> add(args, "--exclude-newer", v));
    }

    private static Optional<String> pythonVersion(RunContext ctx, Optional<String> file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = ctx.resolve(file.get());
        if (!Files.isRegularFile(path)) {
            throw new ActionInputException("input 'python-version-file': " + file.get() + " does not exist");
        }
        return Optional.of(PythonVersionFile.read(path).version().toString());
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    /** A true/false input: true only when it says {@code true} (any case). */
    static boolean flag(RunContext ctx, String name) {
        return input(ctx, name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /** An input's value; unset and blank are the same. */
    static Optional<String> input(RunContext ctx, String name) {
        // The runner upper-cases the name and keeps dashes: INPUT_PYTHON-VERSION-FILE.
        return ctx.var("INPUT_" + name.toUpperCase(Locale.ROOT)).map(String::strip);
    }

    /** A list input: items separated by newlines, commas or spaces. */
    static List<String> list(RunContext ctx, String name) {
        return input(ctx, name).map(v -> List.of(v.split("[\\s,]+"))).orElse(List.of()).stream()
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Splits the {@code args} input as a shell would (quotes and backslashes, no expansion). */
    static List<String> split(String text) {
        try {
            return ShellWords.splitStrict(text);
        } catch (IllegalArgumentException e) {
            throw new ActionInputException("input 'args' has an " + e.getMessage());
        }
    }

    /** A malformed action input. */
    public static final class ActionInputException extends dev.relock.common.RelockException {
        private static final long serialVersionUID = 1L;

        ActionInputException(String message) {
            super(Kind.BAD_INPUT, message);
        }
    }
}
