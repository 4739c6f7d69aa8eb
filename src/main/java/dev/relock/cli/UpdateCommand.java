package dev.relock.cli;

import dev.relock.common.Plural;
import dev.relock.common.RelockException;
import dev.relock.hosting.Committer;
import dev.relock.hosting.GitHubPlatform;
import dev.relock.hosting.GitPushCommitter;
import dev.relock.hosting.Identity;
import dev.relock.hosting.RateLimitPolicy;
import dev.relock.hosting.Secrets;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexLog;
import dev.relock.lock.CompileRequest;
import dev.relock.lock.CompileResult;
import dev.relock.lock.Compiler;
import dev.relock.lock.CompileSetup;
import dev.relock.lock.LockOption;
import dev.relock.lock.LockSettings;
import dev.relock.lock.LockTargets;
import dev.relock.lock.Recompilation;
import dev.relock.lock.FileOverlay;
import dev.relock.update.AcceptedAdvisories;
import dev.relock.update.FileUpdate;
import dev.relock.update.IndexReleaseFacts;
import dev.relock.update.LockfileJob;
import dev.relock.update.LockfileSelection;
import dev.relock.update.PackageChange;
import dev.relock.update.Recompiled;
import dev.relock.update.Recompiler;
import dev.relock.update.SelfVerification;
import dev.relock.update.Upgrade;
import dev.relock.update.UpdatePlan;
import dev.relock.update.UpdateRequest;
import dev.relock.update.UpdateResult;
import dev.relock.update.Updater;
import dev.relock.verify.VerifyRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relock update}: recompile every lockfile with upgrades and keep one pull request in step. */
public final class UpdateCommand implements Callable<Integer>, LockOptionBinding.Bound {
    enum CommitVia { API, GIT }

    private final RelockCommand root;
    private final CommandSpec spec;
    private final IndexOptions index = new IndexOptions();
    private final AuditOptions audit = new AuditOptions();
    private final LockOptionBinding lockOptions = LockOptionBinding.of(LockOption.Group.TARGET, LockOption.Group.INDEX,
            LockOption.Group.CUTOFF);
    private String repo;
    private Path workspace;
    private String base;
    private String branch;
    private boolean securityOnly;
    private final List<String> lockfiles = new ArrayList<>();
    private final List<String> upgradePackages = new ArrayList<>();
    private String title;
    private final List<String> labels = new ArrayList<>();
    private final List<String> reviewers = new ArrayList<>();
    private final List<String> teamReviewers = new ArrayList<>();
    private final List<String> assignees = new ArrayList<>();
    private boolean draft;
    private CommitVia commitVia;
    private String author;
    private String apiUrl;
    private String tokenEnv;
    private boolean dryRun;

