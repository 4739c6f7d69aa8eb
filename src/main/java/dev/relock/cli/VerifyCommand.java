package dev.relock.cli;

import dev.relock.common.RelockException;
import dev.relock.index.IndexLog;
import dev.relock.lock.LockOption;
import dev.relock.verify.Check;
import dev.relock.verify.Checks;
import dev.relock.verify.Finding;
import dev.relock.verify.ReportWriter;
import dev.relock.verify.Severity;
import dev.relock.verify.Verifier;
import dev.relock.verify.VerifyReport;
import dev.relock.verify.VerifyRequest;
import dev.relock.verify.VulnerableCheck;
import dev.relock.workspace.LockfileDiscovery;
import dev.relock.workspace.LockfileTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relock verify}: the CI gate that fails when a lockfile cannot be trusted. */
public final class VerifyCommand implements Callable<Integer>, LockOptionBinding.Bound {
    /** Output formats. */
    enum Format { TEXT, JSON, GITHUB }

    private final RelockCommand root;
    private final CommandSpec spec;
    private final IndexOptions index = new IndexOptions();
    private final AuditOptions audit = new AuditOptions();
    private final LockOptionBinding lockOptions = LockOptionBinding.of(LockOption.Group.TARGET, LockOption.Group.INDEX);
    private final List<String> lockfiles = new ArrayList<>();
    private String pythonVersionFile;
    private String wheelhouse;
    private Format format;
    private final List<String> only = new ArrayList<>();
    private final List<String> skip = new ArrayList<>();
    private boolean strict;

