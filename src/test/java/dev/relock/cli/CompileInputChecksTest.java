package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What compile says about the sources themselves (issue 14, item 17): an extra the package does not
 * provide is warned of as pip does, a directory or a missing file is named before anything else.
 */
class CompileInputChecksTest {

    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(Scenario.builder()
                .project("a", p -> p.release("1.0", r -> r.extra("socks", "b>=1")))
                .project("b", p -> p.release("1.0"))
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result relock(String... args) {
        return Result.run(dir, Map.of(), args);
    }

    @Test
    void anExtraThePackageDoesNotProvideIsWarnedOfOnce() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        Files.writeString(dir.resolve("requirements.in"), "a[socks,nonexistent]\na[nonexistent]\n");

        Result r = relock("compile", "requirements.in", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("relock: warning:")).toList())
                .containsExactly("relock: warning: a 1.0 does not provide the extra 'nonexistent'");
        assertThat(Files.readString(dir.resolve("requirements.txt"))).contains("a[nonexistent,socks]==1.0", "b==1.0");
    }

    @Test
    void aDeclaredExtraGivesNoWarning() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        Files.writeString(dir.resolve("requirements.in"), "a[socks]\n");

        Result r = relock("compile", "requirements.in", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void aDirectoryAsSourceIsNamedBeforeTheMissingTargetPython() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/requirements.in"), "a\n");

        Result r = relock("compile", "app", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("relock: error: app is a directory: pass a requirements .in file or"
                + " pyproject.toml (e.g. app/requirements.in)\n");
    }

    @Test
    void aMissingSourceIsNamedBeforeTheMissingTargetPython() {
        Result r = relock("compile", "requirements.in", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("relock: error: requirements.in: no such file\n");
    }

    @Test
    void anEmptyDirectorySaysThereIsNoSourceRatherThanNoTargetPython() {
        Result r = relock("compile", "-i", server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("relock: error: no source given and no requirements.in or pyproject.toml")
                .doesNotContain("target Python");
    }
}
