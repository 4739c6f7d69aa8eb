package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.github.FakeComment;
import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakePullRequest;
import dev.relock.testing.github.FakeRepository;
import dev.relock.testing.github.FakeUser;
import dev.relock.testing.github.Fault;
import dev.relock.testing.github.RecordedRequest;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code relock update} end to end: {@link Main#run} with the runner's environment, the real
 * compiler against a {@link LocalIndexServer}, and GitHub played by {@link FakeGitHub}.
 */
class UpdateCommandTest {
    static final String TOKEN = "ghs_updateBotSecret42";
    static final String BRANCH = "relock/update";
    static final String BASE_IN = "attrs\nidna\n";
    static final String DEV_IN = "-c requirements.txt\nattrs\npluggy\n";


    @TempDir Path dir;
    @TempDir Path scratch;
    LocalIndexServer index;
    FakeGitHub fake;
    FakeRepository repo;
    FakeUser alice;

    @BeforeEach
    void start() {
        index = LocalIndexServer.start(Scenario.builder()
                .project("attrs", p -> p.release("23.1.0"))
                .project("idna", p -> p.release("3.6"))
                .project("pluggy", p -> p.release("1.4.0"))
                .build());
        startGitHub(FakeGitHub.start());
    }

    void startGitHub(FakeGitHub hub) {
        fake = hub;
        fake.addBot("relock[bot]");
        alice = fake.addUser("alice", "Alice", "alice@example.com");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write");
        fake.addToken("ghs_readonly", "relock[bot]", "contents:read", "pull-requests:read");
        repo = fake.createRepository("acme", "app");
    }

    @AfterEach
    void stop() {
        index.close();
        fake.close();
    }

    /** Writes the project, locks it against today's index with hashes, and pushes it to main. */
    void project(Path root, boolean layered) throws IOException {
        write(root, ".python-version", "3.12.1\n");
        write(root, "requirements.in", BASE_IN);
        assertThat(relock(root, Map.of(), "compile", "--generate-hashes", "requirements.in", "-i",
                index.simpleUrl().toString(), "--no-cache").status()).isZero();
        Map<String, String> files = new HashMap<>(Map.of(".python-version", "3.12.1\n", "requirements.in", BASE_IN,
                "requirements.txt", read(root, "requirements.txt")));
        if (layered) {
            write(root, "requirements-dev.in", DEV_IN);
            assertThat(relock(root, Map.of(), "compile", "requirements-dev.in", "-i", index.simpleUrl().toString(),
                    "--no-cache").status()).isZero();
            files.put("requirements-dev.in", DEV_IN);
            files.put("requirements-dev.txt", read(root, "requirements-dev.txt"));
        }
        repo.commit("main", fake.user("acme").orElseThrow(), "Add lockfiles", files);
    }

    Map<String, String> env(Path workspace, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_API_URL", fake.apiUrl());
        env.put("GITHUB_TOKEN", token);
        return env;
    }

    Result update(String... args) {
        return update(env(dir, TOKEN), args);
    }

    Result update(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("update", "--no-cache"));
        all.addAll(List.of(args));
        return relock(scratch, env, all.toArray(String[]::new));
    }

    static Result relock(Path cwd, Map<String, String> env, String... args) {
        return Result.run(cwd, env, args);
    }

    static void write(Path root, String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }

    static String read(Path root, String name) throws IOException {
        return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
    }

    static String pin(String lockfile, String name) {
        return lockfile.lines().filter(l -> l.startsWith(name + "==")).map(l -> l.replaceAll("[ \\\\].*", ""))
                .findFirst().orElse("(none)");
    }

    FakePullRequest onlyPullRequest() {
        assertThat(repo.pullRequests()).hasSize(1);
        return repo.pullRequests().get(0);
    }

    /** The file as the bot branch has it. */
    String onBranch(String path) throws IOException {
        var git = repo.git();
        var head = git.resolve("refs/heads/" + BRANCH);
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git);
                var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(git, path, walk.parseCommit(head).getTree())) {
            return new String(git.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Makes {@code root} a git repository with everything committed, as actions/checkout leaves
     * the base branch: {@code git status} is clean before the run.
     */
    static Git checkout(Path root) throws GitAPIException {
        Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        git.commit().setMessage("checkout of main").setAuthor("CI", "ci@example.com")
                .setCommitter("CI", "ci@example.com").setSign(false).call();
        assertThat(git.status().call().isClean()).isTrue();
        return git;
    }

    /** Every file under {@code root} outside {@code .git}, by relative path, its bytes as ISO-8859-1 text. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith(".git/")) {
                    out.put(path, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    /** The work tree is as checked out: {@code git status} clean and every file byte-identical. */
    static void assertUntouched(Git git, Map<String, String> checkedOut) throws Exception {
        Status status = git.status().call();
        assertThat(status.isClean()).as("git status: changed %s, untracked %s",
                status.getUncommittedChanges(), status.getUntracked()).isTrue();
        assertThat(snapshot(git.getRepository().getWorkTree().toPath())).isEqualTo(checkedOut);
    }

    /** An API URL nothing listens on: a port bound and released again. */
    static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void firstRunOpensOnePullRequestAndLaterRunsUpdateThenCloseIt() throws IOException {
        project(dir, false);
        String before = read(dir, "requirements.txt");
        index.publish("attrs", "23.2.0", r -> r.projectUrl("Changelog", "https://example.org/attrs/changes"));

        Result first = update("--label", "dependencies");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("created #1");
        FakePullRequest pr = onlyPullRequest();
        assertThat(pr.title()).isEqualTo("Update Python lockfiles (1 package)");
        assertThat(pr.headRef()).isEqualTo(BRANCH);
        assertThat(pr.labels()).containsExactly("dependencies");
        assertThat(pr.body())
                .startsWith("<!-- relock:update -->")
                .contains("for Python 3.12.1 on")
                .contains("| Package | Change | From → To | Type |")
                .contains("| [attrs](https://pypi.org/project/attrs/23.2.0/) | upgraded | `23.1.0` → `23.2.0` | minor |")
                .contains("attrs 23.2.0: [Changelog](https://example.org/attrs/changes)")
                .contains("relock update --dry-run")
                .doesNotContain("idna");
        String locked = onBranch("requirements.txt");
        assertThat(pin(locked, "attrs")).isEqualTo("attrs==23.2.0");
        assertThat(locked).contains("--hash=sha256:");
        assertThat(read(dir, "requirements.txt")).as("the checkout is never rewritten").isEqualTo(before);
        assertThat(repo.branchSha("main")).isPresent();

        // a week later, the checkout of main as before: newer releases are out
        index.publish("idna", "3.7", r -> { });
        Result second = update();

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("updated #1");
        pr = onlyPullRequest();
        assertThat(pr.isOpen()).isTrue();
        assertThat(pr.title()).isEqualTo("Update Python lockfiles (2 packages)");
        assertThat(pr.body()).contains("| [idna](https://pypi.org/project/idna/3.7/) | upgraded | `3.6` → `3.7` | minor |");
        assertThat(pin(onBranch("requirements.txt"), "idna")).isEqualTo("idna==3.7");

        // the change was merged: the checkout is up to date, nothing is left to do
        write(dir, "requirements.txt", onBranch("requirements.txt"));
        Result third = update();

        assertThat(third.status()).as(third.err()).isZero();
        assertThat(third.out()).startsWith("closed #1");
        pr = onlyPullRequest();
        assertThat(pr.isOpen()).isFalse();
        assertThat(repo.comments(1)).singleElement().extracting(FakeComment::body).asString()
                .contains("nothing is left to update");
        assertThat(repo.branchSha(BRANCH)).isEmpty();

        Result fourth = update();
        assertThat(fourth.out()).startsWith("none");
        assertThat(repo.pullRequests()).hasSize(1);
    }

    @Test
    void layeredFilesCompileInDependencyOrderAndStayConsistent() throws Exception {
        project(dir, true);
        index.publish("attrs", "23.2.0", r -> { });
        try (Git git = checkout(dir)) {
            Map<String, String> checkedOut = snapshot(dir);

            Result run = update("--lockfile", "requirements-dev.in:requirements-dev.txt",
                    "--lockfile", "requirements.in:requirements.txt");

            assertThat(run.status()).as(run.err()).isZero();
            // the dev file saw the main file's new pins only through the overlay: the disk kept the old ones
            assertUntouched(git, checkedOut);
            String main = onBranch("requirements.txt");
            String dev = onBranch("requirements-dev.txt");
            assertThat(pin(main, "attrs")).isEqualTo("attrs==23.2.0");
            assertThat(pin(dev, "attrs")).isEqualTo(pin(main, "attrs"));
            assertThat(pin(dev, "pluggy")).isEqualTo("pluggy==1.4.0");
            assertThat(onlyPullRequest().body()).contains("### `requirements.txt`")
                    .contains("### `requirements-dev.txt`");
        }
    }

    @Test
    void aLayeredDryRunPlansTheDevFileAgainstTheNewMainPinsAndTouchesNothing() throws Exception {
        project(dir, true);
        index.publish("attrs", "23.2.0", r -> { });
        try (Git git = checkout(dir)) {
            Map<String, String> checkedOut = snapshot(dir);

            Result run = update("--dry-run");

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("requirements.txt:\n  attrs upgraded 23.1.0 → 23.2.0")
                    .contains("requirements-dev.txt:\n  attrs upgraded 23.1.0 → 23.2.0");
            assertUntouched(git, checkedOut);
        }
    }

    static Stream<Arguments> commitFaults() {
        return Stream.of(
                Arguments.of("the commit", Fault.serverError("POST", "/repos/acme/app/git/commits")),
                Arguments.of("the branch move", Fault.serverError("PATCH", "/repos/acme/app/git/refs/heads/.*")));
    }

    /**
     * The bug this guards against: a run whose commit failed used to leave the new lockfiles in the
     * work tree, so the next run found "nothing to update" and closed the pull request and deleted
     * its branch while the base still pinned the old versions.
     */
    @ParameterizedTest(name = "a 500 on {0}")
    @MethodSource("commitFaults")
    void aFailedCommitLeavesTheCheckoutAsItWasAndTheNextRunUpdatesTheSamePullRequest(String step, Fault fault)
            throws Exception {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        try (Git git = checkout(dir)) {
            Map<String, String> checkedOut = snapshot(dir);

            Result first = update();

            assertThat(first.status()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("created #1");
            assertUntouched(git, checkedOut);
            String firstHead = repo.branchSha(BRANCH).orElseThrow();

            index.publish("idna", "3.7", r -> { });
            fake.inject(fault);
            Result failed = update();

            assertThat(failed.status()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.HOSTING);
            assertThat(failed.err()).contains("500");
            assertUntouched(git, checkedOut);
            assertThat(repo.branchSha(BRANCH)).contains(firstHead);
            assertThat(onlyPullRequest().isOpen()).isTrue();

            Result healthy = update();

            assertThat(healthy.status()).as(healthy.err()).isZero();
            assertThat(healthy.out()).startsWith("updated #1");
            assertUntouched(git, checkedOut);
            FakePullRequest pr = onlyPullRequest();
            assertThat(pr.number()).isEqualTo(1);
            assertThat(pr.isOpen()).isTrue();
            assertThat(pr.title()).isEqualTo("Update Python lockfiles (2 packages)");
            assertThat(repo.branchSha(BRANCH)).isPresent().get().isNotEqualTo(firstHead);
            assertThat(repo.comments(1)).isEmpty();
            String locked = onBranch("requirements.txt");
            assertThat(pin(locked, "attrs")).isEqualTo("attrs==23.2.0");
            assertThat(pin(locked, "idna")).isEqualTo("idna==3.7");
            assertThat(fake.requests("DELETE", "/repos/acme/app/git/refs/heads/" + BRANCH)).isEmpty();
        }
    }

    @Test
    void anUnreachableApiFailsAndLeavesTheCheckoutAsItWas() throws Exception {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        try (Git git = checkout(dir)) {
            Map<String, String> checkedOut = snapshot(dir);

            String api = closedPortUrl();
            Result run = update("--api-url", api);

            assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ExitCodes.HOSTING);
            assertThat(run.err()).contains(api).doesNotContain(TOKEN);
            assertUntouched(git, checkedOut);
            assertThat(repo.pullRequests()).isEmpty();
        }
    }

    @Test
    void aPersonsCommitOnTheBranchIsNeverForcePushedAway() throws IOException {
        project(dir, false);
        String before = read(dir, "requirements.txt");
        index.publish("attrs", "23.2.0", r -> { });
        assertThat(update().status()).isZero();
        String human = repo.commit(BRANCH, alice, "Keep attrs back", Map.of("requirements.txt", before));
        index.publish("idna", "3.7", r -> { });

        Result run = update();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("none #1");
        assertThat(repo.branchSha(BRANCH)).contains(human);
        assertThat(repo.comments(1)).singleElement().extracting(FakeComment::body).asString()
                .contains("alice").contains("never force-pushes");
        assertThat(update().status()).isZero();
        assertThat(repo.comments(1)).hasSize(1);
    }

    @Test
    void aRacingRunsPullRequestIsFoundAndUpdatedInsteadOfDuplicated() throws IOException {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        fake.raceNextPullRequest("acme", "app", "alice");

        Result run = update();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("updated #1");
        FakePullRequest pr = onlyPullRequest();
        assertThat(pr.author()).isEqualTo("alice");
        assertThat(pr.body()).contains("<!-- relock:update -->");
    }

    @Test
    void aSecondaryRateLimitIsWaitedOut() throws IOException {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        fake.inject(Fault.secondaryRateLimit("POST", "/repos/acme/app/pulls"));

        Result run = update();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(onlyPullRequest().isOpen()).isTrue();
        assertThat(fake.requests("POST", "/repos/acme/app/pulls")).hasSize(2);
    }

    @Test
    void aBadTokenAndAReadOnlyTokenFailWithExitFiveNamingTheFix() throws IOException {
        project(dir, false);
        String before = read(dir, "requirements.txt");
        index.publish("attrs", "23.2.0", r -> { });

        Result bad = update(env(dir, "ghs_notARealToken"));
        assertThat(read(dir, "requirements.txt")).isEqualTo(before);
        Result readOnly = update(env(dir, "ghs_readonly"));

        assertThat(bad.status()).isEqualTo(ExitCodes.HOSTING);
        assertThat(bad.err()).contains("rejected the token in $GITHUB_TOKEN").doesNotContain("ghs_notARealToken");
        assertThat(readOnly.status()).isEqualTo(ExitCodes.HOSTING);
        assertThat(readOnly.err()).contains("contents: write").contains("pull-requests: write")
                .doesNotContain("ghs_readonly");
        assertThat(bad.out() + readOnly.out()).doesNotContain("ghs_");
        assertThat(repo.pullRequests()).isEmpty();
    }

    @Test
    void aDryRunPrintsThePlanAndTouchesNothing() throws Exception {
        project(dir, false);
        String before = read(dir, "requirements.txt");
        index.publish("attrs", "23.2.0", r -> { });
        fake.clearRequests();
        try (Git git = checkout(dir)) {
            Map<String, String> checkedOut = snapshot(dir);

            Result run = update("--dry-run");

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Dry run: nothing written, nothing pushed.\nrequirements.txt:\n")
                    .contains("attrs upgraded 23.1.0 → 23.2.0")
                    .contains("Pull request: Update Python lockfiles (1 package)")
                    .contains("| [attrs](https://pypi.org/project/attrs/23.2.0/) | upgraded |");
            assertThat(fake.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
            assertThat(fake.requests()).isEmpty();
            assertThat(read(dir, "requirements.txt")).isEqualTo(before);
            assertUntouched(git, checkedOut);
        }
    }

    @Test
    void enterpriseServerUnderApiV3() throws IOException {
        fake.close();
        startGitHub(FakeGitHub.builder().enterprise("3.14.0").start());
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });

        Result run = update();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(fake.apiUrl()).endsWith("/api/v3");
        assertThat(onlyPullRequest().isOpen()).isTrue();
    }

    @Test
    void commitViaGitPushesThroughSmartHttpAndLeavesNoTokenInTheClone() throws Exception {
        Path seed = Files.createDirectory(scratch.resolve("seed"));
        project(seed, false);
        Path clone = scratch.resolve("clone");
        Git.cloneRepository().setURI(fake.gitUrl("acme", "app")).setDirectory(clone.toFile()).call().close();
        index.publish("attrs", "23.2.0", r -> { });

        Result run = update(env(clone, TOKEN), "--commit-via", "git");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(pin(onBranch("requirements.txt"), "attrs")).isEqualTo("attrs==23.2.0");
        assertThat(fake.requests()).extracting(RecordedRequest::path).anyMatch(p -> p.endsWith("git-receive-pack"));
        assertThat(fake.requests("POST", "/repos/acme/app/git/commits")).isEmpty();
        assertThat(read(clone.resolve(".git"), "config")).doesNotContain(TOKEN);
        assertThat(onlyPullRequest().isOpen()).isTrue();
        try (Git git = Git.open(clone.toFile())) {
            assertThat(git.status().call().isClean()).as("the clone's work tree is left alone").isTrue();
        }
    }

    @Test
    void inGitHubActionsItSetsStepOutputsAndAJobSummary() throws IOException {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        Path outputs = scratch.resolve("outputs.txt");
        Path summary = scratch.resolve("summary.md");
        Map<String, String> env = env(dir, TOKEN);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());

        Result run = update(env);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("::add-mask::" + TOKEN);
        assertThat(run.out().replace("::add-mask::" + TOKEN, "")).doesNotContain(TOKEN);
        assertThat(run.err()).doesNotContain(TOKEN);
        String written = read(outputs.getParent(), "outputs.txt");
        assertThat(outputs(written)).containsEntry("operation", "created")
                .containsEntry("pull-request-number", "1")
                .containsEntry("changed-packages", "1")
                .hasEntrySatisfying("pull-request-url", url -> assertThat(url).endsWith("/acme/app/pull/1"));
        assertThat(read(summary.getParent(), "summary.md")).contains("| created | [#1](")
                .contains("requirements.txt: attrs upgraded 23.1.0 → 23.2.0");
    }

    /**
     * The CLI binary itself, in its own JVM, started the way the container action starts it: only
     * the runner's variables (GITHUB_*, INPUT_* with the token as an input), exit status from
     * System.exit, outputs through the GITHUB_OUTPUT file.
     */
    @Test
    void theCliBinaryRunsAsTheActionWithOnlyTheRunnersEnvironment() throws Exception {
        project(dir, false);
        index.publish("attrs", "23.2.0", r -> { });
        Path outputs = scratch.resolve("outputs.txt");
        Path summary = scratch.resolve("summary.md");
        Files.createFile(outputs);

        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.relock.cli.Main", "action");
        pb.directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", scratch.toString());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.put("GITHUB_API_URL", fake.apiUrl());
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("RELOCK_CACHE_DIR", scratch.resolve("cache").toString());
        for (String input : ActionInputs.INPUTS) {
            env.put("INPUT_" + input.toUpperCase(java.util.Locale.ROOT), "");
        }
        env.put("INPUT_COMMAND", "update");
        env.put("INPUT_TOKEN", TOKEN);
        env.put("INPUT_LABELS", "dependencies");
        env.put("INPUT_DRAFT", "false");
        pb.redirectOutput(scratch.resolve("stdout.txt").toFile());
        pb.redirectError(scratch.resolve("stderr.txt").toFile());

        Process process = pb.start();
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("finished in time").isTrue();
        String stdout = read(scratch, "stdout.txt");
        String stderr = read(scratch, "stderr.txt");

        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(outputs(read(scratch, "outputs.txt"))).containsEntry("operation", "created")
                .containsEntry("pull-request-number", "1");
        assertThat(onlyPullRequest().labels()).contains("dependencies");
        assertThat(pin(onBranch("requirements.txt"), "attrs")).isEqualTo("attrs==23.2.0");
        assertThat(stdout).startsWith("::add-mask::" + TOKEN);
        assertThat(stdout.replace("::add-mask::" + TOKEN, "") + stderr + read(scratch, "summary.md"))
                .doesNotContain(TOKEN);
    }

    /** Parses {@code name<<DELIM ... DELIM} blocks of a GITHUB_OUTPUT file. */
    static Map<String, String> outputs(String text) {
        Map<String, String> out = new HashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int sep = lines.get(i).indexOf("<<");
            String name = lines.get(i).substring(0, sep);
            String delimiter = lines.get(i).substring(sep + 2);
            StringBuilder value = new StringBuilder();
            while (!lines.get(++i).equals(delimiter)) {
                value.append(value.isEmpty() ? "" : "\n").append(lines.get(i));
            }
            out.put(name, value.toString());
        }
        return out;
    }
}
