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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relock compile} with {@code --no-binary} / {@code --only-binary}, in a {@code .in} file and as options. */
class CompileBinaryOptionsTest {
    static final Scenario SCENARIO = Scenario.builder()
            .project("fresh", p -> p.release("1.0", r -> r.wheel().sdist()).release("2.0", r -> r.sdist()))
            .project("source-only", p -> p.release("1.0", r -> r.sdist()))
            .project("both", p -> p.release("1.0", r -> r.requires("dep").wheel().sdist()))
            .project("dep", p -> p.release("1.0", r -> r.wheel().sdist()))
            .project("old-sdist", p -> p.release("1.0", r -> r.wheel().sdist("2.1")))
            .build();


    static LocalIndexServer server;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        server = LocalIndexServer.start(SCENARIO);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void pinPython() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache"));
        return Result.run(dir, Map.of(), all.toArray(String[]::new));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    String sha256(String filename) {
        return "--hash=sha256:" + server.file(filename).sha256();
    }

    @Test
    void onlyBinaryInTheInFileSkipsTheSdistOnlyReleaseAndIsWrittenToTheOptionsBlock() throws IOException {
        write("requirements.in", "--only-binary fresh\nfresh\n");

        Result r = compile("--generate-hashes", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).contains("\n--only-binary fresh\n\nfresh==1.0 \\\n");
        assertThat(lock).as("pip-compile hashes only what pip's finder offers under --only-binary")
                .contains(sha256("fresh-1.0-py3-none-any.whl"))
                .doesNotContain(sha256("fresh-1.0.tar.gz"));
    }

    @Test
    void noBinaryOnTheCommandLinePinsFromTheSdistAndIsRecordedInTheHeaderAndOptions() throws IOException {
        write("requirements.in", "both\n");

        Result r = compile("--no-binary", "both", "--generate-hashes", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).containsPattern("#    relock compile --generate-hashes --index-url=\\S+"
                + " --output-file=requirements.txt --python-platform=x86_64-manylinux_2_28 --no-binary=both requirements.in\n");
        assertThat(lock).contains("\n--no-binary both\n\nboth==1.0 \\\n");
        assertThat(lock).contains("dep==1.0");
        assertThat(lock).contains(sha256("both-1.0.tar.gz")).doesNotContain(sha256("both-1.0-py3-none-any.whl"))
                .as("dep keeps both hashes").contains(sha256("dep-1.0-py3-none-any.whl"), sha256("dep-1.0.tar.gz"));
    }

    @Test
    void commandLineOptionsComeBeforeTheFilesAndTheBlockWritesAllFirst() throws IOException {
        write("requirements.in", "--no-binary fresh\nfresh\nboth\n");

        Result r = compile("--only-binary", ":all:", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).contains("\n--only-binary :all:\n--no-binary fresh\n\n");
        assertThat(lock).contains("fresh==2.0").contains("both==1.0");
    }

    @Test
    void aLaterOptionOverridesAnEarlierOne() throws IOException {
        write("requirements.in", "fresh\n");

        Result r = compile("--only-binary=fresh", "--no-binary", ":none:", "--no-binary=fresh", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).contains("fresh==2.0").contains("\n--no-binary fresh\n")
                .doesNotContain("--only-binary fresh");
    }

    @Test
    void onlyBinaryAllWithoutAnyWheelExitsThreeAndNamesTheOption() throws IOException {
        write("requirements.in", "source-only\n");

        Result r = compile("--only-binary", ":all:", "requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains("source-only==1.0 has no wheel for Python 3.11.7")
                .contains("sdists are disabled by --only-binary");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void noBinaryWithAnOldMetadataSdistAndNoBuildExitsThreeBecauseItNeedsABuild() throws IOException {
        write("requirements.in", "--no-binary old-sdist\nold-sdist\n");

        Result r = compile("--no-build", "requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).contains("needs a build to learn its dependencies: --no-binary disables its wheels");
    }

    @Test
    void aMalformedValueExitsTwo() throws IOException {
        write("requirements.in", "fresh\n");

        Result r = compile("--no-binary", "not a name", "requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--no-binary").contains("not a name");
    }
}
