package dev.relock.cli;

import dev.relock.common.RelockException;
import dev.relock.index.IndexLog;
import dev.relock.lock.CompileRequest;
import dev.relock.lock.CompileResult;
import dev.relock.lock.Compiler;
import dev.relock.lock.IndexSettings;
import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.ResolverListener;
import dev.relock.workspace.TargetSelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code relock compile}: requirements in, pinned and hashed lockfile out (pip-compile compatible). */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Resolve SRC (requirements .in files or pyproject.toml) for the target Python and write a"
                    + " pip-compile compatible lockfile.",
            "Pins of an existing output are kept unless --upgrade or --upgrade-package frees them."
        },
        footerHeading = "%nExit status:%n",
        footer = {"  0  success    2  bad input    3  unresolvable (the explanation is printed)",
            "  4  index or network failure"})
public final class CompileCommand implements Callable<Integer> {
    @ParentCommand RelockCommand root;

    @Mixin IndexOptions index;

    @Mixin TargetOptions target;

    @Parameters(paramLabel = "SRC", arity = "0..*",
            description = "requirements .in files or pyproject.toml. Default: requirements.in, else pyproject.toml.")
    List<Path> sources = new ArrayList<>();

    @Option(names = {"-o", "--output-file"}, paramLabel = "OUT",
            description = "The lockfile. Default: SRC with .txt, or requirements.txt beside pyproject.toml.")
    Path output;

    @Option(names = "--generate-hashes", description = "Add --hash=sha256: lines for every file of each pinned version.")
    boolean generateHashes;

    @Option(names = "--allow-unsafe", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pin pip, setuptools and distribute (default). --no-allow-unsafe lists them as comments,"
                    + " as pip-compile does.")
    boolean allowUnsafe;

    @Option(names = {"-U", "--upgrade"}, description = "Ignore the existing lockfile's pins; pick the newest versions.")
    boolean upgrade;

    @Option(names = {"-P", "--upgrade-package"}, paramLabel = "NAME[SPEC]",
            description = "Free only this package's pin (repeatable); a specifier also constrains it.")
    List<String> upgradePackages = new ArrayList<>();

    @Option(names = {"-c", "--constraint"}, paramLabel = "FILE", description = "Constrain versions with this file (repeatable).")
    List<Path> constraints = new ArrayList<>();

    @Option(names = "--prerelease", paramLabel = "MODE",
            description = "disallow, allow, if-necessary, explicit or if-necessary-or-explicit (default).")
    String prerelease;

    @Option(names = "--exclude-newer", paramLabel = "TIMESTAMP",
            description = "Ignore files uploaded after this RFC 3339 timestamp or date (YYYY-MM-DD, midnight UTC).")
    String excludeNewer;

    @Option(names = "--no-header", description = "Write no header comment.")
    boolean noHeader;

    @Option(names = "--annotation-style", paramLabel = "split|line", defaultValue = "split",
            description = "How '# via' sources are written (default: ${DEFAULT-VALUE}).")
    AnnotationStyle annotationStyle;

    @Option(names = "--strip-extras", description = "Write pins without [extras].")
    boolean stripExtras;

    @Option(names = "--no-emit-index-url", description = "Leave --index-url and --extra-index-url out of the lockfile.")
    boolean noEmitIndexUrl;

    @Option(names = "--dry-run", description = "Print the lockfile to stdout; write nothing.")
    boolean dryRun;

    @Option(names = "--extra", paramLabel = "NAME", description = "Include this optional-dependencies group of pyproject.toml (repeatable).")
    List<String> extras = new ArrayList<>();

    @Option(names = "--all-extras", description = "Include every optional-dependencies group of pyproject.toml.")
    boolean allExtras;

    @Option(names = "--no-binary", paramLabel = "NAMES", parameterConsumer = BinaryOptionConsumer.class,
            description = "Do not use wheels of these packages (comma-separated names, :all: or :none:;"
                    + " repeatable, as pip). relock does not build, so their sdists must declare static metadata.")
    List<String> noBinary = new ArrayList<>();

    @Option(names = "--only-binary", paramLabel = "NAMES", parameterConsumer = BinaryOptionConsumer.class,
            description = "Do not use sdists of these packages (comma-separated names, :all: or :none:;"
                    + " repeatable, as pip).")
    List<String> onlyBinary = new ArrayList<>();

