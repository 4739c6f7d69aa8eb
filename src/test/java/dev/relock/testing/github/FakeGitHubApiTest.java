package dev.relock.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

/** Drives {@link FakeGitHub} through github-api itself, as relock's update command will. */
class FakeGitHubApiTest {
    static final String BOT_TOKEN = "ghs_bot";
    static final String BRANCH = "relock/update";

    FakeGitHub fake;
    FakeRepository repo;
    FakeUser alice;
    GitHub gh;

    @BeforeEach
    void start() throws IOException {
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        alice = fake.addUser("alice", "Alice Liddell", "alice@example.com");
        fake.addUser("bob");
        fake.addToken(BOT_TOKEN, "relock[bot]", "contents:write", "pull-requests:write", "issues:write");
        fake.addToken("ghs_readonly", "relock[bot]", "contents:read");
        repo = fake.createRepository("acme", "app");
        gh = GitHubClients.client(fake, BOT_TOKEN);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Writes lockfile content on a new commit on top of main and points {@link #BRANCH} at it. */
    String pushBotBranch(GHRepository r, String content) throws IOException {
        String main = r.getRef("heads/main").getObject().getSha();
        String blob = r.createBlob().textContent(content).create().getSha();
        GHTree tree = r.createTree().baseTree(r.getCommit(main).getTree().getSha())
                .shaEntry("requirements.txt", blob, false).create();
        GHCommit commit = r.createCommit().message("Update lockfile").tree(tree.getSha()).parent(main).create();
        r.createRef("refs/heads/" + BRANCH, commit.getSHA1());
        return commit.getSHA1();
    }

    @Test
    void repositoryReportsDefaultBranchVisibilityAndPushAccess() throws IOException {
        GHRepository r = gh.getRepository("acme/app");

        assertThat(r.getDefaultBranch()).isEqualTo("main");
        assertThat(r.isPrivate()).isFalse();
        assertThat(r.hasPushAccess()).isTrue();
        assertThat(r.getOwnerName()).isEqualTo("acme");
        assertThat(GitHubClients.client(fake, "ghs_readonly").getRepository("acme/app").hasPushAccess()).isFalse();
        assertThat(gh.getMyself().getLogin()).isEqualTo("relock[bot]");
    }

    @Test
    void gitDataWrittenThroughTheApiIsRealGitInTheBareRepository() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        String main = r.getBranch("main").getSHA1();
        String blob = r.createBlob().binaryContent("flask==3.0.0\n".getBytes(StandardCharsets.UTF_8)).create().getSha();
        GHTree tree = r.createTree().baseTree(r.getCommit(main).getTree().getSha())
                .shaEntry("locks/requirements.txt", blob, false)
                .add("bin/run", "#!/bin/sh\n", true)
                .delete("README.md")
                .create();
        Date when = new Date(1_700_000_000_000L);
        GHCommit commit = r.createCommit().message("Lock").tree(tree.getSha()).parent(main)
                .author("Relock", "bot@relock.dev", when).create();
        GHRef ref = r.createRef("refs/heads/" + BRANCH, commit.getSHA1());

        assertThat(ref.getObject().getSha()).isEqualTo(commit.getSHA1());
        assertThat(repo.branchSha(BRANCH)).contains(commit.getSHA1());
        Repository git = repo.git();
        try (RevWalk walk = new RevWalk(git)) {
            RevCommit stored = walk.parseCommit(ObjectId.fromString(commit.getSHA1()));
            assertThat(stored.getFullMessage()).isEqualTo("Lock");
            assertThat(stored.getAuthorIdent().getEmailAddress()).isEqualTo("bot@relock.dev");
            assertThat(stored.getAuthorIdent().getWhenAsInstant()).isEqualTo(when.toInstant());
            assertThat(stored.getParent(0).name()).isEqualTo(main);
            try (TreeWalk files = TreeWalk.forPath(git, "locks/requirements.txt", stored.getTree())) {
                assertThat(new String(git.open(files.getObjectId(0)).getBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("flask==3.0.0\n");
            }
            try (TreeWalk files = TreeWalk.forPath(git, "bin/run", stored.getTree())) {
                assertThat(files.getFileMode(0).getBits()).isEqualTo(0100755);
            }
            assertThat(TreeWalk.forPath(git, "README.md", stored.getTree())).isNull();
        }
        assertThat(r.getTreeRecursive(tree.getSha(), 1).getTree())
                .extracting(e -> e.getPath()).containsExactly("bin", "bin/run", "locks", "locks/requirements.txt");
        assertThat(r.getFileContent("locks/requirements.txt", BRANCH).getContent()).isEqualTo("flask==3.0.0\n");
    }

    @Test
    void refUpdatesMustFastForwardUnlessForced() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        String main = r.getRef("heads/main").getObject().getSha();
        GHRef branch = r.getRef("heads/" + BRANCH);

        assertThatThrownBy(() -> branch.updateTo(main))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("Update is not a fast forward");
        branch.updateTo(main, true);

        assertThat(repo.branchSha(BRANCH)).contains(main);
    }

    @Test
    void refLookupsFollowGitHubsExactAndPrefixRules() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");

        assertThat(r.getRefs("heads")).extracting(GHRef::getRef)
                .containsExactly("refs/heads/main", "refs/heads/" + BRANCH);
        assertThatThrownBy(() -> r.getRef("heads/relock")).isInstanceOf(GHFileNotFoundException.class);
        assertThatThrownBy(() -> r.getRef("heads/nothing")).isInstanceOf(GHFileNotFoundException.class);
    }

    @Test
    void deletingARefThatDoesNotExistIs422() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        GHRef ref = r.getRef("heads/" + BRANCH);
        ref.delete();

        assertThat(repo.branchSha(BRANCH)).isEmpty();
        assertThatThrownBy(ref::delete)
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("Reference does not exist");
    }

