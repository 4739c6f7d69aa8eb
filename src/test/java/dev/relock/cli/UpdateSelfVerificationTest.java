package dev.relock.cli;

import static dev.relock.cli.UpdateCommandTest.read;
import static dev.relock.cli.UpdateCommandTest.relock;
import static dev.relock.cli.UpdateCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakePullRequest;
import dev.relock.testing.github.FakeRepository;
import dev.relock.testing.github.FakeStatus;
import dev.relock.testing.index.Fault;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relock update} verifies its own result before it pushes (issue 15 item 4): the checklist
 * in the pull request body, the {@code relock/verify} commit status on the head commit, and a
 * failed self-verification that pushes nothing. Through the CLI, a {@link LocalIndexServer} and
 * {@link FakeGitHub}.
 */
class UpdateSelfVerificationTest {
    static final String TOKEN = "ghs_selfVerifyBot77";

    @TempDir Path dir;
    @TempDir Path scratch;
    LocalIndexServer index;
    FakeGitHub fake;
    FakeRepository repo;

    @BeforeEach
    void start() throws IOException {
        index = LocalIndexServer.start(Scenario.builder()
                .project("attrs", p -> p.release("23.1.0"))
                .project("idna", p -> p.release("3.6"))
                .build());
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write", "statuses:write");
        fake.addToken("ghs_noStatuses", "relock[bot]", "contents:write", "pull-requests:write");
        repo = fake.createRepository("acme", "app");
        write(dir, ".python-version", "3.12.1\n");
        write(dir, "requirements.in", "attrs\nidna\n");
        assertThat(relock(dir, Map.of(), "compile", "--generate-hashes", "requirements.in", "-i",
                index.simpleUrl().toString(), "--no-cache").status()).isZero();
        repo.commit("main", fake.user("acme").orElseThrow(), "Add lockfiles", Map.of(".python-version", "3.12.1\n",
                "requirements.in", "attrs\nidna\n", "requirements.txt", read(dir, "requirements.txt")));
    }

    @AfterEach
    void stop() {
        index.close();
        fake.close();
    }

    Result update(String token, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.put("GITHUB_API_URL", fake.apiUrl());
        env.put("GITHUB_TOKEN", token);
        env.put("GITHUB_SERVER_URL", "https://github.example");
        env.put("GITHUB_RUN_ID", "4242");
        List<String> all = new ArrayList<>(List.of("update", "--no-cache"));
        all.addAll(List.of(args));
        return relock(scratch, env, all.toArray(String[]::new));
    }

    @Test
    void theBodyCarriesTheChecklistAndTheHeadCommitGetsTheRelockVerifyStatus() throws Exception {
        index.publish("attrs", "23.2.0", r -> { });

        Result run = update(TOKEN);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(repo.pullRequests()).hasSize(1);
        FakePullRequest pr = repo.pullRequests().get(0);
        assertThat(pr.body()).contains("### Verified before pushing")
                .contains("- [x] hashes match the index")
                .contains("- [x] pins answer the `.in` files and a fresh resolution picks the same (`fresh --strict`)")
                .contains("- [x] one exact Python: `.python-version`, lockfile headers, Docker and CI agree")
                .doesNotContain("- [ ]");
        assertThat(repo.statuses(pr.headSha())).singleElement().satisfies(status -> {
            assertThat(status.context()).isEqualTo("relock/verify");
            assertThat(status.state()).isEqualTo("success");
            assertThat(status.description()).hasValueSatisfying(d -> assertThat(d).contains("3 of 3 checks passed"));
            assertThat(status.targetUrl()).contains("https://github.example/acme/app/actions/runs/4242");
            assertThat(status.creator()).isEqualTo("relock[bot]");
        });
        // what branch protection reads: the combined status of the pull request's head
        HttpResponse<String> combined = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fake.apiUrl() + "/repos/acme/app/commits/" + pr.headSha() + "/status"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(combined.statusCode()).isEqualTo(200);
        assertThat(combined.body()).contains("\"state\":\"success\"").contains("\"context\":\"relock/verify\"");
    }

    @Test
    void anIndexServingOtherHashesThanAtCompileTimeBlocksThePush() throws Exception {
        index.publish("attrs", "23.2.0", r -> { });
        // the compile reads the page first and locks the hashes it advertises; the self-verification
        // reads it again and sees the files' true hashes
        index.injectFault("/simple/attrs/", Fault.wrongFileHash(), 1);

        Result run = update(TOKEN);

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).contains("self-verification of the updated lockfiles failed")
                .contains("[ ] hashes match the index")
                .contains("requirements.txt:")
                .contains("possible tampering: attrs hash sha256:")
                .contains("nothing was pushed and no pull request was changed")
                .doesNotContain("Exception");
        assertThat(repo.branchSha("relock/update")).isEmpty();
        assertThat(repo.pullRequests()).isEmpty();
        assertThat(fake.requests().stream().filter(r -> !r.method().equals("GET"))).isEmpty();
    }

    @Test
    void aFailureOnTheSecondRunLeavesTheOpenPullRequestAsItWas() throws Exception {
        index.publish("attrs", "23.2.0", r -> { });
        assertThat(update(TOKEN).status()).isZero();
        FakePullRequest before = repo.pullRequests().get(0);
        index.publish("idna", "3.7", r -> { });
        index.injectFault("/simple/idna/", Fault.wrongFileHash(), 1);
        fake.clearRequests();

        Result run = update(TOKEN);

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).contains("possible tampering: idna hash");
        assertThat(repo.pullRequests()).containsExactly(before);
        assertThat(fake.requests().stream().filter(r -> !r.method().equals("GET"))).isEmpty();
    }

    @Test
    void aTokenWithoutTheStatusesPermissionStillUpdatesAndSaysWhatToGrant() {
        index.publish("attrs", "23.2.0", r -> { });

        Result run = update("ghs_noStatuses");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(repo.pullRequests()).hasSize(1);
        assertThat(run.err()).contains("the commit status relock/verify was not set")
                .contains("statuses: write");
        assertThat(repo.statuses(repo.pullRequests().get(0).headSha())).isEmpty();
    }

    @Test
    void aDryRunShowsTheChecklist() {
        index.publish("attrs", "23.2.0", r -> { });

        Result run = update(TOKEN, "--dry-run");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("### Verified before pushing").contains("- [x] hashes match the index");
        assertThat(Optional.of(fake.requests())).hasValueSatisfying(r -> assertThat(r).isEmpty());
    }
}
