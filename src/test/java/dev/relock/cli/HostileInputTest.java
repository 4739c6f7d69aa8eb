package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requirements files and lockfiles that are not what they claim, or are built to exhaust relock
 * (issue 14, items 2, 7 and 8): each ends quickly with exit 2 and one line that quotes none of a
 * refused file's content, through {@link Main#run} against a {@link LocalIndexServer}.
 */
class HostileInputTest {
    static final String CANARY = "canary-secret-123";
    /** Shaped like /proc/self/environ: NUL-separated, and path-like so pip would take a line as a path. */
    static final String ENVIRON = "GITHUB_TOKEN=ghp/" + CANARY + "\0HOME=/root\0OTHER=x\0";


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() throws IOException {
        server = LocalIndexServer.start(Scenario.builder()
                .project("a", p -> p.release("1.0", r -> r.wheel().sdist()))
                .build());
        write(".python-version", "3.12.7\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result relock(Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GITHUB_TOKEN", CANARY);
        int status = Main.run(args, new RunContext(env, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                false));
        return new Result(status, out.toString(), err.toString());
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache", "--dry-run"));
        return relock(Map.of(), all.toArray(String[]::new));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A lockfile on the test index whose body is {@code body}. */
    void lockfile(String name, String body) throws IOException {
        write(name, "--index-url " + server.simpleUrl() + "\n\n" + body);
    }

    static void assertOneLineError(Result r, String... fragments) {
        assertThat(r.status()).as(r.all()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("relock: error: ").contains(fragments);
        assertThat(r.all()).doesNotContain("Exception", "\tat ", CANARY);
    }

    // Item 2: files that are not requirements files are refused without a word of their content.

    @ParameterizedTest(name = "verify --format {0}")
    @ValueSource(strings = {"text", "json", "github"})
    void verifyRefusesAnIncludedFileWithNulBytesAndEchoesNoneOfIt(String format) throws IOException {
        Files.write(dir.resolve("environ"), ENVIRON.getBytes(StandardCharsets.UTF_8));
        lockfile("requirements.txt", "-r environ\n");
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "");

        Result r = relock(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                "verify", "--format", format, "requirements.txt");

        assertThat(r.status()).as(r.all()).isEqualTo(2);
        assertThat(r.all()).contains("environ: contains NUL bytes").doesNotContain(CANARY, "HOME=");
        assertThat(Files.readString(summary)).doesNotContain(CANARY);
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("environ")).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void verifyRefusesProcSelfEnvironByPath() throws IOException {
        lockfile("requirements.txt", "-r /proc/self/environ\n");

        Result r = relock(Map.of(), "verify", "requirements.txt");

        assertOneLineError(r, "requirements.txt:3:4: included file /proc/self/environ",
                "/proc file system, not a requirements file");
        assertThat(r.all()).doesNotContain("PATH=", "HOME=");
    }

    @Test
    void verifyRefusesALockfileThatIsALinkIntoProc() throws IOException {
        Files.createSymbolicLink(dir.resolve("requirements.txt"), Path.of("/proc/self/environ"));

        Result r = relock(Map.of(), "verify", "requirements.txt");

        assertOneLineError(r, "requirements.txt: is a file of the kernel's /proc file system");
        assertThat(r.all()).doesNotContain("PATH=", "HOME=");
    }

    @Test
    void compileRefusesProcSelfEnvironInAnInFile() throws IOException {
        write("requirements.in", "a\n-r /proc/self/environ\n");

        Result r = compile("requirements.in");

        assertOneLineError(r, "requirements.in:2:4: included file /proc/self/environ");
        assertThat(r.all()).doesNotContain("PATH=", "HOME=");
    }

    @Test
    void compileRefusesAnInFileWithNulBytes() throws IOException {
        Files.write(dir.resolve("requirements.in"), ("a\n" + ENVIRON).getBytes(StandardCharsets.UTF_8));

        assertOneLineError(compile("requirements.in"), "requirements.in: contains NUL bytes, not a requirements file");
    }

    @Test
    void verifyQuotesAtMostAnExcerptOfALongLine() throws IOException {
        String longPath = "./dist/" + "x".repeat(5000) + ".whl";
        lockfile("requirements.txt", longPath + "\n");

        Result r = relock(Map.of(), "verify", "--check", "pinned", "requirements.txt");

        assertThat(r.status()).as(r.all()).isEqualTo(1);
        assertThat(r.all()).contains("…").doesNotContain("x".repeat(300));
    }

    // Item 7: unbounded work ends quickly with exit 2 and one line.

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileRefusesDevZeroQuickly() throws IOException {
        write("requirements.in", "-r /dev/zero\n");

        assertOneLineError(compile("requirements.in"), "requirements.in:1:4: included file /dev/zero");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileRefusesADirectoryAsAnInclude() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        write("requirements.in", "-r sub\n");

        assertOneLineError(compile("requirements.in"), "requirements.in:1:4: included file", "is a directory");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileRefusesAFileOverTenMebibytes() throws IOException {
        write("requirements.in", "a\n" + "# padding padding padding padding padding\n".repeat(260_000));

        assertOneLineError(compile("requirements.in"), "requirements.in: is larger than 10 MiB");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void verifyReadsALockfileLineOfManySpacesInLinearTime() throws IOException {
        lockfile("requirements.txt", "a==1.0" + " ".repeat(100_000) + "x\n");

        Result r = relock(Map.of(), "verify", "requirements.txt");

        assertOneLineError(r, "requirements.txt:3:");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileReadsAnInLineOfManySpacesInLinearTime() throws IOException {
        write("requirements.in", "a" + " ".repeat(100_000) + "; python_version > \"3\"  # comment\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("a==1.0");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileReadsEachIncludedFileOnceNotOncePerPath() throws IOException {
        for (int i = 0; i < 30; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = i + 1; j < Math.min(i + 4, 30); j++) {
                text.append("-r f").append(j).append(".in\n");
            }
            write("f" + i + ".in", text.append("a\n").toString());
        }

        Result r = compile("f0.in");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("a==1.0");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileStillReportsAnIncludeCycle() throws IOException {
        write("x.in", "a\n-r y.in\n");
        write("y.in", "-r z.in\n");
        write("z.in", "-r y.in\n");

        assertOneLineError(compile("x.in"), "z.in:1:4: include cycle");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileJoinsLongBackslashContinuationsInLinearTime() throws IOException {
        write("requirements.in", "a" + (" ".repeat(100) + "\\\n").repeat(40_000) + "\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("a==1.0");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileRefusesADeeplyNestedMarker() throws IOException {
        write("requirements.in", "a; " + "(".repeat(20_000) + "python_version > \"3\"" + ")".repeat(20_000) + "\n");

        assertOneLineError(compile("requirements.in"),
                "requirements.in:1:104: invalid requirement: marker parentheses nest more than 100 levels deep");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void verifyRefusesADeeplyNestedMarkerInALockfile() throws IOException {
        lockfile("requirements.txt", "a==1.0 ; " + "(".repeat(20_000) + "python_version > \"3\""
                + ")".repeat(20_000) + "\n");

        assertOneLineError(relock(Map.of(), "verify", "requirements.txt"), "marker parentheses nest more than 100");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void compileRefusesADeepIncludeChain() throws IOException {
        for (int i = 0; i < 3000; i++) {
            write("c" + i + ".in", i < 2999 ? "-r c" + (i + 1) + ".in\n" : "a\n");
        }

        assertOneLineError(compile("c0.in"), "c99.in:1:4: includes nest more than 100 files deep");
    }

    // Item 8: a NUL in a path from input is bad input, not an internal error.

    @Test
    void aNulInAConstraintPathOnTheCommandLineIsBadInput() throws IOException {
        write("requirements.in", "a\n");

        assertOneLineError(compile("requirements.in", "-c", "a\0b.txt"), "not a valid path: 'a?b.txt'");
    }

    @Test
    void aNulInAConstraintPathInToolRelockIsBadInput() throws IOException {
        write("requirements.in", "a\n");
        write("pyproject.toml", "[tool.relock]\nconstraint = \"a\\u0000b.txt\"\n");

        assertOneLineError(compile("requirements.in"), "not a valid path: 'a?b.txt'");
    }

    @Test
    void aNulInALockfileArgumentIsBadInput() {
        assertOneLineError(relock(Map.of(), "verify", "requirements\0.txt"), "not a valid path");
    }

    @Test
    void aNulInAnOutputPathIsBadInput() throws IOException {
        write("requirements.in", "a\n");

        Result r = relock(Map.of(), "compile", "requirements.in", "-o", "out\0.txt", "-i",
                server.simpleUrl().toString(), "--no-cache");

        assertThat(r.status()).as(r.all()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(
                "relock: error: Invalid value for option '--output-file': not a valid path: 'out?.txt'"
                        + " (Nul character not allowed)");
        assertThat(r.all()).doesNotContain("Exception", "\0");
    }

    @Test
    void aTokenExpandedIntoAQuotedLineIsWrittenBackAsItsVariable() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"),
                "pkg @ https://user:${INDEX_TOKEN}@example.invalid/pkg-1.0-py3-none-any.whl\n");
        Path summary = dir.resolve("summary.md");

        Result r = Result.run(dir, Map.of("INDEX_TOKEN", "tok-" + CANARY, "GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString()), "verify", "requirements.txt", "--offline", "--format",
                "github");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.all()).contains("${INDEX_TOKEN}").doesNotContain(CANARY);
        assertThat(Files.readString(summary)).doesNotContain(CANARY);
    }
}
