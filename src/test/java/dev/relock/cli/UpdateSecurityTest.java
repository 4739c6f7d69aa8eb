package dev.relock.cli;

import static dev.relock.cli.UpdateCommandTest.pin;
import static dev.relock.cli.UpdateCommandTest.read;
import static dev.relock.cli.UpdateCommandTest.relock;
import static dev.relock.cli.UpdateCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.github.FakeComment;
import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.github.FakePullRequest;
import dev.relock.testing.github.FakeRepository;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.osv.FakeOsvServer;
import dev.relock.testing.osv.OsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security in the update bot (issue 15 items 2 and 3), through the CLI with a {@link LocalIndexServer},
 * a {@link FakeOsvServer} and {@link FakeGitHub}: {@code update --security-only} and the weekly
 * pull request with {@code --audit}. {@code urllib3} is transitive ({@code app -> urllib3}).
 */
class UpdateSecurityTest {
    static final String TOKEN = "ghs_securityBot31";
    static final String URLLIB3_ADVISORY = "PYSEC-2021-108";
    static final String IDNA_ADVISORY = "GHSA-idna-0000-open";
    static final String IN = "app\nidna\n";

    @TempDir Path dir;
    @TempDir Path scratch;
    LocalIndexServer index;
    FakeOsvServer osv;
    FakeGitHub fake;
    FakeRepository repo;

    @BeforeEach
    void start() {
        index = LocalIndexServer.start(Scenario.builder()
                .project("app", p -> p.release("1.0", r -> r.requires("urllib3>=1.26")))
                .project("urllib3", p -> p.release("1.26.4", r -> r.uploaded(Instant.parse("2024-01-01T00:00:00Z"))))
                .project("idna", p -> p.release("3.6"))
                .build());
        osv = FakeOsvServer.start();
        osv.add(OsvRecord.of(URLLIB3_ADVISORY).alias("CVE-2021-33503").summary("ReDoS in URL authority")
                        .severity("HIGH").range("urllib3", "introduced=0", "fixed=1.26.5"),
                OsvRecord.of(IDNA_ADVISORY).summary("idna has no fix yet").severity("LOW")
                        .range("idna", "introduced=0"));
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull-requests:write", "statuses:write");
        repo = fake.createRepository("acme", "app");
    }

    @AfterEach
    void stop() {
        index.close();
        osv.close();
        fake.close();
    }

    /** Locks {@code requirements.in} against today's index and pushes it to main. */
    void project(String... compileOptions) throws IOException {
        lock(IN, compileOptions);
    }

    void lock(String in, String... compileOptions) throws IOException {
        write(dir, ".python-version", "3.12.1\n");
        write(dir, "requirements.in", in);
        List<String> args = new ArrayList<>(List.of("compile", "--generate-hashes", "requirements.in", "-i",
                index.simpleUrl().toString(), "--no-cache"));
        args.addAll(List.of(compileOptions));
        Result compiled = relock(dir, Map.of(), args.toArray(String[]::new));
        assertThat(compiled.status()).as(compiled.err()).isZero();
        assertThat(pin(read(dir, "requirements.txt"), "urllib3")).isEqualTo("urllib3==1.26.4");
        repo.commit("main", fake.user("acme").orElseThrow(), "Add lockfiles", Map.of(".python-version", "3.12.1\n",
                "requirements.in", in, "requirements.txt", read(dir, "requirements.txt")));
    }

    /** Newer releases: two that fix the urllib3 advisory (the lowest is the one to take) and a newer idna. */
    void newReleases() {
        index.publish("urllib3", "1.26.5", r -> r.uploaded(Instant.parse("2024-07-01T00:00:00Z")));
        index.publish("urllib3", "1.26.17", r -> r.uploaded(Instant.parse("2024-08-01T00:00:00Z")));
        index.publish("urllib3", "2.0.7", r -> r.uploaded(Instant.parse("2024-09-01T00:00:00Z")));
        index.publish("idna", "3.7", r -> { });
    }

    Result update(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REPOSITORY", "acme/app");
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.put("GITHUB_API_URL", fake.apiUrl());
        env.put("GITHUB_TOKEN", TOKEN);
        List<String> all = new ArrayList<>(List.of("update", "--no-cache", "--osv-url", osv.baseUrl()));
        all.addAll(List.of(args));
        return relock(scratch, env, all.toArray(String[]::new));
    }

