package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordedCommandTest {
    static final Target TARGET = Target.parse("3.11.7", "x86_64-manylinux_2_17");

    @TempDir Path dir;

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of("pip-compile --output-file=requirements.txt requirements.in",
                        List.of("pip-compile", "--output-file=requirements.txt", "requirements.in")),
                Arguments.of("relock compile 'my reqs.in' \"a\\\"b\" c\\ d",
                        List.of("relock", "compile", "my reqs.in", "a\"b", "c d")),
                Arguments.of("  uv pip compile  -o out.txt ", List.of("uv", "pip", "compile", "-o", "out.txt")),
                Arguments.of("x ''", List.of("x", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void splitsCommandLinesLikeAPosixShell(String line, List<String> words) {
        assertThat(RecordedCommand.split(line)).isEqualTo(words);
    }

    @Test
    void theNormalizedCommandHasOnlyResultShapingOptionsSortedWithRelativePathsAndNoCredentials() {
        CompileRequest request = CompileRequest.builder(dir, Target.parse("3.12", "aarch64-apple-darwin"))
                .source(Path.of("requirements.in"))
                .source(dir.resolve("sub/extra reqs.in"))
                .output(Path.of("locks/all.txt"))
                .constraint(Path.of("constraints.txt"))
                .generateHashes(true)
                .allowUnsafe(false)
                .upgradeAll(true)
                .dryRun(true)
                .annotationStyle(AnnotationStyle.LINE)
                .prereleases(PrereleaseMode.IF_NECESSARY)
                .excludeNewer(Instant.parse("2024-03-01T00:00:00Z"))
                .pythonVersionOption(Optional.of("3.12"))
                .index(new IndexSettings(Optional.of("https://bob:pw@pkgs.example/simple/"), List.of(), List.of(), false))
                .build();

        assertThat(RecordedCommand.normalized(request)).isEqualTo("relock compile --annotation-style=line"
                + " --constraint=constraints.txt --exclude-newer=2024-03-01T00:00:00Z --generate-hashes"
                + " --index-url=https://pkgs.example/simple/ --no-allow-unsafe --output-file=locks/all.txt"
                + " --prerelease=if-necessary --python-platform=aarch64-macosx_13_0 --python-version=3.12"
                + " requirements.in 'sub/extra reqs.in'");
    }

    @Test
    void binaryOptionsKeepTheirOrderAfterTheSortedOptionsAndReadBack() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        CompileRequest request = CompileRequest.builder(dir, TARGET)
                .source(Path.of("requirements.in"))
                .binaryOption(BinaryPolicy.Option.onlyBinary(":all:"))
                .binaryOption(BinaryPolicy.Option.noBinary("psycopg2,lxml"))
                .build();
        String command = RecordedCommand.normalized(request);
        assertThat(command).isEqualTo("relock compile --output-file=requirements.txt --only-binary=:all:"
                + " --no-binary=psycopg2,lxml requirements.in");
        writeLock("relock with Python 3.11.7", command);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.binaryOptions()).isEqualTo(request.binaryOptions());
    }

    static Stream<Arguments> foreignBinaryOptions() {
        return Stream.of(
                Arguments.of("pip-compile --pip-args='--only-binary :all: --no-binary=lxml' requirements.in",
                        List.of(BinaryPolicy.Option.onlyBinary(":all:"), BinaryPolicy.Option.noBinary("lxml"))),
                Arguments.of("uv pip compile --no-build requirements.in -o requirements.txt",
                        List.of(BinaryPolicy.Option.onlyBinary(":all:"))),
                Arguments.of("uv pip compile --no-binary lxml --only-binary numpy requirements.in",
                        List.of(BinaryPolicy.Option.noBinary("lxml"), BinaryPolicy.Option.onlyBinary("numpy"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignBinaryOptions")
    void binaryOptionsAreReadFromPipCompileAndUvCommands(String command, List<BinaryPolicy.Option> expected)
            throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        writeLock("some tool with Python 3.11", command);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.binaryOptions()).isEqualTo(expected);
    }

    @Test
    void rebuildsAPipCompileRequestAndKeepsItsCommandInTheHeader() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "requests\n");
        Files.writeString(dir.resolve("requirements.txt"), """
                #
                # This file is autogenerated by pip-compile with Python 3.11
                # by the following command:
                #
                #    pip-compile --allow-unsafe --annotation-style=line --output-file=requirements.txt --strip-extras requirements.in
                #
                --index-url https://pkgs.example/simple/

                requests==2.31.0          # via -r requirements.in
                """);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.sources()).containsExactly(dir.resolve("requirements.in"));
        assertThat(r.output()).isEqualTo(dir.resolve("requirements.txt"));
        assertThat(r.allowUnsafe()).isTrue();
        assertThat(r.generateHashes()).isFalse();
        assertThat(r.stripExtras()).isTrue();
        assertThat(r.annotationStyle()).isEqualTo(AnnotationStyle.LINE);
        assertThat(r.index().indexUrl()).contains("https://pkgs.example/simple/");
        assertThat(r.customCommand()).contains("pip-compile --allow-unsafe --annotation-style=line"
                + " --output-file=requirements.txt --strip-extras requirements.in");
    }

    @Test
    void pipCompileWithoutAllowUnsafeButWithHashesStaysThatWay() throws IOException {
        Files.createDirectories(dir.resolve("deps"));
        Files.writeString(dir.resolve("deps/dev.in"), "x\n");
        Files.writeString(dir.resolve("deps/dev.txt"), """
                #
                # This file is autogenerated by pip-compile with Python 3.11
                # by the following command:
                #
                #    pip-compile --generate-hashes --extra=cli deps/dev.in
                #
                x==1.0 \\
                    --hash=sha256:%s
                    # via -r deps/dev.in
                """.formatted("a".repeat(64)));

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("deps/dev.txt"), TARGET, dir);

        assertThat(r.sources()).as("paths relative to the working directory").containsExactly(dir.resolve("deps/dev.in"));
        assertThat(r.generateHashes()).isTrue();
        assertThat(r.allowUnsafe()).isFalse();
        assertThat(r.extras()).containsExactly(ExtraName.of("cli"));
    }

    @Test
    void aRelockHeaderRoundTripsToTheSameCommand() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        Files.writeString(dir.resolve("c.txt"), "x<2\n");
        String command = "relock compile --constraint=c.txt --no-allow-unsafe --output-file=requirements.txt"
                + " --prerelease=allow requirements.in";
        writeLock("relock with Python 3.11.7", command);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.customCommand()).isEmpty();
        assertThat(r.prereleases()).contains(PrereleaseMode.ALLOW);
        assertThat(RecordedCommand.normalized(r)).isEqualTo(command);
    }

    @Test
    void theUnsafeBlockDecidesAllowUnsafeWhateverTheCommandSays() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        Files.writeString(dir.resolve("requirements.txt"), """
                #
                # This file is autogenerated by pip-compile with Python 3.11
                # by the following command:
                #
                #    ./lock.sh
                #
                x==1.0
                    # via -r requirements.in

                # The following packages are considered to be unsafe in a requirements file:
                # setuptools
                """);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.allowUnsafe()).isFalse();
        assertThat(r.customCommand()).contains("./lock.sh");
        assertThat(r.sources()).containsExactly(dir.resolve("requirements.in"));
    }

    @Test
    void aUvHeaderGivesItsSourcesAndOptions() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        Files.writeString(dir.resolve("requirements.txt"), """
                # This file was autogenerated by uv via the following command:
                #    uv pip compile requirements.in -o requirements.txt --python-version 3.11 --exclude-newer 2024-01-01
                x==1.0
                    # via -r requirements.in
                """);

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("requirements.txt"), TARGET, dir);

        assertThat(r.sources()).containsExactly(dir.resolve("requirements.in"));
        assertThat(r.pythonVersionOption()).contains("3.11");
        assertThat(r.excludeNewer()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(r.allowUnsafe()).isTrue();
    }

    @Test
    void aLockfileWithoutHeaderIsCompiledFromTheInFileBesideIt() throws IOException {
        Files.writeString(dir.resolve("dev.in"), "x\n");
        Files.writeString(dir.resolve("dev.txt"), "x==1.0\n    # via -r dev.in\n");

        CompileRequest r = CompileRequest.fromLockfileHeader(dir.resolve("dev.txt"), TARGET, dir);

        assertThat(r.sources()).containsExactly(dir.resolve("dev.in"));
        assertThat(r.header()).isFalse();
    }

    @Test
    void aLockfileWithNoKnownSourceIsBadInput() throws IOException {
        Files.writeString(dir.resolve("pins.txt"), "x==1.0\n");

        assertThatThrownBy(() -> CompileRequest.fromLockfileHeader(dir.resolve("pins.txt"), TARGET, dir))
                .isInstanceOf(RelockException.class)
                .hasMessageContaining("cannot tell which sources");
    }

    /** A one-pin requirements.txt whose header says {@code generator} wrote it with {@code command}. */
    private void writeLock(String generator, String command) throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), """
                #
                # This file is autogenerated by %s
                # by the following command:
                #
                #    %s
                #
                x==1.0
                    # via -r requirements.in
                """.formatted(generator, command));
    }
}
