package dev.relock.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakeRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitPushCommitterTest {
    static final String TOKEN = "ghs_pushTokenSecret";

    FakeGitHub fake;
    FakeRepository repo;
    @TempDir Path dir;

    @BeforeEach
    void start() throws Exception {
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write");
        fake.addToken("ghs_readonly", "relock[bot]", "contents:read");
        repo = fake.createRepository("acme", "app");
        Git.cloneRepository().setURI(fake.gitUrl("acme", "app")).setDirectory(dir.toFile()).call().close();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void pushesOneCommitOnTheBaseHeadWithoutTouchingTheCheckoutOrTheConfig() throws Exception {
        String main = repo.branchSha("main").orElseThrow();
        Files.writeString(dir.resolve("scratch.txt"), "untracked\n");
        GitPushCommitter committer = new GitPushCommitter(dir, fake.gitUrl("acme", "app"), TOKEN);

        String sha = committer.commit(new CommitRequest("relock/update", "main", main, "chore(deps): update",
                new Identity("relock[bot]", "bot@relock.test"), List.of(FileChange.text("requirements.txt", "a==1\n"))));

        assertThat(repo.branchSha("relock/update")).contains(sha);
        try (RevWalk walk = new RevWalk(repo.git())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            assertThat(commit.getParent(0).name()).isEqualTo(main);
            assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("bot@relock.test");
            try (TreeWalk tw = TreeWalk.forPath(repo.git(), "requirements.txt", commit.getTree())) {
                assertThat(new String(repo.git().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("a==1\n");
            }
            assertThat(TreeWalk.forPath(repo.git(), "README.md", commit.getTree())).isNotNull();
            assertThat(TreeWalk.forPath(repo.git(), "scratch.txt", commit.getTree())).isNull();
        }
        try (Stream<Path> files = Files.walk(dir.resolve(".git"))) {
            assertThat(files.filter(Files::isRegularFile).anyMatch(f -> contains(f, TOKEN))).isFalse();
        }
        try (Git local = Git.open(dir.toFile())) {
            assertThat(local.getRepository().getBranch()).isEqualTo("main");
        }
    }

    @Test
    void aMissingBaseCommitIsFetchedFirst() throws Exception {
        String newer = repo.commit("main", fake.user("acme").orElseThrow(), "Move on", java.util.Map.of("x.txt", "x\n"));
        GitPushCommitter committer = new GitPushCommitter(dir, fake.gitUrl("acme", "app"), TOKEN);

        String sha = committer.commit(new CommitRequest("relock/update", "main", newer, "update",
                new Identity("relock[bot]", "bot@relock.test"), List.of(FileChange.text("requirements.txt", "a\n"))));

        assertThat(repo.branchSha("relock/update")).contains(sha);
    }

    @Test
    void aTokenThatMayNotPushFailsWithThePermissionAndWithoutTheToken() {
        String main = repo.branchSha("main").orElseThrow();
        GitPushCommitter committer = new GitPushCommitter(dir, fake.gitUrl("acme", "app"), "ghs_readonly");

        assertThatThrownBy(() -> committer.commit(new CommitRequest("relock/update", "main", main, "update",
                        new Identity("relock[bot]", "bot@relock.test"), List.of(FileChange.text("r.txt", "a\n")))))
                .isInstanceOf(HostingException.class)
                .hasMessageContaining("contents: write")
                .hasMessageNotContaining("ghs_readonly");
        assertThat(repo.branchSha("relock/update")).isEmpty();
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
