package dev.relock.workspace;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Reading Dockerfiles: FROM lines of the Python image, RUN commands, and finding the files. */
class DockerfileScanTest {
    @TempDir Path dir;

    static Stream<Arguments> fromLines() {
        return Stream.of(
                Arguments.of("FROM python:3.12.1-slim", "python:3.12.1-slim", "3.12.1-slim"),
                Arguments.of("FROM --platform=linux/amd64 python:3.12.1-slim AS build", "python:3.12.1-slim",
                        "3.12.1-slim"),
                Arguments.of("from docker.io/library/python:3.11 as base", "docker.io/library/python:3.11", "3.11"),
                Arguments.of("FROM python", "python", "latest"),
                Arguments.of("FROM python:3.11.8@sha256:abc", "python:3.11.8@sha256:abc", "3.11.8"),
                Arguments.of("FROM localhost:5000/python:3.10.2", "localhost:5000/python:3.10.2", "3.10.2"),
                Arguments.of("FROM python:${PYTHON_VERSION}-slim", "python:${PYTHON_VERSION}-slim",
                        "${PYTHON_VERSION}-slim"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromLines")
    void fromLinesOfThePythonImageAreRecognized(String line, String image, String tag) throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"), "# syntax=docker/dockerfile:1\n" + line + "\n");
        List<DockerfileScan.PythonImage> images = DockerfileScan.read(file).pythonImages();
        assertThat(images).containsExactly(new DockerfileScan.PythonImage(2, image, tag));
    }

    @Test
    void otherImagesAndVariablesAsImagesAreIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"),
                "FROM ubuntu:22.04\nFROM ${BASE}\nFROM mypython:3.1\nFROM ghcr.io/x/python-tools:1.0\n");
        assertThat(DockerfileScan.read(file).pythonImages()).isEmpty();
    }

    @Test
    void runCommandsJoinContinuationsAndKeepTheFirstLine() throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"),
                "FROM python:3.11.8\n# comment\nRUN pip install \\\n    --no-deps \\\n    -r requirements.txt\nCMD x\n");
        assertThat(DockerfileScan.read(file).runCommands())
                .containsExactly(new NumberedLine(3, "pip install --no-deps -r requirements.txt"));
    }

    @Test
    void findsDockerfilesByNameAndSkipsVirtualEnvironmentsAndBuildOutput() throws IOException {
        for (String name : List.of("Dockerfile", "worker.Dockerfile", "Dockerfile.dev", "svc/Dockerfile",
                "node_modules/x/Dockerfile", ".venv/Dockerfile", "target/Dockerfile", "Dockerfile-notes.md")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "FROM python:3.12.1\n");
        }
        assertThat(DockerfileScan.find(dir)).containsExactly(dir.resolve("Dockerfile"), dir.resolve("Dockerfile.dev"),
                dir.resolve("svc/Dockerfile"), dir.resolve("worker.Dockerfile"));
    }

    @Test
    void stagesKeepPlatformImageAndName() throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"),
                "FROM --platform=$BUILDPLATFORM python:3.12 AS Build\nRUN x\nfrom node:20\nFROM scratch as final\n");
        assertThat(DockerfileScan.read(file).stages()).containsExactly(
                new DockerfileScan.Stage(1, Optional.of("$BUILDPLATFORM"), "python:3.12", Optional.of("Build")),
                new DockerfileScan.Stage(3, Optional.empty(), "node:20", Optional.empty()),
                new DockerfileScan.Stage(4, Optional.empty(), "scratch", Optional.of("final")));
    }

    @Test
    void onlyArgsBeforeTheFirstFromAreGlobal() throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"),
                "ARG PY=3.12 DEBIAN=\"bookworm\"\nARG NODEFAULT\nARG TAG=${PY}-slim-$DEBIAN\n"
                        + "FROM python:${TAG}\nARG LATER=1\n");
        DockerfileScan scan = DockerfileScan.read(file);
        assertThat(scan.globalArgs()).containsExactly(Map.entry("PY", "3.12"), Map.entry("DEBIAN", "bookworm"),
                Map.entry("TAG", "3.12-slim-bookworm"));
        assertThat(scan.expand("python:${TAG}")).isEqualTo(new DockerfileScan.Expansion("python:3.12-slim-bookworm",
                List.of()));
        assertThat(scan.expand("python:$LATER-${NODEFAULT}")).isEqualTo(new DockerfileScan.Expansion("python:-",
                List.of("LATER", "NODEFAULT")));
        assertThat(scan.expand("${X:-3.11}/${PY:+set}/${X:+set}")).isEqualTo(new DockerfileScan.Expansion(
                "3.11/set/", List.of()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "python:3.12-slim, python, 3.12-slim, true",
        "docker.io/library/python@sha256:ab, docker.io/library/python, latest, true",
        "localhost:5000/python, localhost:5000/python, latest, true",
        "ghcr.io/x/python-tools:1.0, ghcr.io/x/python-tools, 1.0, false",
    })
    void imageReferencesSplitIntoRepositoryAndTag(String image, String repository, String tag, boolean python) {
        DockerfileScan.ImageRef ref = DockerfileScan.ImageRef.parse(image);
        assertThat(ref).isEqualTo(new DockerfileScan.ImageRef(repository, tag));
        assertThat(ref.isPython()).isEqualTo(python);
    }
}
