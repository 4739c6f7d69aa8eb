package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 3, through the CLI: {@code --exclude-newer} as a relative cooldown. The runs use a
 * fixed clock ({@link #NOW}), so nothing depends on the wall time; the index's upload times are
 * set relative to it.
 */
class CooldownTest {
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    static LocalIndexServer server;

    @TempDir Path dir;

    /** {@code fresh} 1.0 was uploaded ten days before {@link #NOW}, 1.1 three days before. */
    @BeforeAll
    static void start() {
        server = LocalIndexServer.start(Scenario.builder()
                .project("fresh", p -> p
                        .release("1.0", r -> r.uploaded(NOW.minus(Duration.ofDays(10))))
                        .release("1.1", r -> r.uploaded(NOW.minus(Duration.ofDays(3)))))
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        Files.writeString(dir.resolve("requirements.in"), "fresh\n");
    }

    /** relock at {@code now}. */
    Result relock(Instant now, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new RunContext(Map.of(), dir, new PrintWriter(out, true),
                new PrintWriter(err, true), false, Clock.fixed(now, ZoneOffset.UTC)));
        return new Result(status, out.toString(), err.toString());
    }

    Result compile(Instant now, String... extra) {
        List<String> args = new ArrayList<>(List.of("compile", "requirements.in", "--generate-hashes", "-i",
                server.simpleUrl().toString(), "--no-cache", "-q"));
        args.addAll(List.of(extra));
        return relock(now, args.toArray(String[]::new));
    }

    String lock() throws IOException {
        return Files.readString(dir.resolve("requirements.txt"));
    }

    @Test
    void aSevenDayCooldownExcludesTheReleaseOfThreeDaysAgoAndKeepsTheOneOfTenDaysAgo() throws IOException {
        Result r = compile(NOW, "--exclude-newer", "7d");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).contains("fresh==1.0 \\").doesNotContain("fresh==1.1")
                .contains("--exclude-newer=P7D").doesNotContain("2026-06");
        Result noCooldown = compile(NOW);
        assertThat(noCooldown.status()).as(noCooldown.err()).isZero();
        assertThat(lock()).as("the recorded cooldown applies to the next compile").contains("fresh==1.0 \\");
    }

    @Test
    void theRecordedCooldownIsEvaluatedAgainstNowAtEachRun() throws IOException {
        assertThat(compile(NOW, "--exclude-newer", "7 days").status()).isZero();
        assertThat(lock()).contains("--exclude-newer=P7D").contains("fresh==1.0 \\");
        Instant fiveDaysLater = NOW.plus(Duration.ofDays(5));

        Result dryRun = relock(fiveDaysLater, "update", "--dry-run", "--no-cache", "--workspace", dir.toString(),
                "--lockfile", "requirements.in:requirements.txt");
        assertThat(dryRun.status()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("fresh upgraded 1.0 → 1.1");
        Result sameDay = relock(NOW, "update", "--dry-run", "--no-cache", "--workspace", dir.toString(),
                "--lockfile", "requirements.in:requirements.txt");
        assertThat(sameDay.out()).contains("Every lockfile is up to date.");

        Result upgraded = compile(fiveDaysLater, "--upgrade");
        assertThat(upgraded.status()).as(upgraded.err()).isZero();
        assertThat(lock()).contains("fresh==1.1 \\").contains("--exclude-newer=P7D");
    }

    @Test
    void verifyStrictAppliesTheRecordedCooldownButNeverFlagsALockedVersionForIt() throws IOException {
        assertThat(compile(NOW, "--exclude-newer", "P7D").status()).isZero();

        Result now = relock(NOW, "verify", "--strict", "--no-cache");
        assertThat(now.status()).as(now.all()).isZero();

        // Five days earlier the cut-off lies before even 1.0's upload: a fresh resolution would find
        // nothing, but the locked 1.0 stays allowed (a cooldown holds back new releases only).
        Result earlier = relock(NOW.minus(Duration.ofDays(5)), "verify", "--strict", "--no-cache", "--check", "fresh");
        assertThat(earlier.status()).as(earlier.all()).isZero();
        Files.delete(dir.resolve("requirements.txt"));
        Result fresh = relock(NOW.minus(Duration.ofDays(5)), "compile", "requirements.in", "-i",
                server.simpleUrl().toString(), "--no-cache", "-q", "--exclude-newer", "P7D");
        assertThat(fresh.status()).as(fresh.all()).isNotZero();
        assertThat(fresh.err()).contains("fresh==1.0 was uploaded after");
    }

    @Test
    void anUpdateCanSetACooldownOfItsOwnButNeverDowngradesALockedVersion() throws IOException {
        assertThat(compile(NOW).status()).isZero();
        assertThat(lock()).contains("fresh==1.1 \\");

        Result dryRun = relock(NOW, "update", "--dry-run", "--no-cache", "--workspace", dir.toString(),
                "--lockfile", "requirements.in:requirements.txt", "--exclude-newer", "1 week 1 day");

        assertThat(dryRun.status()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).as("the cooldown holds back new releases; 1.1 is already locked")
                .doesNotContain("downgraded").doesNotContain("1.0").contains("up to date");
    }

    @Test
    void upgradingUnderACooldownKeepsALockedVersionThatIsTooNewButAFreshLockHonoursIt() throws IOException {
        assertThat(compile(NOW).status()).isZero();
        assertThat(lock()).contains("fresh==1.1 \\");

        Result upgrade = compile(NOW, "--upgrade", "--exclude-newer", "7d");

        assertThat(upgrade.status()).as(upgrade.err()).isZero();
        assertThat(lock()).contains("fresh==1.1 \\").contains("--exclude-newer=P7D");
        Files.delete(dir.resolve("requirements.txt"));
        assertThat(compile(NOW, "--exclude-newer", "7d").status()).isZero();
        assertThat(lock()).contains("fresh==1.0 \\");
    }

    @Test
    void aCooldownInToolRelockAppliesAndIsRecordedLikeTheOption() throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.relock]\nexclude-newer = \"1 week\"\n");

        Result r = compile(NOW);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).contains("fresh==1.0 \\").contains("--exclude-newer=P7D");
    }

    @Test
    void aBadDurationIsAOneLineErrorWithExitCode2() {
        Result r = compile(NOW, "--exclude-newer", "7 fortnights");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().lines().toList()).containsExactly("relock: error: bad --exclude-newer value '7 fortnights':"
                + " expected an RFC 3339 timestamp (2024-03-01T12:00:00Z), a date (2024-03-01) or a duration of days,"
                + " hours or weeks (7d, 24h, 2w, '7 days', P7D)");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }
}
