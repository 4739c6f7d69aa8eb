package dev.relock.update;

import dev.relock.advisory.Advisory;
import dev.relock.advisory.AdvisorySource;
import dev.relock.common.RelockException;
import dev.relock.hosting.CommitInfo;
import dev.relock.hosting.CommitRequest;
import dev.relock.hosting.CommitStatus;
import dev.relock.hosting.Committer;
import dev.relock.hosting.FileChange;
import dev.relock.hosting.HostingException;
import dev.relock.hosting.Platform;
import dev.relock.hosting.PullRequest;
import dev.relock.hosting.PullRequestExistsException;
import dev.relock.hosting.PullRequestSpec;
import dev.relock.hosting.RepositoryInfo;
import dev.relock.lock.FileOverlay;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.Requirement;
import dev.relock.resolve.Remedy;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.LockfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The update bot's orchestrator. {@link #plan} recompiles the lockfiles in memory; {@link #apply}
 * brings the bot's branch and pull request in step with the plan.
 *
 * <p>The plan compares against the checked-out base: each lockfile's current text is read once from
 * the work tree when planning starts (in GitHub Actions, the checkout of the base branch), and the
 * new texts are compared with it. Nothing local is ever written: layered files see the new pins of
 * the files they constrain on through a {@link FileOverlay} of pending texts, and the changes reach
 * the repository only as a commit on the bot's branch. A failed run therefore leaves the work tree
 * byte-identical, and the next run plans against the same base.
 *
 * <p>Every remote step is idempotent: a run that failed half-way converges when run again, and
 * updates the same pull request rather than closing it.
 */
public final class Updater {
    static final String BLOCKED_MARKER = "<!-- relock:update:blocked -->";
    static final String CLOSED_MARKER = "<!-- relock:update:closed -->";

    private final Recompiler recompiler;
    private final ReleaseFacts facts;
    private final ResultCheck check;
    private final Optional<AdvisorySource> advisories;

    /** An updater that pushes its result unverified. */
    public Updater(Recompiler recompiler, ReleaseFacts facts) {
        this(recompiler, facts, ResultCheck.NONE, Optional.empty());
    }

    /**
     * An updater that verifies its result with {@code check} and pushes it only when it passes.
     *
     * @param advisories where known vulnerabilities come from when the audit is on: the plan then
     *     marks the advisories it fixes and lists those still open
     */
    public Updater(Recompiler recompiler, ReleaseFacts facts, ResultCheck check,
            Optional<AdvisorySource> advisories) {
        this.recompiler = recompiler;
        this.facts = facts;
        this.check = check;
        this.advisories = advisories;
    }

    /**
     * Recompiles every lockfile in dependency order, in memory. Each lockfile's "before" text is
     * read once from the work tree at the start; each recompile sees the new text of the lockfiles
     * planned before it. Writes nothing. With an advisory source, the plan says which advisories
     * the update fixes and which stay open.
     */
    public UpdatePlan plan(UpdateRequest request) {
        List<LockfileJob> jobs = LayerOrder.sort(request.jobs());
        Map<Path, String> checkedOut = checkedOut(jobs);
        List<FileUpdate> files = recompileAll(request, jobs, checkedOut, Upgrade.of(request.upgrade()));
        Optional<SecurityReport> security = advisories.map(source -> SecurityReport.of(files, source, Set.of(),
                Map.of()));
        return finish(request, files, security);
    }