    VerifyCommand(RelockCommand root) {
        this.root = root;
        SpecBuilder b = SpecBuilder.command("verify", this)
                .description(
                        "Checks that lockfiles can be trusted, as a CI gate.",
                        "It wants exact pins, hashes the index publishes, pins that still answer the .in,"
                                + " one exact Python everywhere and safe installs.",
                        "Without LOCKFILE arguments, every lockfile found is verified.",
                        "With --offline no index is used at all: only structural checks run.")
                .footer("%nChecks:%n",
                        "  pinned           every requirement is name==version",
                        "  hashed           every requirement has a --hash",
                        "  hash-match       every hash is a file of that version on the index",
                        "                   (or in --wheelhouse); no yanked or removed versions",
                        "  fresh            pins satisfy the .in, closed under dependencies",
                        "  python-pin       one exact Python: .python-version, lock, Docker, CI",
                        "  install-hygiene  pip install commands and base images (warnings)",
                        "  vulnerable       with --audit: no pin has a known vulnerability (OSV)",
                        "%nExit status: 0 clean, 1 findings, 2 bad input, 4 index or OSV service unreachable.")
                .standardHelp()
                .positional("LOCKFILE").description("Lockfiles to verify. Default: all found.")
                .any(String.class, lockfiles)
                .option("--python-version-file").label("FILE")
                .description("The project's Python pin. Default: the nearest .python-version.")
                .value(String.class, v -> pythonVersionFile = v)
                .option("--wheelhouse").label("DIR")
                .description("Check the sha256 of the files in DIR instead of the index, and list missing or extra files.")
                .value(String.class, v -> wheelhouse = v)
                .option("--format").label("FORMAT")
                .description("text, json or github. Default: github in GitHub Actions, else text.")
                .value(Format.class, v -> format = v)
                .option("--check").label("NAME").description("Run only this check (repeatable).")
                .values(String.class, only)
                .option("--skip").label("NAME").description("Do not run this check (repeatable).")
                .values(String.class, skip)
                .option("--strict").description("Warnings fail too.")
                .flag(v -> strict = v);
        index.declare(b);
        audit.declare(b);
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
        Format chosen = format(ctx);
        List<VerifyRequest.Lockfile> files = List.of();
        List<Check> checks = List.of();
        try {
            Optional<Path> wheelhouseDir = Optional.ofNullable(wheelhouse).map(ctx::resolve);
            boolean audits = audit.requested() || only.contains(VulnerableCheck.NAME);
            checks = Checks.select(Checks.all(wheelhouseDir, audits), only, skip);
            files = lockfiles(ctx);
            Optional<VerifyRequest.Audit> auditing = !audits ? Optional.empty()
                    : Optional.of(new VerifyRequest.Audit(audit.source(ctx, index), audit.ignores(ctx),
                            AuditOptions.today()));
            VerifyRequest request = new VerifyRequest(
                    files,
                    checks,
                    lockOptions.given(),
                    Optional.ofNullable(pythonVersionFile).map(ctx::resolve),
                    ctx.workingDirectory(),
                    ctx.env(),
                    index.offline() ? Optional.empty() : Optional.of(sources -> index.client(
                            ctx, sources, IndexLog.silent())),
                    strict,
                    auditing,
                    ctx.clock());
            VerifyReport report;
            try (Progress progress = Progress.of(ctx, root.global())) {
                report = Verifier.verify(request, progress::status);
            }
            print(ctx, chosen, report);
            return report.failed(strict) ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (RuntimeException | Error e) {
            if (chosen == Format.JSON) {
                printJsonError(ctx.out(), ctx.workingDirectory(), e,
                        files.stream().map(VerifyRequest.Lockfile::file).toList(),
                        checks.stream().map(Check::name).toList());
            }
            throw e;
        }
    }

    private Format format(RunContext ctx) {
        return format != null ? format : ctx.inGitHubActions() ? Format.GITHUB : Format.TEXT;
    }

    /**
     * With {@code --format json} a failed run still prints one JSON document, carrying the error,
     * so that a program reading stdout never gets nothing; the one-line error goes to stderr as
     * always.
     */
    static void printJsonError(PrintWriter out, Path base, Throwable e, List<Path> lockfiles, List<String> checks) {
        String kind;
        int exit;
        String message;
        if (e instanceof RelockException re) {
            kind = re.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            exit = ExitCodes.of(re.kind());
            message = String.valueOf(re.getMessage()).strip();
        } else {
            kind = "internal";
            exit = ExitCodes.INTERNAL;
            message = "internal error: " + Main.oneLine(String.valueOf(e));
        }
        out.print(new ReportWriter(base).jsonError(kind, exit, message, lockfiles, checks));
        out.flush();
    }

    /** For usage errors: whether the arguments ask for {@code --format json}. */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equalsIgnoreCase("--format=json") || (a.equals("--format") && i + 1 < args.length
                    && args[i + 1].equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }

    private List<VerifyRequest.Lockfile> lockfiles(RunContext ctx) {
        List<VerifyRequest.Lockfile> result = new ArrayList<>();
        if (lockfiles.isEmpty()) {
            for (LockfileTarget t : LockfileDiscovery.discover(ctx.workingDirectory())) {
                result.add(new VerifyRequest.Lockfile(t.lockfile(), t.source()));
            }
            if (result.isEmpty()) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, "no lockfiles found in "
                        + ctx.workingDirectory() + " (a *.txt beside a .in, or one generated by pip-compile, uv"
                        + " or relock); name one: relock verify requirements.txt");
            }
            return result;
        }
        for (String name : lockfiles) {
            Path file = ctx.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, name + ": no such lockfile");
            }
            Optional<Path> source = name.endsWith(".txt")
                    ? LockfileDiscovery.classify(file).flatMap(LockfileTarget::source) : Optional.empty();
            result.add(new VerifyRequest.Lockfile(file, source));
        }
        return result;
    }

    private void print(RunContext ctx, Format chosen, VerifyReport report) {
        ReportWriter writer = new ReportWriter(ctx.workingDirectory());
        PrintWriter out = ctx.out();
        switch (chosen) {
            case TEXT -> out.print(writer.text(report, strict));
            case JSON -> out.print(writer.json(report, strict));
            case GITHUB -> {
                ActionsRuntime actions = new ActionsRuntime(ctx);
                for (Finding f : report.findings()) {
                    ActionsRuntime.Level level = f.severity() == Severity.ERROR || strict
                            ? ActionsRuntime.Level.ERROR : ActionsRuntime.Level.WARNING;
                    String detail = ReportWriter.detail(f);
                    actions.command(ActionsRuntime.annotation(level, Optional.of(writer.display(f.file())), f.line(),
                            "relock verify: " + f.check(), f.message() + (detail.isEmpty() ? "" : " (" + detail + ")")));
                }
                report.notes().forEach(n -> actions.command(ActionsRuntime.annotation(ActionsRuntime.Level.NOTICE,
                        Optional.empty(), 0, "relock verify", n)));
                out.println(writer.summary(report, strict));
                actions.appendSummary(writer.markdown(report, strict));
                actions.setOutput("findings", Integer.toString(report.findings().size()));
            }
        }
        out.flush();
    }
}
