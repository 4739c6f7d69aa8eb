package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.github.FakeGitHub;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never reach output or files, and masking a short secret leaves other words alone
 * (issue 14, item 3).
 */
class SecretRedactionTest {
    /** Contains both '@' and ':', unencoded, as people paste them into URLs. */
    static final String PASSWORD = "ss@IDXPASSWORD77:x";


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() throws IOException {
        server = LocalIndexServer.start(Scenario.builder()
                .project("attrs", p -> p.release("23.1.0"))
                .build());
        server.requireBasicAuth("relock", PASSWORD);
        Files.writeString(dir.resolve(".python-version"), "3.12.1\n");
        Files.writeString(dir.resolve("requirements.in"), "attrs\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result relock(Map<String, String> env, String... args) {
        return Result.run(dir, env, args);
    }

    String urlWith(String password) {
        return "http://relock:" + password + "@127.0.0.1:" + server.port() + "/simple/";
    }

    static void assertNoPasswordFragment(String text) {
        assertThat(text).doesNotContain("IDXPASSWORD77").doesNotContain("ss@").doesNotContain("wr@ng");
    }

    @Test
    void aPasswordWithAtAndColonInTheIndexUrlWorksAndAppearsNowhere() throws IOException {
        Result run = relock(Map.of(), "-v", "compile", "--generate-hashes", "--no-cache", "-i", urlWith(PASSWORD));

        assertThat(run.status()).as(run.all()).isZero();
        String lock = Files.readString(dir.resolve("requirements.txt"), StandardCharsets.UTF_8);
        assertThat(lock).contains("attrs==23.1.0").contains("--index-url http://127.0.0.1:" + server.port() + "/simple/");
        assertNoPasswordFragment(run.all() + lock);
    }

    @Test
    void aWrongPasswordWithAtIsRedactedWholeInTheError() {
        Result run = relock(Map.of(), "-v", "compile", "--no-cache", "-i", urlWith("wr@ngIDXPASSWORD77"));

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCodes.NETWORK);
        assertNoPasswordFragment(run.all());
    }

    @Test
    void anUnusableUrlWithAtInThePasswordIsRedactedWholeInTheError() {
        Result run = relock(Map.of(), "compile", "--no-cache", "-i",
                "ftp://relock:" + PASSWORD + "@127.0.0.1/simple/");

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ftp://****@127.0.0.1/simple/");
        assertNoPasswordFragment(run.all());
    }

    @Test
    void aOneLetterTokenIsNotMaskedInsideOtherWords() throws IOException {
        try (FakeGitHub fake = FakeGitHub.start()) {
            fake.addBot("relock[bot]");
            fake.addToken("x", "relock[bot]", "contents:write", "pull-requests:write");
            fake.createRepository("acme", "app");
            Files.writeString(dir.resolve("requirements.txt"), "attrs==23.1.0\n");
            Map<String, String> env = new HashMap<>();
            env.put("GITHUB_REPOSITORY", "acme/xylophone");
            env.put("GITHUB_WORKSPACE", dir.toString());
            env.put("GITHUB_API_URL", fake.apiUrl());
            env.put("GITHUB_TOKEN", "x");
            env.put("RELOCK_INDEX_USERNAME", "relock");
            env.put("RELOCK_INDEX_PASSWORD", PASSWORD);
            Path scratch = Files.createTempDirectory(dir, "run");

            Result run = relockIn(scratch, env, "update", "--no-cache", "-i", server.simpleUrl().toString());

            assertThat(run.status()).as(run.all()).isEqualTo(ExitCodes.HOSTING);
            assertThat(run.err()).contains("acme/xylophone").doesNotContain("***");
            assertNoPasswordFragment(run.all());
        }
    }

    static Result relockIn(Path cwd, Map<String, String> env, String... args) {
        return Result.run(cwd, env, args);
    }
}