    /** Both binary options in command-line order: a later one overrides an earlier one. */
    private final List<BinaryPolicy.Option> binaryOptions = new ArrayList<>();

    /** Collects {@code --no-binary} and {@code --only-binary} into one list, keeping their order. */
    static final class BinaryOptionConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String flag = ((OptionSpec) argSpec).longestName();
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '"
                        + flag + "' (NAMES)");
            }
            BinaryPolicy.Kind kind = flag.equals(BinaryPolicy.Kind.NO_BINARY.flag())
                    ? BinaryPolicy.Kind.NO_BINARY : BinaryPolicy.Kind.ONLY_BINARY;
            ((CompileCommand) commandSpec.userObject()).binaryOptions.add(new BinaryPolicy.Option(kind, args.pop()));
        }
    }

    @Override
    public Integer call() {
        RunContext ctx = root.context();
        index.prepareNetwork(ctx);
        GlobalOptions global = root.global();
        PrintWriter err = ctx.err();
        Path start = sources.isEmpty() ? ctx.workingDirectory() : ctx.workingDirectory().resolve(sources.get(0)).getParent();
        TargetSelection selection = target.select(start);

        CompileRequest.Builder b = CompileRequest.builder(ctx.workingDirectory(), selection.target())
                .pythonVersionOption(target.pythonVersion().map(String::strip))
                .index(new IndexSettings(index.indexUrl(), index.extraIndexUrls(), index.findLinks(), index.noIndex()))
                .generateHashes(generateHashes)
                .allowUnsafe(allowUnsafe)
                .upgradeAll(upgrade)
                .annotationStyle(annotationStyle)
                .stripExtras(stripExtras)
                .emitIndexUrl(!noEmitIndexUrl)
                .header(!noHeader)
                .allExtras(allExtras)
                .dryRun(dryRun);
        sources.forEach(b::source);
        if (output != null) {
            b.output(output);
        }
        constraints.forEach(b::constraint);
        // Checked now, so that a bad value is a bad-input error before any index request.
        BinaryPolicy.of(binaryOptions);
        binaryOptions.forEach(b::binaryOption);
        upgradePackages.forEach(p -> b.upgradePackage(CompileRequest.parseUpgradePackage(p)));
        for (String extra : extras) {
            b.extra(ExtraName.tryOf(extra).orElseThrow(() -> new RelockException(
                    RelockException.Kind.BAD_INPUT, "bad --extra '" + extra + "': not a valid extra name")));
        }
        if (prerelease != null) {
            b.prereleases(CompileRequest.parsePrereleaseMode(prerelease));
        }
        if (excludeNewer != null) {
            b.excludeNewer(CompileRequest.parseTimestamp(excludeNewer));
        }
        ctx.var("CUSTOM_COMPILE_COMMAND").ifPresent(b::customCommand);
        CompileRequest request = b.build();

        IndexLog log = new IndexLog() {
            @Override
            public void debug(String message) {
                if (global.verbosity() >= 2) {
                    synchronized (err) {
                        err.println("relock: " + message);
                    }
                }
            }

            @Override
            public void warn(String message) {
                if (global.verbosity() >= 0) {
                    synchronized (err) {
                        err.println("relock: warning: " + message);
                    }
                }
            }
        };
        CompileResult result;
        try (Progress progress = Progress.of(ctx, global)) {
            ResolverListener listener = p -> progress.status(p.toString());
            result = new Compiler(sources -> index.client(ctx, sources, log), listener, ctx.env()).compile(request);
        }
        String shown = ctx.workingDirectory().relativize(request.output()).toString();
        int count = result.resolution().packages().size();
        if (dryRun) {
            ctx.out().print(result.text());
            ctx.out().flush();
            if (global.verbosity() >= 0) {
                err.println("Dry run: " + shown + " not written (" + count + " packages"
                        + (result.changed() ? ", would change)" : ", unchanged)"));
            }
        } else if (global.verbosity() >= 0) {
            err.println((result.changed() ? "Wrote " : "Up to date: ") + shown + " (" + count + " packages)");
        }
        return ExitCodes.OK;
    }
}
