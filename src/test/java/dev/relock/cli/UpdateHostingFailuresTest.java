package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakeRepository;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relock update} against a GitHub that cannot be reached or answers with fields missing:
 * always a one-line exit 5, never an internal error, and no library log lines (issue 14, items 8e-8g).
 */
class UpdateHostingFailuresTest {
    static final String TOKEN = "ghs_hostingFailures42";

    @TempDir Path dir;
    @TempDir Path scratch;
    LocalIndexServer index;
    FakeGitHub fake;
    FakeRepository repo;
    final List<LogRecord> rootLog = new ArrayList<>();
    final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (rootLog) {
                rootLog.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void start() throws IOException {
        index = LocalIndexServer.start(Scenario.builder()
                .project("attrs", p -> p.release("23.1.0"))
                .build());
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write");
        repo = fake.createRepository("acme", "app");
        UpdateCommandTest.write(dir, ".python-version", "3.12.1\n");
        UpdateCommandTest.write(dir, "requirements.in", "attrs\n");
        assertThat(UpdateCommandTest.relock(dir, Map.of(), "compile", "--generate-hashes", "requirements.in", "-i",
                index.simpleUrl().toString(), "--no-cache").status()).isZero();
        repo.commit("main", fake.user("acme").orElseThrow(), "Add lockfiles", Map.of(
                ".python-version", "3.12.1\n", "requirements.in", "attrs\n",
                "requirements.txt", UpdateCommandTest.read(dir, "requirements.txt")));
        index.publish("attrs", "23.2.0", r -> { });
        Logger.getLogger("").addHandler(recorder);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(recorder);
        index.close();
        fake.close();
    }

    Map<String, String> env(Path workspace, String api) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_API_URL", api);
        env.put("GITHUB_TOKEN", TOKEN);
        return env;
    }

    Result update(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("update", "--no-cache"));
        all.addAll(List.of(args));
        return UpdateCommandTest.relock(scratch, env, all.toArray(String[]::new));
    }

    List<String> libraryLogLines() {
        synchronized (rootLog) {
            return rootLog.stream().filter(r -> String.valueOf(r.getLoggerName()).startsWith("org.kohsuke"))
                    .map(r -> r.getLevel() + " " + r.getMessage()).toList();
        }
    }

    static void assertOneLineHostingError(Result run) {
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ExitCodes.HOSTING);
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("NullPointerException")
                .doesNotContain("\tat ").doesNotContain(TOKEN);
        assertThat(run.err().lines().filter(l -> l.startsWith("relock: error: "))).hasSize(1);
    }

    @Test
    void anUnreachableApiSaysSoWithTheCauseAndNoLibraryLogLines() throws IOException {
        String api = UpdateCommandTest.closedPortUrl();

        Result run = update(env(dir, api));

        assertOneLineHostingError(run);
        assertThat(run.err()).contains("relock: error: cannot reach GitHub at " + api)
                .doesNotContain(" -1 ").doesNotContain("Server returned HTTP response code");
        assertThat(libraryLogLines()).isEmpty();
    }

    @Test
    void aRepositoryAnswerWithoutCloneUrlIsAClearErrorForCommitViaGit() throws Exception {
        Path clone = scratch.resolve("clone");
        Git.cloneRepository().setURI(fake.gitUrl("acme", "app")).setDirectory(clone.toFile()).call().close();
        fake.dropFields("GET", "/repos/acme/app", "clone_url");

        Result run = update(env(clone, fake.apiUrl()), "--commit-via", "git");

        assertOneLineHostingError(run);
        assertThat(run.err()).contains("relock: error: GitHub's response to GET /repos/acme/app has no clone_url");
        assertThat(repo.pullRequests()).isEmpty();
    }

    @Test
    void aRepositoryAnswerWithoutCloneUrlDoesNotMatterForCommitViaApi() {
        fake.dropFields("GET", "/repos/acme/app", "clone_url");

        Result run = update(env(dir, fake.apiUrl()));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(repo.pullRequests()).hasSize(1);
    }

    @Test
    void aRepositoryAnswerWithoutDefaultBranchNeedsBaseAndWorksWithIt() {
        fake.dropFields("GET", "/repos/acme/app", "default_branch");

        Result without = update(env(dir, fake.apiUrl()));

        assertOneLineHostingError(without);
        assertThat(without.err()).contains("GitHub's response to GET /repos/acme/app has no default_branch")
                .contains("--base");
        assertThat(repo.pullRequests()).isEmpty();

        Result with = update(env(dir, fake.apiUrl()), "--base", "main");

        assertThat(with.status()).as(with.err()).isZero();
        assertThat(repo.pullRequests()).hasSize(1);
    }

    @Test
    void answersWithoutFieldsTheLibraryNeedsAreAClearErrorNotAnInternalOne() {
        fake.dropFields("GET", "/repos/acme/app", "owner");
        fake.dropFields("GET", "/repos/acme/app/pulls", "head", "base", "html_url");

        Result run = update(env(dir, fake.apiUrl()));

        assertThat(run.status()).as(run.out() + run.err()).isIn(ExitCodes.OK, ExitCodes.HOSTING);
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("NullPointerException:");
    }
}
