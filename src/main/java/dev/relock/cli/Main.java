package dev.relock.cli;

import dev.relock.common.Excerpt;
import dev.relock.common.RelockException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point. All wiring of the command line happens here, once. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        runProcess((out, err) -> run(args, out, err));
    }

    /**
     * Runs {@code body} on the process's standard output and error (UTF-8), flushes them and
     * exits with the status it returns: the one place an entry point ends the JVM.
     */
    static void runProcess(ToIntBiFunction<PrintWriter, PrintWriter> body) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = body.applyAsInt(out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs relock in this process's environment; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, RunContext.ofProcess(out, err));
    }

    /** Runs relock in the given context and returns the exit status; never calls System.exit. */
    public static int run(String[] args, RunContext context) {
        if (asksForVersionOnly(args)) {
            // The answer needs no command model, so none is built.
            for (String line : new VersionProvider().getVersion()) {
                context.out().println(line);
            }
            context.out().flush();
            return ExitCodes.OK;
        }
        WarmUp.startFor(args);
        return commandLine(context, args).execute(args);
    }

    /** {@code relock --version} (or {@code -V}) and nothing else: the root command's standard version option. */
    static boolean asksForVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /**
     * The subcommands, by name: each makes its command's picocli model for a root. Registration
     * order is the order {@code relock --help} lists them in.
     */
    static final Map<String, Function<RelockCommand, Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Function<RelockCommand, Object>> subcommands() {
        Map<String, Function<RelockCommand, Object>> commands = new LinkedHashMap<>();
        commands.put("compile", root -> new CompileCommand(root).spec());
        commands.put("verify", root -> new VerifyCommand(root).spec());
        commands.put("update", root -> new UpdateCommand(root).spec());
        commands.put("wheelhouse", root -> new WheelhouseCommand(root).spec());
        commands.put("action", root -> new ActionCommand(root).spec());
        // `relock help COMMAND`, as git and pip have it; it needs every command to describe them.
        commands.put("help", root -> new CommandLine.HelpCommand());
        return Collections.unmodifiableMap(commands);
    }

    /** Builds the whole command tree with its context and error handling. */
    public static CommandLine commandLine(RunContext context) {
        return build(context, SUBCOMMANDS.keySet());
    }

    /**
     * Builds the command tree {@code args} need: only the named subcommand when the first
     * argument that is not a global option names one, else all of them, so help and "did you
     * mean" suggestions see every command.
     */
    public static CommandLine commandLine(RunContext context, String[] args) {
        return build(context, commandName(args).filter(name -> SUBCOMMANDS.containsKey(name) && !name.equals("help"))
                .<Collection<String>>map(List::of).orElse(SUBCOMMANDS.keySet()));
    }

    /** The first argument that is not an option: the subcommand's name, when {@code args} name one. */
    static Optional<String> commandName(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static CommandLine build(RunContext context, Collection<String> subcommands) {
        RelockCommand root = new RelockCommand(context);
        CommandLine cli = new CommandLine(root.spec());
        for (String name : subcommands) {
            cli.addSubcommand(name, SUBCOMMANDS.get(name).apply(root));
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof LockOptionBinding.Bound bound) {
                LockOptionBinding.bind(sub.getCommandSpec(), bound);
            }
        }
        HelpText.install(cli);
        cli.registerConverter(Path.class, Main::path);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new BadArguments());
        cli.setExecutionExceptionHandler(new Failures());
        return cli;
    }

    /** A path argument; one the file system cannot name (a NUL byte) is a usage error quoting an excerpt. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a valid path: '" + Excerpt.of(value) + "' ("
                    + e.getReason() + ")");
        }
    }

    /** Usage errors: one line, a hint, exit 2. */
    private static final class BadArguments implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            if (cmd.getCommand() instanceof VerifyCommand && VerifyCommand.asksForJson(args)) {
                VerifyCommand.printJsonError(cmd.getOut(), Path.of("").toAbsolutePath(),
                        new RelockException(RelockException.Kind.BAD_INPUT, oneLine(ex.getMessage())), List.of(), List.of());
            }
            err.println("relock: error: " + oneLine(ex.getMessage()));
            if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(", ", unmatched.getSuggestions()) + "?");
            }
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Failures while running a command: user-facing ones are one line; bugs say so. */
    private static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            boolean verbose = parsed.hasMatchedOption("--verbose")
                    || rootParse(parsed).hasMatchedOption("--verbose");
            if (ex instanceof RelockException re) {
                // Crafted for the user: the first line is the cause; any further lines explain it.
                err.println("relock: error: " + String.valueOf(re.getMessage()).strip());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return ExitCodes.of(re.kind());
            }
            if (ex instanceof InvalidPathException invalid) {
                // A path from input the file system cannot name (a NUL byte, say): bad input.
                err.println("relock: error: not a valid path: '" + Excerpt.of(invalid.getInput()) + "' ("
                        + oneLine(invalid.getReason()) + ")");
                return ExitCodes.BAD_INPUT;
            }
            err.println("relock: internal error: " + oneLine(String.valueOf(ex)));
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("This is a bug in relock. Rerun with --verbose for details and report it.");
            }
            return ExitCodes.INTERNAL;
        }

        private static ParseResult rootParse(ParseResult parsed) {
            ParseResult p = parsed;
            while (p.commandSpec().parent() != null && p.commandSpec().parent().commandLine().getParseResult() != null) {
                p = p.commandSpec().parent().commandLine().getParseResult();
            }
            return p;
        }
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first;
    }
}
