package dev.relock.cli;

import dev.relock.common.Plural;
import dev.relock.index.IndexLog;
import dev.relock.lock.CompileRequest;
import dev.relock.lock.CompileResult;
import dev.relock.lock.CompileSetup;
import dev.relock.lock.Compiler;
import dev.relock.lock.LockOption;
import dev.relock.lock.LockTargets;
import dev.relock.lock.PythonRange;
import dev.relock.resolve.ResolverListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relock compile}: requirements in, pinned and hashed lockfile out (pip-compile compatible). */
public final class CompileCommand implements Callable<Integer>, LockOptionBinding.Bound {
    private final RelockCommand root;
    private final CommandSpec spec;
    private final IndexOptions index = new IndexOptions();
    private final LockOptionBinding lockOptions = LockOptionBinding.of(LockOption.Group.values());
    private final List<Path> sources = new ArrayList<>();
    private Path output;
    private boolean upgrade;
    private final List<String> upgradePackages = new ArrayList<>();
    private boolean dryRun;

    CompileCommand(RelockCommand root) {
        this.root = root;
        SpecBuilder b = SpecBuilder.command("compile", this)
                .description(
                        "Resolve SRC (requirements .in files or pyproject.toml) for the target Python and write a"
                                + " pip-compile compatible lockfile.",
                        "Pins of an existing output are kept unless --upgrade or --upgrade-package frees them.")
                .footer("%nExit status:%n", "  0  success    2  bad input    3  unresolvable (the explanation is printed)",
                        "  4  index or network failure")
                .standardHelp()
                .positional("SRC")
                .description("requirements .in files or pyproject.toml. Default: the lockfile's recorded sources,"
                        + " else requirements.in, else pyproject.toml.")
                .any(Path.class, sources)
                .option("-o", "--output-file").label("OUT")
                .description("The lockfile. Default: SRC with .txt, or requirements.txt beside pyproject.toml.")
                .value(Path.class, v -> output = v)
                .option("-U", "--upgrade").description("Ignore the existing lockfile's pins; pick the newest versions.")
                .flag(v -> upgrade = v)
                .option("-P", "--upgrade-package").label("NAME[SPEC]")
                .description("Free only this package's pin (repeatable); a specifier also constrains it.")
                .values(String.class, upgradePackages)
                .option("--dry-run").description("Print the lockfile to stdout; write nothing.")
                .flag(v -> dryRun = v);
        index.declare(b);
        spec = b.build();
    }

    /** The command's picocli model. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public LockOptionBinding lockOptions() {
        return lockOptions;
    }

    @Override
    public Integer call() {
        RunContext ctx = root.context();
        GlobalOptions global = root.global();
        PrintWriter err = ctx.err();
        CompileSetup.Prepared prepared = CompileSetup.prepare(new CompileSetup.Invocation(ctx.workingDirectory(),
                sources, Optional.ofNullable(output), lockOptions.given(), upgrade,
                upgradePackages.stream().map(CompileRequest::parseUpgradePackage).toList(),
                ctx.var("CUSTOM_COMPILE_COMMAND"), dryRun));
        CompileRequest request = prepared.request();
        LockTargets targets = prepared.targets();
        if (request.settings().universal()) {
            if (global.verbosity() >= 1) {
                PythonRange range = PythonRange.of(request.settings(), request.sources().get(0).getParent(),
                        Optional.of(request.target().python()));
                err.println("relock: universal lock for Python " + range.specifiers() + " (" + range.source() + ")"
                        + (request.settings().environments().isEmpty() ? ", every platform" : ", environments "
                                + String.join(" | ", request.settings().environments().stream()
                                        .map(Object::toString).toList())));
            }
        } else if (global.verbosity() >= 1) {
            err.println("relock: target Python " + request.target().python() + " (" + targets.pythonSource() + ")");
            err.println("relock: target platform" + (targets.targets().size() > 1 ? "s " : " ")
                    + String.join(", ", targets.platforms().stream().map(p -> p.name()).toList())
                    + " (" + targets.platformSource() + ")");
        }
        if (global.verbosity() >= 0 && !request.settings().universal()) {
            targets.warnings().forEach(w -> err.println("relock: warning: " + w));
        }

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
            result = new Compiler(sources -> index.client(ctx, sources, log), listener, ctx.env(), ctx.clock()).compile(request);
        }
        if (global.verbosity() >= 0) {
            result.resolution().skipped().forEach(s -> err.println("relock: note: " + s.message()));
            result.resolution().packages().forEach(p -> p.undeclaredExtras().forEach(extra -> err.println(
                    "relock: warning: " + p.name() + " " + p.version() + " does not provide the extra '" + extra + "'")));
        }
        String shown = ctx.workingDirectory().relativize(request.output()).toString();
        int count = result.resolution().packages().size();
        if (dryRun) {
            ctx.out().print(result.text());
            ctx.out().flush();
            if (global.verbosity() >= 0) {
                err.println("Dry run: " + shown + " not written (" + Plural.of(count, "package")
                        + (result.changed() ? ", would change)" : ", unchanged)"));
            }
        } else if (global.verbosity() >= 0) {
            err.println((result.changed() ? "Wrote " : "Up to date: ") + shown + " (" + Plural.of(count, "package") + ")");
        }
        return ExitCodes.OK;
    }
}
