package dev.relock.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.testing.github.FakeComment;
import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakeRepository;
import dev.relock.testing.github.FakeUser;
import dev.relock.testing.github.Fault;
import dev.relock.testing.github.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitHubPlatformTest {
    static final String TOKEN = "ghs_secretBotToken123";
    static final String BRANCH = "relock/update";
    static final Identity BOT = new Identity("relock[bot]", "bot@relock.test");

    FakeGitHub fake;
    FakeRepository repo;
    FakeUser alice;
    List<Duration> sleeps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        alice = fake.addUser("alice", "Alice", "alice@example.com");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write");
        fake.addToken("ghs_readonly", "relock[bot]", "contents:read", "pull-requests:read");
        repo = fake.createRepository("acme", "app");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    GitHubPlatform platform(FakeGitHub hub, String token) {
        RateLimitPolicy policy = new RateLimitPolicy(2, Duration.ofMinutes(2), sleeps::add);
        return GitHubPlatform.connect(
                new GitHubPlatform.Settings(hub.apiUrl(), token, "GITHUB_TOKEN", "acme/app", policy), warnings::add);
    }

    String commitOnBranch(GitHubPlatform p, String content) {
        String main = p.branchHead("main").orElseThrow();
        return p.commitFiles(new CommitRequest(BRANCH, "main", main, "Update lockfiles", BOT,
                List.of(FileChange.text("requirements.txt", content))));
    }

    @Test
    void commitFilesCreatesTheBranchAndThenForceMovesIt() {
        GitHubPlatform p = platform(fake, TOKEN);

        String first = commitOnBranch(p, "a==1\n");
        String second = commitOnBranch(p, "a==2\n");

        assertThat(repo.branchSha(BRANCH)).contains(second);
        assertThat(second).isNotEqualTo(first);
        assertThat(p.branchCommits("main", BRANCH)).singleElement().satisfies(c -> {
            assertThat(c.sha()).isEqualTo(second);
            assertThat(c.isBy(BOT, java.util.Optional.empty())).isTrue();
        });
    }

    @Test
    void aPersonsCommitIsAttributedToThem() {
        GitHubPlatform p = platform(fake, TOKEN);
        commitOnBranch(p, "a==1\n");
        repo.commit(BRANCH, alice, "Pin by hand", Map.of("requirements.txt", "a==0.9\n"));

        List<CommitInfo> commits = p.branchCommits("main", BRANCH);

        assertThat(commits).hasSize(2);
        assertThat(commits.get(0).authorLogin()).contains("alice");
        assertThat(commits.get(0).isBy(BOT, p.authenticatedLogin())).isFalse();
        assertThat(commits.get(1).isBy(BOT, p.authenticatedLogin())).isTrue();
    }

    @Test
    void pullRequestVerbsAreIdempotent() {
        GitHubPlatform p = platform(fake, TOKEN);
        commitOnBranch(p, "a==1\n");
        PullRequestSpec spec = new PullRequestSpec("Update", "Body", false, List.of("dependencies"),
                List.of("alice"), List.of(), List.of("alice"));

        PullRequest pr = p.createPr(BRANCH, "main", spec);
        p.updatePr(pr.number(), new PullRequestSpec("Update (2)", "Body 2", false, List.of("dependencies", "python"),
                List.of(), List.of(), List.of()));
        p.updatePr(pr.number(), new PullRequestSpec("Update (2)", "Body 2", false, List.of("dependencies", "python"),
                List.of(), List.of(), List.of()));
        p.ensureComment(pr.number(), "<!-- m -->", "<!-- m -->\nfirst");
        p.ensureComment(pr.number(), "<!-- m -->", "<!-- m -->\nfirst");
        p.ensureComment(pr.number(), "<!-- m -->", "<!-- m -->\nsecond");

        var state = repo.pullRequest(pr.number()).orElseThrow();
        assertThat(state.title()).isEqualTo("Update (2)");
        assertThat(state.body()).isEqualTo("Body 2");
        assertThat(state.labels()).containsExactly("dependencies", "python");
        assertThat(state.requestedReviewers()).containsExactly("alice");
        assertThat(state.assignees()).containsExactly("alice");
        assertThat(repo.comments(pr.number())).extracting(FakeComment::body).containsExactly("<!-- m -->\nsecond");
        assertThat(p.findPr(BRANCH, "main")).map(PullRequest::number).contains(pr.number());
        assertThat(p.findPr("relock", "main")).isEmpty();

        p.closePr(pr.number());
        p.closePr(pr.number());
        p.deleteBranch(BRANCH);
        p.deleteBranch(BRANCH);
        assertThat(repo.pullRequest(pr.number()).orElseThrow().isOpen()).isFalse();
        assertThat(p.branchHead(BRANCH)).isEmpty();
        assertThat(p.findPr(BRANCH, "main")).isEmpty();
    }

    @Test
    void anUnknownReviewerIsAWarningNotAFailure() {
        GitHubPlatform p = platform(fake, TOKEN);
        commitOnBranch(p, "a==1\n");

        PullRequest pr = p.createPr(BRANCH, "main", new PullRequestSpec("Update", "", false, List.of(),
                List.of("nobody-here"), List.of(), List.of()));

        assertThat(repo.pullRequest(pr.number())).isPresent();
        assertThat(warnings).singleElement().asString().contains("could not request reviews");
    }

    @Test
    void aRacingPullRequestIsReportedAsAlreadyExisting() {
        GitHubPlatform p = platform(fake, TOKEN);
        commitOnBranch(p, "a==1\n");
        fake.raceNextPullRequest("acme", "app", "alice");

        assertThatThrownBy(() -> p.createPr(BRANCH, "main", PullRequestSpec.of("Update", "")))
                .isInstanceOf(PullRequestExistsException.class);
        assertThat(p.findPr(BRANCH, "main")).isPresent();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an unknown token", "ghs_wrong_but_secret", 401, "rejected the token in GITHUB_TOKEN"),
                Arguments.of("a read-only token", "ghs_readonly", 403, "contents: write, pull-requests: write"));
    }

    @ParameterizedTest(name = "{0} fails with {2} and a message saying what to fix")
    @MethodSource("refusals")
    void refusalsNameTheFixAndNeverTheToken(String who, String token, int status, String hint) {
        GitHubPlatform p = platform(fake, token);

        assertThatThrownBy(() -> commitOnBranch(p, "a==1\n"))
                .isInstanceOfSatisfying(HostingException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(hint).doesNotContain(token);
                });
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutWithinBounds() {
        GitHubPlatform p = platform(fake, TOKEN);
        fake.inject(Fault.secondaryRateLimit("GET", "/repos/acme/app"));

        assertThat(p.repository().defaultBranch()).contains("main");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aSecondaryRateLimitThatPersistsFailsWithAClearMessage() {
        GitHubPlatform p = platform(fake, TOKEN);
        fake.inject(Fault.secondaryRateLimit("GET", "/repos/acme/app").times(10));

        assertThatThrownBy(p::repository)
                .isInstanceOfSatisfying(HostingException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("rate limit");
        assertThat(sleeps).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aServerErrorOnAReadIsRetried() {
        GitHubPlatform p = platform(fake, TOKEN);
        fake.inject(Fault.badGateway("GET", "/repos/acme/app/git/refs/heads/main"));

        assertThat(p.branchHead("main")).isPresent();
    }

    @Test
    void aServerErrorOnAWriteFailsAndTheRetryConverges() {
        GitHubPlatform p = platform(fake, TOKEN);
        commitOnBranch(p, "a==1\n");
        fake.inject(Fault.serverError("POST", "/repos/acme/app/pulls"));

        assertThatThrownBy(() -> p.createPr(BRANCH, "main", PullRequestSpec.of("Update", "")))
                .isInstanceOfSatisfying(HostingException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("run again");
        assertThat(repo.pullRequests()).isEmpty();
        p.createPr(BRANCH, "main", PullRequestSpec.of("Update", ""));
        assertThat(repo.pullRequests()).hasSize(1);
    }

    @Test
    void enterpriseServerIsReachedUnderApiV3() {
        try (FakeGitHub ghes = FakeGitHub.builder().enterprise("3.14.0").start()) {
            ghes.addBot("relock[bot]");
            ghes.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write");
            ghes.createRepository("acme", "app");
            GitHubPlatform p = platform(ghes, TOKEN);

            commitOnBranch(p, "a==1\n");
            PullRequest pr = p.createPr(BRANCH, "main", PullRequestSpec.of("Update", ""));

            assertThat(ghes.apiUrl()).endsWith("/api/v3");
            assertThat(pr.number()).isEqualTo(1);
            assertThat(ghes.requests()).extracting(RecordedRequest::path).contains("/repos/acme/app/pulls");
        }
    }
}