    /**
     * {@code relock update --security-only}: frees only the packages whose pinned version an
     * advisory affects (transitive ones included), each constrained to at least the lowest version
     * that fixes every advisory with a fix and moved to the lowest such version that still
     * resolves; every other pin stays. When the fixes lie past the lock's {@code --exclude-newer}
     * cut-off (a cooldown), the fixed packages alone may bypass it, and the plan says so.
     *
     * @throws IllegalStateException when the updater has no advisory source
     */
    public UpdatePlan planSecurityFixes(UpdateRequest request) {
        AdvisorySource source = advisories.orElseThrow(() -> new IllegalStateException("no advisory source"));
        List<LockfileJob> jobs = LayerOrder.sort(request.jobs());
        Map<Path, String> checkedOut = checkedOut(jobs);
        Map<dev.relock.advisory.Pin, Boolean> pins = new LinkedHashMap<>();
        for (LockfileJob job : jobs) {
            String before = checkedOut.get(job.lockfile().toAbsolutePath().normalize());
            if (!before.isEmpty()) {
                SecurityReport.pins(LockfileReader.read(before, job.lockfile()))
                        .forEach((name, version) -> pins.put(new dev.relock.advisory.Pin(name, version), true));
            }
        }
        Map<dev.relock.advisory.Pin, List<Advisory>> known = source.query(pins.keySet());
        Map<PackageName, Version> floors = new TreeMap<>();
        for (dev.relock.advisory.Pin pin : pins.keySet()) {
            for (Advisory a : SecurityReport.affecting(known, pin.name(), pin.version())) {
                a.fixesFor(pin.name(), pin.version()).stream().findFirst()
                        .ifPresent(fix -> floors.merge(pin.name(), fix, (x, y) -> x.compareTo(y) >= 0 ? x : y));
            }
        }
        Map<PackageName, String> unresolvable = new TreeMap<>();
        Optional<Fix> fix = floors.isEmpty() ? Optional.empty() : fix(request, jobs, checkedOut, floors, unresolvable);
        if (fix.isEmpty() && floors.size() > 1) {
            // some fix conflicts with the other pins: fix what can be fixed, one package at a time to find out
            Map<PackageName, Version> workable = new TreeMap<>();
            Map<PackageName, String> reasons = new TreeMap<>();
            floors.forEach((name, floor) -> {
                Map<PackageName, String> why = new TreeMap<>();
                if (fix(request, jobs, checkedOut, Map.of(name, floor), why).isPresent()) {
                    workable.put(name, floor);
                }
                reasons.putAll(why);
            });
            unresolvable.clear();
            unresolvable.putAll(reasons);
            fix = workable.isEmpty() ? Optional.empty() : fix(request, jobs, checkedOut, workable, unresolvable);
        }
        List<FileUpdate> files = fix.map(Fix::files).orElseGet(() -> unchanged(request, jobs, checkedOut));
        Set<PackageName> pastCutoff = fix.map(Fix::pastCutoff).orElse(Set.of());
        return finish(request, files, Optional.of(SecurityReport.of(files, source, pastCutoff, unresolvable)));
    }

    /** Recompiled lockfiles that fix, and the packages whose fix bypassed the cut-off. */
    private record Fix(List<FileUpdate> files, Set<PackageName> pastCutoff) {}

    /**
     * Recompiles with {@code floors} as constraints on the freed packages, lowest first: within the
     * cut-off, else past it for those packages. Empty, with the reason in {@code unresolvable} for
     * each package, when no version resolves.
     */
    private Optional<Fix> fix(UpdateRequest request, List<LockfileJob> jobs, Map<Path, String> checkedOut,
            Map<PackageName, Version> floors, Map<PackageName, String> unresolvable) {
        List<Requirement> constraints = floors.entrySet().stream()
                .map(e -> Requirement.parse(e.getKey() + ">=" + e.getValue())).toList();
        Set<PackageName> names = floors.keySet();
        try {
            return Optional.of(new Fix(recompileAll(request, jobs, checkedOut,
                    new Upgrade(names, constraints, Remedy.lowest(names))), Set.of()));
        } catch (RelockException e) {
            if (e.kind() != RelockException.Kind.UNRESOLVABLE) {
                throw e;
            }
        }
        try {
            // the fixes may be newer than the lock's cooldown allows: those packages alone may pass it
            return Optional.of(new Fix(recompileAll(request, jobs, checkedOut,
                    new Upgrade(names, constraints, new Remedy(names, names))), names));
        } catch (RelockException e) {
            if (e.kind() != RelockException.Kind.UNRESOLVABLE) {
                throw e;
            }
            String reason = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("no solution");
            names.forEach(name -> unresolvable.put(name, reason));
            return Optional.empty();
        }
    }

