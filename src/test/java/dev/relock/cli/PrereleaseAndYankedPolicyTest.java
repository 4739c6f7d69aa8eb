package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, resolver policy parity with uv, through the CLI against a local index: when a
 * pre-release or a yanked release may be chosen, how a refusal is explained, and that
 * {@code relock verify} accepts every lock {@code relock compile} writes under these rules.
 */
class PrereleaseAndYankedPolicyTest {
    static LocalIndexServer server;

    @TempDir Path dir;

    /**
     * {@code onlypre} has no final release; {@code c} has finals and a beta; {@code y} 2.0 is yanked
     * with a reason, 1.5 without one; the {@code needs-*} packages pin through a dependency.
     */
    static Scenario world() {
        return Scenario.builder()
                .project("onlypre", p -> p.release("1.0a1").release("1.0b2"))
                .project("uses-onlypre", p -> p.release("1.0", r -> r.requires("onlypre")))
                .project("c", p -> p.release("1.0.0").release("1.1.0").release("2.0.0b1"))
                .project("needs-c-beta", p -> p.release("1.0", r -> r.requires("c==2.0.0b1")))
                .project("needs-c", p -> p.release("1.0", r -> r.requires("c>=1.0")))
                .project("y", p -> p.release("1.0").release("1.5", r -> r.yanked())
                        .release("2.0", r -> r.yanked("broken build")))
                .project("needs-y2", p -> p.release("1.0", r -> r.requires("y==2.0")))
                .project("needs-y15", p -> p.release("1.0", r -> r.requires("y>=1.5")))
                .build();
    }