    @Test
    void aPullRequestGoesThroughTheWholeBotLifecycle() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        String head = pushBotBranch(r, "a==1\n");

        GHPullRequest created = r.createPullRequest("Update lockfiles", BRANCH, "main", "Body v1");
        List<GHPullRequest> found = r.queryPullRequests().head("acme:" + BRANCH).base("main")
                .state(GHIssueState.OPEN).list().toList();
        assertThat(found).extracting(GHPullRequest::getNumber).containsExactly(created.getNumber());
        GHPullRequest pr = found.get(0);
        assertThat(pr.getHead().getSha()).isEqualTo(head);
        assertThat(pr.getHead().getRef()).isEqualTo(BRANCH);
        assertThat(pr.getBase().getRef()).isEqualTo("main");
        assertThat(pr.getUser().getLogin()).isEqualTo("relock[bot]");
        assertThat(pr.getHtmlUrl().toString()).endsWith("/acme/app/pull/1");

        pr.setTitle("Update lockfiles (2 packages)");
        pr.setBody("Body v2");
        List<GHLabel> labels = pr.addLabels("dependencies", "relock");
        pr.requestReviewers(List.of(gh.getUser("alice")));
        pr.addAssignees(gh.getUser("bob"));
        GHIssueComment comment = pr.comment("Recompiled.");

        FakePullRequest state = repo.pullRequest(pr.getNumber()).orElseThrow();
        assertThat(labels).extracting(GHLabel::getName).containsExactly("dependencies", "relock");
        assertThat(state.title()).isEqualTo("Update lockfiles (2 packages)");
        assertThat(state.body()).isEqualTo("Body v2");
        assertThat(state.labels()).containsExactly("dependencies", "relock");
        assertThat(state.requestedReviewers()).containsExactly("alice");
        assertThat(state.assignees()).containsExactly("bob");
        assertThat(repo.comments(pr.getNumber())).extracting(FakeComment::body).containsExactly("Recompiled.");
        assertThat(comment.getUser().getLogin()).isEqualTo("relock[bot]");
        GHPullRequest fetched = r.getPullRequest(pr.getNumber());
        assertThat(fetched.getRequestedReviewers()).extracting(GHUser::getLogin).containsExactly("alice");
        assertThat(fetched.getAssignees()).extracting(GHUser::getLogin).containsExactly("bob");
        assertThat(fetched.getLabels()).extracting(GHLabel::getName).containsExactly("dependencies", "relock");
        assertThat(fetched.listComments().toList()).extracting(GHIssueComment::getBody).containsExactly("Recompiled.");
        assertThat(fetched.listCommits().toList()).singleElement().satisfies(c -> assertThat(c.getSha()).isEqualTo(head));