    String onBranch(String branch, String path) throws IOException {
        var git = repo.git();
        try (var walk = new RevWalk(git);
                var tw = TreeWalk.forPath(git, path, walk.parseCommit(git.resolve("refs/heads/" + branch)).getTree())) {
            return new String(git.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void securityOnlyMovesOnlyTheAffectedTransitivePinToTheLowestFixAndKeepsOnePullRequest() throws Exception {
        project();
        newReleases();

        Result first = update("--security-only");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("created #1");
        assertThat(repo.pullRequests()).singleElement().satisfies(pr -> {
            assertThat(pr.headRef()).isEqualTo("relock/security");
            assertThat(pr.title()).isEqualTo("Fix known vulnerabilities in Python lockfiles (1 package)");
            assertThat(pr.body())
                    .contains("to the lowest version that fixes every advisory")
                    .contains("| upgraded · fixes [" + URLLIB3_ADVISORY + "](https://osv.dev/vulnerability/"
                            + URLLIB3_ADVISORY + ") | `1.26.4` → `1.26.5` |")
                    .contains("Fixed by this update:")
                    .contains("| urllib3 | `1.26.4` → `1.26.5` | [" + URLLIB3_ADVISORY + "](https://osv.dev/vulnerability/"
                            + URLLIB3_ADVISORY + ") (CVE-2021-33503): ReDoS in URL authority | HIGH |")
                    .contains("Still open after this update:")
                    .contains("| idna | `3.6` | [" + IDNA_ADVISORY + "](https://osv.dev/vulnerability/" + IDNA_ADVISORY
                            + "): idna has no fix yet | LOW | no fix yet |")
                    .contains("- [x] no known vulnerability brought in (`--audit`: 1 fixed, 1 still open)")
                    .contains("relock update --dry-run --security-only")
                    .doesNotContain("cooldown");
            assertThat(repo.statuses(pr.headSha())).extracting(s -> s.context() + " " + s.state())
                    .containsExactly("relock/verify success");
        });
        String locked = onBranch("relock/security", "requirements.txt");
        assertThat(pin(locked, "urllib3")).as("the lowest fixing version, not the newest").isEqualTo("urllib3==1.26.5");
        assertThat(pin(locked, "idna")).as("not affected by a fixable advisory: kept").isEqualTo("idna==3.6");
        assertThat(pin(locked, "app")).isEqualTo("app==1.0");
        assertThat(locked).contains("--hash=sha256:" + index.file("urllib3-1.26.5-py3-none-any.whl").sha256());

        // a second run finds the same fix: the same pull request is updated, not a second one opened
        Result second = update("--security-only");
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("updated #1");
        assertThat(repo.pullRequests()).hasSize(1);

        // the fix was merged: nothing is left to fix, the pull request is closed with a comment
        write(dir, "requirements.txt", locked);
        Result third = update("--security-only");
        assertThat(third.status()).as(third.err()).isZero();
        assertThat(third.out()).startsWith("closed #1");
        assertThat(third.err()).contains("no pinned version is affected by an advisory that has a fix");
        FakePullRequest closed = repo.pullRequests().get(0);
        assertThat(closed.isOpen()).isFalse();
        assertThat(repo.comments(1)).singleElement().extracting(FakeComment::body).asString()
                .contains("is left that relock can fix (no pinned version is affected by an advisory that has a fix)");
    }

    @Test
    void withNoAffectedPinNothingIsOpenedAndTheRunSaysWhy() throws IOException {
        osv.remove(URLLIB3_ADVISORY);
        project();
        newReleases();
        Result dry = update("--security-only", "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("No pinned version is affected by an advisory that has a fix.");
        Result withP = update("--security-only", "-P", "idna");
        assertThat(withP.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(withP.err()).contains("--security-only chooses the packages to move itself");

        Result run = update("--security-only");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("none");
        assertThat(run.err()).contains("no pinned version is affected by an advisory that has a fix");
        assertThat(repo.pullRequests()).isEmpty();
    }

    @Test
    void anAcceptedAdvisoryIsNeitherFixedNorListedUntilItsIgnoreExpires() throws IOException {
        project();
        newReleases();

        Result accepted = update("--security-only", "--ignore-vuln", "CVE-2021-33503@2099-12-31:not reachable");
        assertThat(accepted.status()).as(accepted.err()).isZero();
        assertThat(accepted.out()).startsWith("none");
        assertThat(repo.pullRequests()).isEmpty();

        Result expired = update("--security-only", "--ignore-vuln", URLLIB3_ADVISORY + "@2020-01-01:waiting");
        assertThat(expired.status()).as(expired.err()).isZero();
        assertThat(expired.out()).startsWith("created #1");
    }

    @Test
    void aFixThatDoesNotResolveIsLeftAndSaidWhileTheOthersGoAhead() throws Exception {
        lock("app\nidna\nurllib3<1.26.5\n");
        newReleases();
        osv.add(OsvRecord.of("GHSA-idna-fixable").summary("idna fixed in 3.7").severity("MODERATE")
                .range("idna", "introduced=0", "fixed=3.7"));

        Result run = update("--security-only");

        assertThat(run.status()).as(run.err()).isZero();
        String locked = onBranch("relock/security", "requirements.txt");
        assertThat(pin(locked, "idna")).isEqualTo("idna==3.7");
        assertThat(pin(locked, "urllib3")).isEqualTo("urllib3==1.26.4");
        assertThat(repo.pullRequests().get(0).body())
                .contains("Left as they are, because no version that fixes them resolves with the other pins:")
                .contains("- urllib3: ")
                .contains("| urllib3 | `1.26.4` | [" + URLLIB3_ADVISORY);

        // only the stuck fix is left: no pull request change, and the run says why
        write(dir, "requirements.txt", locked);
        Result stuck = update("--security-only");
        assertThat(stuck.status()).as(stuck.err()).isZero();
        assertThat(stuck.err()).contains("no security fix resolves: urllib3: ");
    }

    @Test
    void theFixMayBypassTheCooldownAndThePullRequestSaysSo() throws Exception {
        project("--exclude-newer", "2024-06-01T00:00:00Z");
        newReleases();

        Result run = update("--security-only");

        assertThat(run.status()).as(run.err()).isZero();
        FakePullRequest pr = repo.pullRequests().get(0);
        assertThat(pin(onBranch("relock/security", "requirements.txt"), "urllib3")).isEqualTo("urllib3==1.26.5");
        assertThat(onBranch("relock/security", "requirements.txt")).contains("--exclude-newer");
        assertThat(pr.body()).contains("The fixes of urllib3 bypass the lock's `--exclude-newer` cooldown")
                .contains("- [x] pins answer the `.in` files")
                .as("the locked fix stays allowed under the cut-off: fresh --strict finds no difference")
                .doesNotContain("(expected: the security fix of urllib3 bypassed the --exclude-newer cooldown)");
    }

    @Test
    void theWeeklyPullRequestMarksTheFixingChangeAndListsWhatStaysOpen() throws Exception {
        project();
        newReleases();

        Result run = update("--audit");

        assertThat(run.status()).as(run.err()).isZero();
        FakePullRequest pr = repo.pullRequests().get(0);
        assertThat(pr.headRef()).isEqualTo("relock/update");
        assertThat(pin(onBranch("relock/update", "requirements.txt"), "urllib3")).isEqualTo("urllib3==2.0.7");
        assertThat(pr.body())
                .contains("| [urllib3](https://pypi.org/project/urllib3/2.0.7/) | upgraded · fixes [" + URLLIB3_ADVISORY
                        + "](https://osv.dev/vulnerability/" + URLLIB3_ADVISORY + ") | `1.26.4` → `2.0.7` | major |")
                .contains("| [idna](https://pypi.org/project/idna/3.7/) | upgraded | `3.6` → `3.7` | minor |")
                .contains("| urllib3 | `1.26.4` → `2.0.7` | [" + URLLIB3_ADVISORY)
                .contains("Still open after this update:")
                .contains("| idna | `3.7` | [" + IDNA_ADVISORY + "](https://osv.dev/vulnerability/" + IDNA_ADVISORY
                        + "): idna has no fix yet | LOW | no fix yet |")
                .contains("- [x] no known vulnerability brought in");
    }

    @Test
    void withoutTheAuditTheWeeklyPullRequestAsksNoAdvisoryService() throws IOException {
        project();
        newReleases();

        Result run = update();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(repo.pullRequests().get(0).body()).doesNotContain("### Security").doesNotContain("osv.dev");
        assertThat(osv.requests()).isEmpty();
    }

    @Test
    void anUpdateThatBringsInAnAdvisoryIsBlocked() throws IOException {
        project();
        newReleases();
        osv.add(OsvRecord.of("GHSA-new-in-2").summary("2.x regression").severity("CRITICAL")
                .range("urllib3", "introduced=2.0", "fixed=2.1"));

        Result run = update("--audit");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).contains("[ ] no known vulnerability brought in")
                .contains("urllib3==2.0.7 is affected by GHSA-new-in-2");
        assertThat(repo.pullRequests()).isEmpty();
        assertThat(repo.branchSha("relock/update")).isEmpty();
    }
}