    @BeforeAll
    static void start() {
        server = LocalIndexServer.start(world());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code relock compile requirements.in --generate-hashes} in {@code dir}, with {@code extra} options. */
    Result compile(String requirementsIn, String... extra) throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        Files.writeString(dir.resolve("requirements.in"), requirementsIn, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("compile", "requirements.in", "--generate-hashes", "-i",
                server.simpleUrl().toString(), "--no-cache", "-q"));
        args.addAll(List.of(extra));
        return Result.run(dir, Map.of(), args.toArray(String[]::new));
    }

    String lock() throws IOException {
        return Files.readString(dir.resolve("requirements.txt"));
    }

    /** Compiles, expecting success, and returns the lockfile's pins ({@code name==version} lines). */
    List<String> pins(String requirementsIn, String... extra) throws IOException {
        Result r = compile(requirementsIn, extra);
        assertThat(r.status()).as(r.err()).isZero();
        return lock().lines().filter(l -> l.matches("[a-z0-9-]+==\\S+ \\\\")).map(l -> l.replace(" \\", "")).toList();
    }

    /** {@code relock verify --strict} on what compile wrote; strict also fails on warnings. */
    Result verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--no-cache"));
        args.addAll(List.of(extra));
        return Result.run(dir, Map.of(), args.toArray(String[]::new));
    }

    void verifyPasses() {
        Result v = verify("--strict");
        assertThat(v.status()).as(v.all()).isZero();
        assertThat(v.out()).contains("OK: 0 errors, 0 warnings");
    }

    // ---- pre-releases --------------------------------------------------------------------------

    @Test
    void aPackageWhoseEveryReleaseIsAPreReleaseGetsItsNewestEvenThroughADependency() throws IOException {
        assertThat(pins("uses-onlypre\n")).containsExactly("onlypre==1.0b2", "uses-onlypre==1.0");
        verifyPasses();
    }

    @Test
    void aFirstPartyRequirementThatNamesAPreReleaseOptsIn() throws IOException {
        assertThat(pins("c>=2.0.0b1\n")).containsExactly("c==2.0.0b1");
        verifyPasses();
    }

    @Test
    void aConstraintFileThatNamesAPreReleaseOptsInToo() throws IOException {
        Files.writeString(dir.resolve("constraints.txt"), "c==2.0.0b1\n");
        assertThat(pins("-c constraints.txt\nneeds-c-beta\n")).containsExactly("c==2.0.0b1", "needs-c-beta==1.0");
        verifyPasses();
    }

    @Test
    void withoutAnOptInFinalReleasesWinEvenWhenAPreReleaseIsNewer() throws IOException {
        assertThat(pins("needs-c\n")).containsExactly("c==1.1.0", "needs-c==1.0");
        verifyPasses();
    }

    @Test
    void aPreReleasePinnedOnlyByADependencyIsUnsatisfiableAndSaysHowToOptIn() throws IOException {
        Result r = compile("needs-c-beta\n");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("relock: error: Cannot resolve the requirements for Python 3.12.7 on"
                + " x86_64-manylinux_2_28: c==2.0.0b1 is a pre-release");
        assertThat(r.err()).contains("needs-c-beta==1.0 depends on c==2.0.0b1");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("hint: c has final releases, so its pre-releases are used"
                + " only when a first-party requirement names one (a pre-release named only by a dependency does not"
                + " count): add c>=2.0.0b1 to requirements.in or pass --prerelease allow");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void prereleaseAllowLetsTheDependencysPinThroughAndIsRecorded() throws IOException {
        assertThat(pins("needs-c-beta\n", "--prerelease", "allow")).containsExactly("c==2.0.0b1", "needs-c-beta==1.0");
        assertThat(lock()).contains("--prerelease=allow");
        verifyPasses();
    }

    @Test
    void ifNecessaryMeansEveryReleaseIsAPreReleaseNotNoFinalInRange() throws IOException {
        assertThat(pins("uses-onlypre\n", "--prerelease", "if-necessary")).contains("onlypre==1.0b2");

        Result r = compile("c>=2.0.0b1\n", "--prerelease", "if-necessary");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains(": c==2.0.0b1 is a pre-release\n")
                .contains("\nhint: c has final releases, so its pre-releases are not used (--prerelease if-necessary)");
    }

    @Test
    void explicitAndDisallowKeepUvsMeanings() throws IOException {
        assertThat(pins("c>=2.0.0b1\n", "--prerelease", "explicit")).containsExactly("c==2.0.0b1");
        Result explicit = compile("uses-onlypre\n", "--prerelease", "explicit");
        assertThat(explicit.status()).as(explicit.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(explicit.err()).contains("add onlypre>=1.0b2 to requirements.in or pass --prerelease allow");

        Result disallow = compile("c>=2.0.0b1\n", "--prerelease", "disallow");
        assertThat(disallow.status()).as(disallow.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(disallow.err()).contains("pre-releases are not used (--prerelease disallow)");
    }

    // ---- yanked releases -----------------------------------------------------------------------

    @Test
    void yankedReleasesAreSkippedWhenAnotherSatisfies() throws IOException {
        assertThat(pins("y\n")).containsExactly("y==1.0");
        verifyPasses();
        assertThat(pins("needs-c\ny>=1.0\n")).contains("y==1.0");
        verifyPasses();
    }

    @Test
    void aFirstPartyExactPinOfAYankedReleaseIsUsedAndVerifyWarnsWithoutFailing() throws IOException {
        assertThat(pins("y==2.0\n")).containsExactly("y==2.0");

        Result v = verify();
        assertThat(v.status()).as(v.all()).isZero();
        assertThat(v.out()).contains("requirements.txt:" + lineOf("y==2.0") + ": warning[hash-match] y==2.0 is yanked"
                + " on the index (reason: broken build); kept because requirements.in:1 pins it exactly");
        assertThat(verify("--strict").status()).as("--strict fails on the warning").isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aYankedReleaseThatOnlyADependencyPinsIsUnsatisfiableAndSaysYanked() throws IOException {
        Result r = compile("needs-y2\n");

        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err().lines().findFirst().orElseThrow()).endsWith(": y==2.0 is yanked (reason: broken build)");
        assertThat(r.err().lines()).contains("hint: a yanked release of y is used only when a first-party requirement"
                + " pins it exactly (PEP 592): add y==2.0 to requirements.in if you must use it");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void aRangeThatOnlyYankedReleasesSatisfyIsUnsatisfiableEvenWhenTheRootAsksForIt() throws IOException {
        Result r = compile("needs-y15\n");
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains("y==2.0 is yanked (reason: broken build)").contains("y==1.5 is yanked");

        Result ranged = compile("y>=1.5\n");
        assertThat(ranged.status()).as("a range is not an exact pin").isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(ranged.err()).contains("yanked");
    }

    @Test
    void aFirstPartyExactPinLetsADependencysEqualPinThrough() throws IOException {
        assertThat(pins("needs-y2\ny==2.0\n")).containsExactly("needs-y2==1.0", "y==2.0");
        Result v = verify();
        assertThat(v.status()).as(v.all()).isZero();
        assertThat(v.out()).contains("0 errors, 1 warning");
    }

    @Test
    void verifyStillFailsAYankedPinThatNoFirstPartyLinePinsExactly() throws IOException {
        assertThat(pins("y\n")).containsExactly("y==1.0");
        server.yank("y", "1.0", "oops");
        try {
            Result v = verify();
            assertThat(v.status()).as(v.all()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(v.out()).contains("error[hash-match] y==1.0 is yanked on the index (reason: oops)");
        } finally {
            server.unyank("y", "1.0");
        }
    }

    int lineOf(String text) throws IOException {
        List<String> lines = lock().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the lock");
    }
}