    UpdateCommand(RelockCommand root) {
        this.root = root;
        SpecBuilder b = SpecBuilder.command("update", this)
                .description(
                        "Recompiles the repository's lockfiles with upgrades and opens (or updates, or closes) one pull request.",
                        "Meant for a scheduled GitHub Actions workflow; --dry-run prints the plan and touches nothing remote.")
                .standardHelp()
                .option("--repo").label("OWNER/NAME").description("The repository. Default: $GITHUB_REPOSITORY.")
                .value(String.class, v -> repo = v)
                .option("--workspace").label("DIR")
                .description("The checkout's root. Default: $GITHUB_WORKSPACE, else the current directory.")
                .value(Path.class, v -> workspace = v)
                .option("--base").label("BRANCH")
                .description("Base branch of the pull request. Default: the repository's default branch.")
                .value(String.class, v -> base = v)
                .option("--branch").label("NAME")
                .description("The bot's branch. Default: relock/update, with --security-only relock/security.")
                .value(String.class, v -> branch = v)
                .option("--security-only").description("Fix known vulnerabilities only: move each pin an advisory"
                        + " affects (transitive ones too) to the lowest version that fixes it and still resolves, keep"
                        + " every other pin, on its own branch and pull request. Implies --audit.")
                .flag(v -> securityOnly = v)
                .option("--lockfile").label("IN[:OUT]").description("A lockfile to refresh (repeatable). Default:"
                        + " every lockfile found, plus [tool.relock] lockfiles in pyproject.toml or relock.toml.")
                .values(String.class, lockfiles)
                .option("-P", "--upgrade-package").label("NAME")
                .description("Upgrade only these packages (repeatable). Default: upgrade everything.")
                .values(String.class, upgradePackages)
                .option("--title").label("TITLE").description("Pull request title. Default: 'Update Python lockfiles (N packages)'.")
                .value(String.class, v -> title = v)
                .option("--label").label("LABEL").description("Label to add (repeatable).")
                .values(String.class, labels)
                .option("--reviewer").label("LOGIN")
                .description("Reviewer to request on a new pull request (repeatable).")
                .values(String.class, reviewers)
                .option("--team-reviewer").label("SLUG")
                .description("Team to request a review from on a new pull request (repeatable).")
                .values(String.class, teamReviewers)
                .option("--assignee").label("LOGIN").description("Assignee of a new pull request (repeatable).")
                .values(String.class, assignees)
                .option("--draft").description("Open the pull request as a draft.")
                .flag(v -> draft = v)
                .option("--commit-via").label("api|git").defaultValue("api").description("Write the commit through"
                        + " GitHub's Git Data API (default) or push it with git over HTTPS.")
                .value(CommitVia.class, v -> commitVia = v)
                .option("--author").label("NAME <EMAIL>").description("Commit author; relock treats other authors'"
                        + " commits on its branch as a person's. Default: github-actions[bot].")
                .value(String.class, v -> author = v)
                .option("--api-url").label("URL")
                .description("GitHub API root. Default: $GITHUB_API_URL, else https://api.github.com.")
                .value(String.class, v -> apiUrl = v)
                .option("--token-env").label("NAME").defaultValue("GITHUB_TOKEN")
                .description("Environment variable holding the token (default: ${DEFAULT-VALUE}).")
                .value(String.class, v -> tokenEnv = v)
                .option("--dry-run")
                .description("Print the plan and the pull request body; change no file and touch nothing remote.")
                .flag(v -> dryRun = v);
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
        Optional<String> token = ctx.var(tokenEnv);
        List<String> secrets = token.stream().toList();
        try {
            return run(ctx, token);
        } catch (RelockException e) {
            String scrubbed = Secrets.scrub(String.valueOf(e.getMessage()), secrets);
            throw scrubbed.equals(e.getMessage()) ? e : new RelockException(e.kind(), scrubbed);
        } catch (RuntimeException e) {
            String text = String.valueOf(e);
            if (secrets.stream().anyMatch(text::contains)) {
                throw new IllegalStateException(Secrets.scrub(text, secrets));
            }
            throw e;
        }
    }

