package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.reqtxt.RequirementsFileReader;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** install-hygiene on Dockerfile RUN lines and workflow run steps. */
class InstallHygieneCheckTest {
    @TempDir Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("pip install --require-hashes --no-deps -r requirements.txt", List.of()),
                Arguments.of("python3 -m pip install --no-deps --require-hashes --requirement=requirements.txt",
                        List.of()),
                Arguments.of("pip install -r requirements.txt", List.of("without --require-hashes and --no-deps")),
                Arguments.of("pip3 install --no-deps -rrequirements.txt", List.of("without --require-hashes")),
                Arguments.of("/venv/bin/pip install --require-hashes -r ./requirements.txt", List.of("without --no-deps")),
                Arguments.of("pip install -r requirements-dev.txt", List.of()),
                Arguments.of("pip install --upgrade pip", List.of("installs pip unpinned")),
                Arguments.of("python -m pip install -U pip setuptools==69.0.3 wheel",
                        List.of("installs pip unpinned", "installs wheel unpinned")),
                Arguments.of("pip install pip==24.0 && pip install --require-hashes --no-deps -r requirements.txt",
                        List.of()),
                Arguments.of("pip install 'setuptools>=60'", List.of("installs setuptools unpinned")),
                Arguments.of("echo pip install -r requirements.txt is documented", List.of()),
                Arguments.of("pip download -r requirements.txt", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void pipInstallCommandsInDockerfilesAreJudged(String command, List<String> problems) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.11.8-slim\nRUN " + command + "\n");
        List<Finding> findings = run();
        assertThat(findings).extracting(Finding::message)
                .hasSize(problems.size())
                .allSatisfy(m -> assertThat(problems.stream().anyMatch(m::contains)).as(m).isTrue());
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void workflowRunStepsAreJudgedAtTheirOwnLine() throws IOException {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("ci.yml"), """
                jobs:
                  build:
                    steps:
                      - run: pip install --upgrade pip
                      - run: |
                          echo hi
                          pip install \\
                            -r requirements.txt
                """);
        List<Finding> findings = run();
        assertThat(findings).extracting(Finding::line, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "'pip install --upgrade pip' installs pip unpinned: the build"
                        + " changes whenever a new pip is released"),
                org.assertj.core.groups.Tuple.tuple(7, "'pip install -r requirements.txt' installs requirements.txt"
                        + " without --require-hashes and --no-deps"));
    }

    @Test
    void baseImagesWithoutAPatchVersionAreWarnedAbout() throws IOException {
        Files.writeString(dir.resolve("app.Dockerfile"),
                "FROM python:3.11-slim AS build\nFROM python:3.11.8-slim\nFROM python\nFROM python:${V}\n");
        assertThat(run()).extracting(Finding::line, Finding::expected).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "python:X.Y.Z-slim"),
                org.assertj.core.groups.Tuple.tuple(3, "python:X.Y.Z"));
    }

    private List<Finding> run() throws IOException {
        Path lock = Files.writeString(dir.resolve("requirements.txt"), "a==1.0\n");
        LockDocument doc = LockDocument.read(lock, Map.of());
        VerifyInput input = new VerifyInput(doc, Optional.empty(), Target.parse("3.11.8", "linux"),
                new PythonSetting(dir.resolve(".python-version"), Optional.empty(), "none"), dir, Optional.empty());
        assertThat(new RequirementsFileReader(Map.of()).read(lock).requirements()).hasSize(1);
        return new InstallHygieneCheck().run(input);
    }
}