    private static Map<Path, String> checkedOut(List<LockfileJob> jobs) {
        Map<Path, String> checkedOut = new LinkedHashMap<>();
        for (LockfileJob job : jobs) {
            checkedOut.putIfAbsent(job.lockfile().toAbsolutePath().normalize(), currentText(job.lockfile()));
        }
        return checkedOut;
    }

    private List<FileUpdate> recompileAll(UpdateRequest request, List<LockfileJob> jobs, Map<Path, String> checkedOut,
            Upgrade upgrade) {
        List<FileUpdate> files = new ArrayList<>();
        FileOverlay pending = FileOverlay.none();
        for (LockfileJob job : jobs) {
            Path file = job.lockfile();
            String path = relative(request.workspace(), file);
            String before = checkedOut.get(file.toAbsolutePath().normalize());
            Lockfile old = before.isEmpty() ? empty() : LockfileReader.read(before, file);
            Recompiled now = recompiler.recompile(job, upgrade, pending);
            pending = pending.with(file, now.text());
            // A new header comment alone (a newer relock records more) is not worth a pull request:
            // the file keeps its text until something real changes.
            String after = withoutHeader(before).equals(withoutHeader(now.text())) ? before : now.text();
            files.add(new FileUpdate(job, path, before, after,
                    LockfileChanges.between(path, old, now.lockfile(), !before.equals(after)), now));
        }
        return files;
    }

    /** Every lockfile as checked out: nothing to fix. */
    private static List<FileUpdate> unchanged(UpdateRequest request, List<LockfileJob> jobs,
            Map<Path, String> checkedOut) {
        List<FileUpdate> files = new ArrayList<>();
        for (LockfileJob job : jobs) {
            String path = relative(request.workspace(), job.lockfile());
            String text = checkedOut.get(job.lockfile().toAbsolutePath().normalize());
            Lockfile lock = text.isEmpty() ? empty() : LockfileReader.read(text, job.lockfile());
            files.add(new FileUpdate(job, path, text, text, LockfileChanges.between(path, lock, lock, false),
                    new Recompiled(text, lock)));
        }
        return files;
    }

    private UpdatePlan finish(UpdateRequest request, List<FileUpdate> files, Optional<SecurityReport> security) {
        List<LockfileChanges> changes = files.stream().map(FileUpdate::changes).toList();
        Map<String, ReleaseNote> notes = notes(changes, request.target());
        int packages = PullRequestText.packageCount(changes);
        String title = request.securityOnly() ? PullRequestText.securityTitle(request.title(), packages)
                : PullRequestText.title(request.title(), packages);
        boolean changed = files.stream().anyMatch(FileUpdate::changed);
        Optional<Verification> verification = Optional.empty();
        if (changed && check != ResultCheck.NONE) {
            verification = Optional.of(check.verify(files, security));
        }
        String body = PullRequestText.body(files, notes, request.target(), request.reproduce(),
                new PullRequestText.Extras(verification, security, request.securityOnly()));
        String message = request.securityOnly() ? PullRequestText.securityCommitMessage(changes)
                : PullRequestText.commitMessage(changes);
        return new UpdatePlan(files, notes, title, body, message, verification, security);
    }

    /** {@code text} without its leading block of comment lines (the header pip-compile and relock write). */
    static String withoutHeader(String text) {
        int i = 0;
        while (i < text.length() && text.startsWith("#", i)) {
            int end = text.indexOf('\n', i);
            i = end < 0 ? text.length() : end + 1;
        }
        return text.substring(i);
    }

