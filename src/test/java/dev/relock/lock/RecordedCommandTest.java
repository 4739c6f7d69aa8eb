package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
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
        assertThat(dev.relock.common.ShellWords.split(line)).isEqualTo(words);
    }

    @Test
    void theNormalizedCommandHasOnlyResultShapingOptionsSortedWithRelativePathsAndNoCredentials() {
        LockSettings settings = LockSettings.builder()
                .constraint(dir.resolve("constraints.txt"))
                .generateHashes(true)
                .allowUnsafe(false)
                .annotationStyle(AnnotationStyle.LINE)
                .prerelease(PrereleaseMode.IF_NECESSARY)
                .excludeNewer(Instant.parse("2024-03-01T00:00:00Z"))
                .pythonVersion("3.12")
                .pythonPlatform(dev.relock.tags.TargetPlatform.parse("aarch64-apple-darwin"))
                .index(new IndexSettings(Optional.of("https://bob:pw@pkgs.example/simple/"), List.of(), List.of(), false))
                .build();

        assertThat(RecordedCommand.normalized(settings, List.of(dir.resolve("requirements.in"),
                dir.resolve("sub/extra reqs.in")), dir.resolve("locks/all.txt"), dir)).isEqualTo(
                "relock compile --annotation-style=line"
                + " --constraint=constraints.txt --exclude-newer=2024-03-01T00:00:00Z --generate-hashes"
                + " --index-url=https://pkgs.example/simple/ --no-allow-unsafe --output-file=locks/all.txt"
                + " --prerelease=if-necessary --python-platform=aarch64-macosx_13_0 --python-version=3.12"
                + " requirements.in 'sub/extra reqs.in'");
    }

    @Test
    void binaryOptionsKeepTheirOrderAfterTheSortedOptionsAndReadBack() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        LockSettings request = LockSettings.builder()
                .binaryOption(BinaryPolicy.Option.onlyBinary(":all:"))
                .binaryOption(BinaryPolicy.Option.noBinary("psycopg2,lxml"))
                .build();
        String command = RecordedCommand.normalized(request, List.of(dir.resolve("requirements.in")),
                dir.resolve("requirements.txt"), dir);
        assertThat(command).isEqualTo("relock compile --output-file=requirements.txt --only-binary=:all:"
                + " --no-binary=psycopg2,lxml requirements.in");
        writeLock("relock with Python 3.11.7", command);

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.settings().binaryOptions()).isEqualTo(request.binaryOptions());
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

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.settings().binaryOptions()).isEqualTo(expected);
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

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.sources()).containsExactly(dir.resolve("requirements.in"));
                assertThat(r.settings().allowUnsafe()).isTrue();
        assertThat(r.settings().generateHashes()).isFalse();
        assertThat(r.settings().stripExtras()).isTrue();
        assertThat(r.settings().annotationStyle()).isEqualTo(AnnotationStyle.LINE);
        assertThat(r.settings().index().indexUrl()).contains("https://pkgs.example/simple/");
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

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("deps/dev.txt"), dir);

        assertThat(r.sources()).as("paths relative to the working directory").containsExactly(dir.resolve("deps/dev.in"));
        assertThat(r.settings().generateHashes()).isTrue();
        assertThat(r.settings().allowUnsafe()).isFalse();
        assertThat(r.settings().extras()).containsExactly(ExtraName.of("cli"));
    }

    @Test
    void aRelockHeaderRoundTripsToTheSameCommand() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        Files.writeString(dir.resolve("c.txt"), "x<2\n");
        String command = "relock compile --constraint=c.txt --no-allow-unsafe --output-file=requirements.txt"
                + " --prerelease=allow requirements.in";
        writeLock("relock with Python 3.11.7", command);

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.customCommand()).isEmpty();
        assertThat(r.settings().prerelease()).contains(PrereleaseMode.ALLOW);
        assertThat(RecordedCommand.normalized(r.settings(), r.sources(), dir.resolve("requirements.txt"), dir))
                .isEqualTo(command);
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

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.settings().allowUnsafe()).isFalse();
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

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.sources()).containsExactly(dir.resolve("requirements.in"));
        assertThat(r.settings().pythonVersion()).contains("3.11");
        assertThat(r.settings().excludeNewer()).contains(new ExcludeNewer.Timestamp(Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(r.settings().allowUnsafe()).isTrue();
    }

    @Test
    void aLockfileWithoutHeaderIsCompiledFromTheInFileBesideIt() throws IOException {
        Files.writeString(dir.resolve("dev.in"), "x\n");
        Files.writeString(dir.resolve("dev.txt"), "x==1.0\n    # via -r dev.in\n");

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("dev.txt"), dir);

        assertThat(r.sources()).containsExactly(dir.resolve("dev.in"));
        assertThat(r.settings().header()).isFalse();
    }

    @Test
    void aLockfileWithNoKnownSourceRecordsNone() throws IOException {
        Files.writeString(dir.resolve("pins.txt"), "x==1.0\n");

        assertThat(RecordedCommand.read(dir.resolve("pins.txt"), dir).sources()).isEmpty();
    }

    @Test
    void recordedPlatformsAreReadBack() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "x\n");
        writeLock("relock with Python 3.11.7", "relock compile --output-file=requirements.txt"
                + " --python-platform=x86_64-manylinux_2_36 --python-platform=aarch64-apple-darwin requirements.in");

        RecordedCommand.Recorded r = RecordedCommand.read(dir.resolve("requirements.txt"), dir);

        assertThat(r.settings().pythonPlatforms()).extracting(p -> p.name())
                .containsExactly("x86_64-manylinux_2_36", "aarch64-macosx_13_0");
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