    private int run(RunContext ctx, Optional<String> token) {
        ActionsRuntime actions = new ActionsRuntime(ctx);
        token.ifPresent(actions::mask);
        PrintWriter err = ctx.err();
        GlobalOptions global = root.global();
        Path home = workspace != null ? ctx.resolve(workspace.toString())
                : ctx.var("GITHUB_WORKSPACE").map(ctx::resolve).orElse(ctx.workingDirectory());
        Optional<String> repository = Optional.ofNullable(repo).or(() -> ctx.var("GITHUB_REPOSITORY"));
        if (!dryRun && repository.isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "no repository: pass --repo OWNER/NAME or set GITHUB_REPOSITORY");
        }
        if (!dryRun && token.isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "no token in $" + tokenEnv + ": relock needs a"
                    + " token with contents: write and pull-requests: write (or use --dry-run)");
        }
        if (securityOnly && !upgradePackages.isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "--security-only chooses the packages to move"
                    + " itself (those an advisory affects); drop -P/--upgrade-package, or drop --security-only");
        }
        Identity identity = author == null ? Identity.GITHUB_ACTIONS : Identity.parse(author);
        List<LockfileJob> jobs = lockfiles.isEmpty() ? LockfileSelection.discover(home)
                : lockfiles.stream().map(s -> LockfileSelection.parse(s, home)).toList();
        if (jobs.isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "no lockfiles found under " + home
                    + ": pass --lockfile requirements.in:requirements.txt or list them in [tool.relock] lockfiles");
        }
        UpdateRequest.Builder request = UpdateRequest.builder(home)
                .jobs(jobs)
                .branch(branch != null ? branch : securityOnly ? "relock/security" : "relock/update")
                .securityOnly(securityOnly)
                .base(Optional.ofNullable(base))
                .title(Optional.ofNullable(title))
                .labels(labels)
                .reviewers(reviewers)
                .teamReviewers(teamReviewers)
                .assignees(assignees)
                .draft(draft)
                .author(identity)
                .target("Python " + factsTarget(ctx, jobs, home).describe())
                .reproduce(reproduce())
                .statusUrl(runUrl(ctx));
        for (String p : upgradePackages) {
            request.upgrade(CompileRequest.parseUpgradePackage(p).name());
        }
        UpdateRequest req = request.build();

        IndexLog log = indexLog(err, global);
        LockTargets factsTarget = factsTarget(ctx, jobs, home);
        try (Progress progress = Progress.of(ctx, global);
                IndexClient facts = index.client(ctx, index.sources(ctx, recordedSettings(ctx, jobs, home)), log)) {
            Compiler compiler = new Compiler(sources -> index.client(ctx, sources, log),
                    p -> progress.status(p.toString()), ctx.env(), ctx.clock());
            Recompiler recompiler = (job, upgrade, pending) -> recompile(compiler, job, upgrade, pending, home);
            boolean audits = securityOnly || audit.requested();
            Optional<VerifyRequest.Audit> auditing = !audits ? Optional.empty()
                    : Optional.of(new VerifyRequest.Audit(audit.source(ctx, index), audit.ignores(ctx),
                            AuditOptions.today()));
            SelfVerification check = new SelfVerification(home, lockOptions.given(), ctx.env(),
                    sources -> index.client(ctx, sources, log), auditing, ctx.clock());
            Updater updater = new Updater(recompiler, new IndexReleaseFacts(facts, factsTarget.targets().get(0)),
                    check, auditing.map(a -> new AcceptedAdvisories(a.source(), a.ignores(), a.today())));
            UpdatePlan plan = securityOnly ? updater.planSecurityFixes(req) : updater.plan(req);
            progress.close();
            if (dryRun) {
                printPlan(ctx.out(), plan, securityOnly);
                return plan.failedVerification() ? blocked(err, plan) : ExitCodes.OK;
            }
            GitHubPlatform platform = GitHubPlatform.connect(new GitHubPlatform.Settings(
                    apiUrl != null ? apiUrl : ctx.var("GITHUB_API_URL").orElse("https://api.github.com"),
                    token.get(), "$" + tokenEnv, repository.get(), RateLimitPolicy.DEFAULT),
                    w -> err.println("relock: warning: " + w));
            Committer committer = commitVia == CommitVia.GIT
                    ? new GitPushCommitter(home, platform.repository().requireCloneUrl(), token.get())
                    : platform::commitFiles;
            UpdateResult result = updater.apply(req, plan, platform, committer);
            if (plan.failedVerification()) {
                actions.setOutput("operation", result.operation().label());
                actions.appendSummary("### relock update\n\nSelf-verification failed: nothing was pushed.\n\n"
                        + plan.verification().orElseThrow().failures().stream()
                                .map(i -> "- " + i.label() + "\n" + String.join("", i.problems().stream()
                                        .map(p -> "  - " + p + "\n").toList()))
                                .collect(Collectors.joining()));
                return blocked(err, plan);
            }
            report(ctx, actions, result);
            return ExitCodes.OK;
        }
    }

    /**
     * Reports a plan whose self-verification failed: what failed, one line per finding, and that
     * nothing was pushed. Exit 1, as {@code relock verify} with findings.
     */
    private static int blocked(PrintWriter err, UpdatePlan plan) {
        var verification = plan.verification().orElseThrow();
        err.println("relock: error: self-verification of the updated lockfiles failed (" + verification.summary()
                + "); nothing was pushed and no pull request was changed");
        verification.failures().forEach(item -> {
            err.println("relock:   [ ] " + item.label());
            item.problems().forEach(p -> err.println("relock:       " + p));
        });
        err.flush();
        return ExitCodes.FINDINGS;
    }

    /** The workflow run's page, which the commit status links to, when running in GitHub Actions. */
    private static Optional<String> runUrl(RunContext ctx) {
        Optional<String> server = ctx.var("GITHUB_SERVER_URL");
        Optional<String> repository = ctx.var("GITHUB_REPOSITORY");
        Optional<String> run = ctx.var("GITHUB_RUN_ID");
        if (server.isEmpty() || repository.isEmpty() || run.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(server.get().replaceAll("/+$", "") + "/" + repository.get() + "/actions/runs/" + run.get());
    }

    private Recompiled recompile(Compiler compiler, LockfileJob job, Upgrade upgrade, FileOverlay pending,
            Path root) {
        List<dev.relock.pep508.Requirement> packages = upgrade.names().isEmpty() ? List.of()
                : !upgrade.floors().isEmpty() ? upgrade.floors()
                : upgradePackages.stream().map(CompileRequest::parseUpgradePackage).toList();
        if (!Files.isRegularFile(job.lockfile()) && job.source().isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    job.lockfile() + " does not exist and has no .in file to compile it from");
        }
        Recompilation done = compiler.recompile(CompileSetup.Invocation.recompile(root, job.lockfile(),
                job.source(), lockOptions.given(), upgrade.names().isEmpty(), packages), pending, upgrade.remedy());
        CompileResult result = done.result();
        Map<String, String> skipped = new TreeMap<>();
        result.resolution().skipped().forEach(s -> skipped.put(s.name().toString(), s.message()));
        return new Recompiled(result.text(), result.lockfile(), skipped, done.targetChange());
    }

    /** The settings the first existing lockfile records, with the command line's laid over them. */
    private LockSettings recordedSettings(RunContext ctx, List<LockfileJob> jobs, Path home) {
        for (LockfileJob job : jobs) {
            if (Files.isRegularFile(job.lockfile())) {
                try {
                    return CompileSetup.settingsOf(job.lockfile(), home, lockOptions.given(), ctx.env());
                } catch (RelockException e) {
                    // an unreadable lockfile fails its own recompile with a precise message
                }
            }
        }
        return LockOption.overlay(LockSettings.DEFAULTS, lockOptions.given(), LockOption.PathContext.of(home));
    }

    /** The targets release notes are judged for: the first lockfile's. */
    private LockTargets factsTarget(RunContext ctx, List<LockfileJob> jobs, Path home) {
        Path start = jobs.get(0).lockfile().toAbsolutePath().getParent();
        return LockTargets.choose(recordedSettings(ctx, jobs, home), "the lockfile", start, start);
    }

    private String reproduce() {
        StringBuilder sb = new StringBuilder("relock update --dry-run" + (securityOnly ? " --security-only"
                : audit.requested() ? " --audit" : ""));
        lockfiles.forEach(l -> sb.append(" --lockfile ").append(l));
        upgradePackages.forEach(p -> sb.append(" -P ").append(p));
        return sb.toString();
    }

    private static void printPlan(PrintWriter out, UpdatePlan plan, boolean securityOnly) {
        out.println("Dry run: nothing written, nothing pushed.");
        if (!plan.hasChanges()) {
            out.println(securityOnly ? "No pinned version is affected by an advisory that has a fix."
                    : "Every lockfile is up to date.");
        } else {
            for (FileUpdate f : plan.changedFiles()) {
                out.println(f.path() + ":");
                for (PackageChange c : f.changes().changes()) {
                    out.println("  " + c.name() + " " + c.kind().label() + " " + c.fromTo());
                }
            }
            out.println();
            out.println("Pull request: " + plan.title());
            out.println();
            out.print(plan.body());
        }
        out.flush();
    }

    private void report(RunContext ctx, ActionsRuntime actions, UpdateResult result) {
        PrintWriter err = ctx.err();
        UpdatePlan plan = result.plan();
        String where = result.pullRequest().map(pr -> " #" + pr.number() + " " + pr.url()).orElse("");
        if (root.global().verbosity() >= 0) {
            err.println("relock: " + result.operation().label() + where + " ("
                    + Plural.of(plan.changedPackages(), "changed package") + ")");
            result.messages().forEach(m -> err.println("relock: " + m));
        }
        ctx.out().println(result.operation().label() + where);
        ctx.out().flush();
        actions.setOutput("operation", result.operation().label());
        actions.setOutput("pull-request-number", result.pullRequest().map(pr -> Integer.toString(pr.number())).orElse(""));
        actions.setOutput("pull-request-url", result.pullRequest().map(pr -> pr.url()).orElse(""));
        actions.setOutput("changed-packages", Integer.toString(plan.changedPackages()));
        StringBuilder summary = new StringBuilder("### relock update\n\n| Operation | Pull request | Changed packages |\n"
                + "|---|---|---|\n| " + result.operation().label() + " | "
                + result.pullRequest().map(pr -> "[#" + pr.number() + "](" + pr.url() + ")").orElse("—") + " | "
                + plan.changedPackages() + " |\n");
        List<String> lines = plan.changeLines();
        if (!lines.isEmpty()) {
            summary.append("\n").append(lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n"))).append("\n");
        }
        result.messages().forEach(m -> summary.append("\n> ").append(m).append("\n"));
        actions.appendSummary(summary.toString());
    }

    private static IndexLog indexLog(PrintWriter err, GlobalOptions global) {
        return new IndexLog() {
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
    }
}
