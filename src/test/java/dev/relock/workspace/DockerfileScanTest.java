package dev.relock.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