        fetched.close();
        assertThat(repo.pullRequest(pr.getNumber()).orElseThrow().isOpen()).isFalse();
        assertThat(r.queryPullRequests().head("acme:" + BRANCH).state(GHIssueState.OPEN).list().toList()).isEmpty();
    }

    @Test
    void aSecondPullRequestForTheSameHeadIsRejectedWithGitHubsMessage() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        r.createPullRequest("Update lockfiles", BRANCH, "main", "");

        assertThatThrownBy(() -> r.createPullRequest("Again", BRANCH, "main", ""))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("Validation Failed")
                .hasMessageContaining("A pull request already exists for acme:relock/update.");
    }

    @Test
    void aPullRequestWithoutCommitsIsRejected() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        r.createRef("refs/heads/" + BRANCH, r.getBranch("main").getSHA1());

        assertThatThrownBy(() -> r.createPullRequest("Nothing", BRANCH, "main", ""))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("No commits between main and relock/update");
    }

    @Test
    void theRaceHookMakesTheNextCreateFindACompetingPullRequest() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        fake.raceNextPullRequest("acme", "app", "alice");

        assertThatThrownBy(() -> r.createPullRequest("Update", BRANCH, "main", ""))
                .hasMessageContaining("A pull request already exists for acme:relock/update.");
        assertThat(repo.pullRequests()).singleElement().satisfies(p -> assertThat(p.author()).isEqualTo("alice"));
        assertThat(r.queryPullRequests().head("acme:" + BRANCH).list().toList()).hasSize(1);
    }

    @Test
    void deletingTheHeadBranchClosesItsPullRequest() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        String head = pushBotBranch(r, "a==1\n");
        GHPullRequest pr = r.createPullRequest("Update", BRANCH, "main", "");

        r.getRef("heads/" + BRANCH).delete();

        FakePullRequest state = repo.pullRequest(pr.getNumber()).orElseThrow();
        assertThat(state.state()).isEqualTo("closed");
        assertThat(state.headSha()).isEqualTo(head);
    }

    @Test
    void commitsOfAPersonOnTheBotBranchAreAttributedToThem() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        repo.commit(BRANCH, alice, "Pin a by hand", Map.of("requirements.txt", "a==0.9\n"));

        List<GHCommit> commits = r.queryCommits().from(BRANCH).pageSize(2).list().toList();

        assertThat(commits).hasSize(3);
        assertThat(commits.get(0).getAuthor().getLogin()).isEqualTo("alice");
        assertThat(commits.get(0).getCommitShortInfo().getAuthor().getEmail()).isEqualTo("alice@example.com");
        assertThat(commits.get(1).getAuthor().getLogin()).isEqualTo("relock[bot]");
        assertThat(fake.requests("GET", "/repos/acme/app/commits")).hasSize(2);
    }

    @Test
    void compareCountsCommitsAndFilesBetweenBranches() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\nb==2\n");

        GHCompare compare = r.getCompare("main", BRANCH);

        assertThat(compare.getStatus()).isEqualTo(GHCompare.Status.ahead);
        assertThat(compare.getAheadBy()).isEqualTo(1);
        assertThat(compare.getBehindBy()).isZero();
        assertThat(compare.getFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileName()).isEqualTo("requirements.txt");
            assertThat(f.getLinesAdded()).isEqualTo(2);
        });
    }

    @Test
    void labelsAreCreatedOnceAndListedAcrossPages() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        for (int i = 0; i < 25; i++) {
            r.createLabel("label-" + i, "00ff00");
        }

        assertThatThrownBy(() -> r.createLabel("LABEL-3", "ff0000"))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422))
                .hasMessageContaining("already_exists");
        assertThat(r.listLabels().withPageSize(10).toList()).hasSize(25);
        assertThat(fake.requests("GET", "/repos/acme/app/labels")).extracting(q -> q.query().get("page"))
                .containsExactly(null, "2", "3");
    }

    @Test
    void theHeadFilterNeedsTheOwnerPrefixWhichGithubApiAddsItself() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        r.createPullRequest("Update", BRANCH, "main", "");
        repo.commit("feature", alice, "Feature", Map.of("f.txt", "f\n"));
        r.createPullRequest("Feature", "feature", "main", "");

        assertThat(r.queryPullRequests().head("acme:" + BRANCH).list().toList()).hasSize(1);
        assertThat(r.queryPullRequests().head("someone-else:" + BRANCH).list().toList()).isEmpty();
        fake.clearRequests();
        assertThat(r.queryPullRequests().head(BRANCH).list().toList()).hasSize(1);
        assertThat(fake.requests("GET", "/repos/acme/app/pulls")).singleElement()
                .satisfies(q -> assertThat(q.query()).containsEntry("head", "acme:" + BRANCH));
        Request bare = new Request.Builder().url(fake.apiUrl() + "/repos/acme/app/pulls?head=" + BRANCH)
                .header("Authorization", "token " + BOT_TOKEN).build();
        try (Response response = new OkHttpClient().newCall(bare).execute()) {
            assertThat(Json.MAPPER.readTree(response.body().string())).hasSize(2);
        }
    }

    @Test
    void pullRequestsAreEditedThroughTheIssuesAndReviewRequestEndpoints() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        pushBotBranch(r, "a==1\n");
        repo.commit("develop", alice, "Branch off", Map.of("d.txt", "d\n"));
        GHPullRequest pr = r.createPullRequest("Update", BRANCH, "main", "");
        pr.addLabels("dependencies", "stale");
        pr.addAssignees(gh.getUser("alice"), gh.getUser("bob"));
        pr.requestReviewers(List.of(gh.getUser("alice"), gh.getUser("bob")));

        pr.setLabels("dependencies", "relock");
        pr.removeLabel("relock");
        pr.removeAssignees(gh.getUser("bob"));
        pr.setBaseBranch("develop");
        GHIssueComment comment = pr.comment("first");
        comment.update("edited");

        FakePullRequest state = repo.pullRequest(pr.getNumber()).orElseThrow();
        assertThat(state.labels()).containsExactly("dependencies");
        assertThat(state.assignees()).containsExactly("alice");
        assertThat(state.baseRef()).isEqualTo("develop");
        assertThat(repo.comments(pr.getNumber())).extracting(FakeComment::body).containsExactly("edited");
        assertThat(repo.labelNames()).containsExactly("dependencies", "relock", "stale");
        assertThatThrownBy(() -> pr.removeLabel("absent"))
                .isInstanceOf(GHFileNotFoundException.class).hasMessageContaining("Label does not exist");
        assertThatThrownBy(() -> pr.requestReviewers(List.of(gh.getUser("relock[bot]"))))
                .hasMessageContaining("Review cannot be requested from pull request author.");
    }

    @Test
    void pullRequestListsArePagedNewestFirst() throws IOException {
        GHRepository r = gh.getRepository("acme/app");
        for (int i = 0; i < 5; i++) {
            repo.commit("topic-" + i, alice, "Topic " + i, Map.of("t" + i, "t\n"));
            r.createPullRequest("Topic " + i, "topic-" + i, "main", "");
        }

        List<GHPullRequest> all = r.queryPullRequests().state(GHIssueState.ALL).list().withPageSize(2).toList();

        assertThat(all).extracting(GHPullRequest::getNumber).containsExactly(5, 4, 3, 2, 1);
        assertThat(fake.requests("GET", "/repos/acme/app/pulls")).hasSize(3);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an unknown token", "ghs_nobody", 401, "Bad credentials"),
                Arguments.of("a token without pull request permission", "ghs_readonly", 403,
                        "Resource not accessible by integration"));
    }

    @ParameterizedTest(name = "{0} is refused with {2}")
    @MethodSource("refusals")
    void refusedCallsSurfaceAsHttpExceptionsWithGitHubsMessage(String who, String token, int status, String message)
            throws IOException {
        pushBotBranch(gh.getRepository("acme/app"), "a==1\n");

        assertThatThrownBy(() -> GitHubClients.client(fake, token).getRepository("acme/app")
                        .createPullRequest("Update", BRANCH, "main", ""))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(status))
                .hasMessageContaining(message);
    }

    @Test
    void aMissingRepositoryIsAFileNotFound() {
        assertThatThrownBy(() -> gh.getRepository("acme/missing")).isInstanceOf(GHFileNotFoundException.class);
    }

    @Test
    void aPrivateRepositoryIsInvisibleWithoutAToken() throws IOException {
        fake.createRepository("acme", "secret", "main", true);
        GitHub anonymous = new org.kohsuke.github.GitHubBuilder().withEndpoint(fake.apiUrl())
                .withConnector(new org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector(new okhttp3.OkHttpClient()))
                .build();

        assertThat(gh.getRepository("acme/secret").isPrivate()).isTrue();
        assertThatThrownBy(() -> anonymous.getRepository("acme/secret")).isInstanceOf(GHFileNotFoundException.class);
        assertThat(anonymous.getRepository("acme/app").getName()).isEqualTo("app");
    }
}