    /** Brings the bot branch and pull request in step with {@code plan}. */
    public UpdateResult apply(UpdateRequest request, UpdatePlan plan, Platform platform, Committer committer) {
        RepositoryInfo repo = platform.repository();
        String base = request.base().orElseGet(repo::requireDefaultBranch);
        String branch = request.branch();
        if (branch.equals(base)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "the update branch must differ from the base branch '" + base + "'");
        }
        if (plan.failedVerification()) {
            return new UpdateResult(Operation.NONE, Optional.empty(), plan, List.of("self-verification failed ("
                    + plan.verification().orElseThrow().summary() + "): nothing was pushed and no pull request"
                    + " was changed"));
        }
        Optional<PullRequest> open = platform.findPr(branch, base);
        Optional<String> head = platform.branchHead(branch);
        if (head.isPresent()) {
            List<CommitInfo> foreign = foreignCommits(platform.branchCommits(base, branch), request, platform);
            if (!foreign.isEmpty()) {
                Set<String> who = new LinkedHashSet<>();
                foreign.forEach(c -> who.add(c.authorLogin().orElse(c.authorName())));
                String message = "Branch `" + branch + "` has commits by " + String.join(", ", who)
                        + ", so relock left it alone: it never force-pushes over someone else's work. Merge or"
                        + " close this pull request, or delete the branch, and relock starts afresh on its next run.";
                open.ifPresent(pr -> platform.ensureComment(pr.number(), BLOCKED_MARKER,
                        BLOCKED_MARKER + "\n" + message));
                return new UpdateResult(Operation.NONE, open, plan, List.of(message));
            }
        }
        if (!plan.hasChanges()) {
            if (open.isPresent()) {
                int number = open.get().number();
                platform.ensureComment(number, CLOSED_MARKER, CLOSED_MARKER + "\n" + (request.securityOnly()
                        ? "Nothing on `" + base + "` is left that relock can fix (" + upToDate(request, plan)
                                + "), so relock closed this pull request and deleted its branch."
                        : "Every lockfile is up to date on `" + base + "`: nothing is left to update, so relock"
                                + " closed this pull request and deleted its branch."));
                platform.closePr(number);
                platform.deleteBranch(branch);
                return new UpdateResult(Operation.CLOSED, open, plan,
                        List.of(upToDate(request, plan) + "; closed #" + number));
            }
            if (head.isPresent()) {
                platform.deleteBranch(branch);
            }
            return new UpdateResult(Operation.NONE, Optional.empty(), plan, List.of(upToDate(request, plan)));
        }
        String baseHead = platform.branchHead(base)
                .orElseThrow(() -> new HostingException(404, "base branch '" + base + "' does not exist in "
                        + repo.fullName()));
        List<FileChange> files = plan.changedFiles().stream().map(f -> FileChange.text(f.path(), f.after())).toList();
        String sha = committer.commit(new CommitRequest(branch, base, baseHead, plan.commitMessage(), request.author(),
                files));
        List<String> messages = new ArrayList<>();
        plan.verification().ifPresent(v -> setStatus(platform, sha, v, request).ifPresent(messages::add));
        PullRequestSpec spec = new PullRequestSpec(plan.title(), plan.body(), request.draft(), request.labels(),
                request.reviewers(), request.teamReviewers(), request.assignees());
        if (open.isPresent()) {
            return new UpdateResult(Operation.UPDATED, Optional.of(platform.updatePr(open.get().number(), spec)),
                    plan, messages);
        }
        try {
            return new UpdateResult(Operation.CREATED, Optional.of(platform.createPr(branch, base, spec)), plan,
                    messages);
        } catch (PullRequestExistsException e) {
            PullRequest existing = platform.findPr(branch, base).orElseThrow(() -> e);
            messages.add("another run opened #" + existing.number() + " meanwhile; updated it");
            return new UpdateResult(Operation.UPDATED, Optional.of(platform.updatePr(existing.number(), spec)), plan,
                    messages);
        }
    }

    /**
     * Sets {@value Verification#CONTEXT} on the pushed commit. A token without the statuses
     * permission costs the status, not the update: the warning says what to grant.
     */
    private static Optional<String> setStatus(Platform platform, String sha, Verification verification,
            UpdateRequest request) {
        CommitStatus status = new CommitStatus(verification.passed() ? CommitStatus.State.SUCCESS
                : CommitStatus.State.FAILURE, Verification.CONTEXT, "relock verified this update: "
                + verification.summary(), request.statusUrl());
        try {
            platform.setCommitStatus(sha, status);
            return Optional.empty();
        } catch (HostingException e) {
            if (e.status() != 403 && e.status() != 404) {
                throw e;
            }
            return Optional.of("warning: the commit status " + Verification.CONTEXT + " was not set: "
                    + e.getMessage() + " Grant 'statuses: write' to set it.");
        }
    }

    private static String upToDate(UpdateRequest request, UpdatePlan plan) {
        if (!request.securityOnly()) {
            return "lockfiles are up to date";
        }
        Map<PackageName, String> stuck = plan.security().map(SecurityReport::unresolvable).orElse(Map.of());
        return stuck.isEmpty() ? "no pinned version is affected by an advisory that has a fix"
                : "no security fix resolves: " + String.join("; ", stuck.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    private static List<CommitInfo> foreignCommits(List<CommitInfo> commits, UpdateRequest request,
            Platform platform) {
        List<CommitInfo> notByEmail = commits.stream()
                .filter(c -> !c.isBy(request.author(), Optional.empty())).toList();
        if (notByEmail.isEmpty()) {
            return notByEmail;
        }
        Optional<String> login = platform.authenticatedLogin();
        return notByEmail.stream().filter(c -> !c.isBy(request.author(), login)).toList();
    }

    private Map<String, ReleaseNote> notes(List<LockfileChanges> changes, String target) {
        Map<String, ReleaseNote> out = new LinkedHashMap<>();
        for (LockfileChanges file : changes) {
            for (PackageChange c : file.changes()) {
                if (c.kind() != ChangeKind.UPGRADED && c.kind() != ChangeKind.DOWNGRADED
                        && c.kind() != ChangeKind.ADDED) {
                    continue;
                }
                Optional<PackageName> name = PackageName.tryOf(c.name());
                Optional<Version> to = c.to().flatMap(Version::tryParse);
                String key = c.name() + "==" + c.to().orElse("");
                if (name.isEmpty() || to.isEmpty() || out.containsKey(key)) {
                    continue;
                }
                Optional<ReleaseInfo> now = facts.release(name.get(), to.get());
                if (now.isEmpty()) {
                    continue;
                }
                Optional<ReleaseInfo> before = c.from().flatMap(Version::tryParse)
                        .flatMap(v -> facts.release(name.get(), v));
                List<String> notes = new ArrayList<>();
                if (before.isPresent() && !before.get().requiresPython().equals(now.get().requiresPython())) {
                    notes.add("Requires-Python changed from " + quoted(before.get().requiresPython()) + " to "
                            + quoted(now.get().requiresPython()) + ".");
                }
                if (!now.get().wheelForTarget() && before.map(ReleaseInfo::wheelForTarget).orElse(true)) {
                    notes.add("no wheel for " + target + "; installing it builds from source.");
                }
                Optional<ReleaseNote.Link> changelog = ReleaseNote.changelog(now.get().projectUrls());
                if (changelog.isPresent() || !notes.isEmpty()) {
                    out.put(key, new ReleaseNote(c.name(), c.to().get(), changelog, notes));
                }
            }
        }
        return out;
    }

    private static String quoted(Optional<String> spec) {
        return spec.map(s -> "`" + s + "`").orElse("none");
    }

    private static Lockfile empty() {
        return Lockfile.pipCompile(List.of(), LockfileOptions.NONE, List.of(), Optional.empty(), AnnotationStyle.SPLIT);
    }

    private static String relative(Path workspace, Path file) {
        Path root = workspace.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "lockfile " + file + " is outside the workspace " + workspace);
        }
        return root.relativize(abs).toString().replace('\\', '/');
    }

    /** The lockfile's text as checked out; empty when it does not exist yet. */
    private static String currentText(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
