package dev.relock.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Deriving the target platform from real Dockerfiles written into a temporary project. */
class ProjectPlatformTest {
    private static final String FALLBACK_SOURCE =
            "no Dockerfile names a python: base image; uv's default x86_64-manylinux_2_28";

    @TempDir Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Debian releases named in the tag
        "python:3.11.7-slim-bookworm                     | x86_64-manylinux_2_36 | Debian bookworm, glibc 2.36",
        "python:3.12-bookworm                            | x86_64-manylinux_2_36 | Debian bookworm, glibc 2.36",
        "python:bookworm                                 | x86_64-manylinux_2_36 | Debian bookworm, glibc 2.36",
        "python:slim-bookworm                            | x86_64-manylinux_2_36 | Debian bookworm, glibc 2.36",
        "python:3.13-trixie                              | x86_64-manylinux_2_41 | Debian trixie, glibc 2.41",
        "python:3.14.0-slim-trixie                       | x86_64-manylinux_2_41 | Debian trixie, glibc 2.41",
        "python:3.10-bullseye                            | x86_64-manylinux_2_31 | Debian bullseye, glibc 2.31",
        "python:3.9.18-slim-bullseye                     | x86_64-manylinux_2_31 | Debian bullseye, glibc 2.31",
        "python:3.8-buster                               | x86_64-manylinux_2_28 | Debian buster, glibc 2.28",
        "python:3.8.18-slim-buster                       | x86_64-manylinux_2_28 | Debian buster, glibc 2.28",
        // Alpine: musl, whatever Alpine release
        "python:3.12-alpine                              | x86_64-musllinux_1_2  | Alpine, musl 1.2",
        "python:3.12.7-alpine3.20                        | x86_64-musllinux_1_2  | Alpine, musl 1.2",
        "python:alpine                                   | x86_64-musllinux_1_2  | Alpine, musl 1.2",
        // No distribution in the tag: bookworm assumed, and said so
        "python:3.11.7                                   | x86_64-manylinux_2_36 | assumes bookworm, glibc 2.36",
        "python:3.11.7-slim                              | x86_64-manylinux_2_36 | assumes bookworm, glibc 2.36",
        "python:3.12                                     | x86_64-manylinux_2_36 | assumes bookworm, glibc 2.36",
        "python:3.14                                     | x86_64-manylinux_2_36 | assumes bookworm, glibc 2.36",
        "python                                          | x86_64-manylinux_2_36 | assumes bookworm, glibc 2.36",
        "python:latest                                   | x86_64-manylinux_2_36 | trixie, glibc 2.41",
        // Windows
        "python:3.12-windowsservercore-ltsc2022          | x86_64-pc-windows-msvc | Windows Server Core",
        "python:3.12.7-nanoserver-1809                   | x86_64-pc-windows-msvc | Nano Server",
        // Registries, mirrors, digests
        "docker.io/library/python:3.12-slim-bookworm     | x86_64-manylinux_2_36 | Debian bookworm",
        "mirror.gcr.io/library/python:3.13-slim-trixie   | x86_64-manylinux_2_41 | Debian trixie",
        "localhost:5000/python:3.10-bullseye             | x86_64-manylinux_2_31 | Debian bullseye",
        "python:3.12-slim-bookworm@sha256:0123abcd       | x86_64-manylinux_2_36 | Debian bookworm",
    })
    void eachPythonImageVariantMapsToItsPlatform(String image, String platform, String reason) throws IOException {
        write("Dockerfile", "# syntax=docker/dockerfile:1\nFROM " + image + " AS app\nRUN pip install x\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo(platform);
        assertThat(inferred.source())
                .startsWith("Dockerfile:2 FROM " + image + " \u2192 " + platform + " (")
                .contains(reason);
        assertThat(inferred.warnings()).isEmpty();
        assertThat(inferred.fromDockerfile()).isTrue();
    }

    @ParameterizedTest(name = "--platform={0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "linux/arm64       | python:3.12-slim-bookworm | aarch64-manylinux_2_36",
        "linux/aarch64     | python:3.12-slim-bookworm | aarch64-manylinux_2_36",
        "linux/arm64/v8    | python:3.13-trixie        | aarch64-manylinux_2_41",
        "LINUX/ARM64       | python:3.10-bullseye      | aarch64-manylinux_2_31",
        "linux/arm64       | python:3.12-alpine        | aarch64-musllinux_1_2",
        "linux/amd64       | python:3.12-slim-bookworm | x86_64-manylinux_2_36",
        "$BUILDPLATFORM    | python:3.12-slim-bookworm | x86_64-manylinux_2_36",
        "${TARGETPLATFORM} | python:3.12-slim-bookworm | x86_64-manylinux_2_36",
    })
    void thePlatformFlagChoosesTheArchitecture(String flag, String image, String platform) throws IOException {
        write("Dockerfile", "FROM --platform=" + flag + " " + image + "\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo(platform);
        assertThat(inferred.source()).startsWith("Dockerfile:1 FROM --platform=" + flag + " " + image);
        assertThat(inferred.warnings()).isEmpty();
    }

    @Test
    void anArchitectureRelockCannotTargetIsIgnoredWithAWarning() throws IOException {
        write("Dockerfile", "FROM --platform=linux/arm/v7 python:3.12-slim-bookworm\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform()).isEqualTo(ProjectPlatform.FALLBACK);
        assertThat(inferred.warnings()).singleElement().asString()
                .startsWith("Dockerfile:1 FROM --platform=linux/arm/v7 python:3.12-slim-bookworm")
                .contains("cannot lock for linux/arm/v7");
    }

    static Stream<Arguments> dockerfiles() {
        return Stream.of(
                Arguments.of("final stage is python, builder is too",
                        "FROM python:3.12-bookworm AS build\nRUN pip wheel -w /w x\n\nFROM python:3.12-slim-trixie\n"
                                + "COPY --from=build /w /w\n",
                        "x86_64-manylinux_2_41", "Dockerfile:4 FROM python:3.12-slim-trixie"),
                Arguments.of("final stage is distroless: the python builder decides",
                        "FROM python:3.11.7-slim-bullseye AS build\nRUN pip install --target /app x\n"
                                + "FROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n",
                        "x86_64-manylinux_2_31", "Dockerfile:1 FROM python:3.11.7-slim-bullseye"),
                Arguments.of("final stage from a python stage alias",
                        "FROM python:3.12-slim-bookworm AS base\nFROM node:20 AS assets\nFROM base AS final\n",
                        "x86_64-manylinux_2_36", "Dockerfile:1 FROM python:3.12-slim-bookworm"),
                Arguments.of("alias with its own --platform",
                        "FROM python:3.12-slim-bookworm AS base\nFROM --platform=linux/arm64 base\n",
                        "aarch64-manylinux_2_36", "Dockerfile:1 FROM python:3.12-slim-bookworm"),
                Arguments.of("ARG default before FROM",
                        "ARG PY=3.11.7\nFROM python:${PY}-slim-bookworm\n",
                        "x86_64-manylinux_2_36", "Dockerfile:2 FROM python:${PY}-slim-bookworm"
                                + " (python:3.11.7-slim-bookworm)"),
                Arguments.of("quoted ARG defaults, $NAME form",
                        "ARG PY=\"3.12\" DEBIAN='bullseye'\nFROM python:$PY-slim-$DEBIAN\n",
                        "x86_64-manylinux_2_31", "Dockerfile:2 FROM python:$PY-slim-$DEBIAN (python:3.12-slim-bullseye)"),
                Arguments.of("a default in the FROM line",
                        "FROM python:${PY:-3.12}-alpine\n",
                        "x86_64-musllinux_1_2", "Dockerfile:1 FROM python:${PY:-3.12}-alpine (python:3.12-alpine)"),
                Arguments.of("an ARG giving the whole image",
                        "ARG BASE=python:3.13-slim-trixie\nFROM ${BASE}\n",
                        "x86_64-manylinux_2_41", "Dockerfile:2 FROM ${BASE} (python:3.13-slim-trixie)"),
                Arguments.of("an ARG giving the platform",
                        "ARG ARCH=linux/arm64\nFROM --platform=$ARCH python:3.12-bookworm\n",
                        "aarch64-manylinux_2_36", "Dockerfile:2 FROM --platform=$ARCH python:3.12-bookworm"),
                Arguments.of("continuation lines and comments",
                        "# base\nFROM \\\n    --platform=linux/arm64 \\\n    python:3.12-alpine3.20 AS app\n",
                        "aarch64-musllinux_1_2", "Dockerfile:2 FROM --platform=linux/arm64 python:3.12-alpine3.20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void theRuntimeStageOfADockerfileDecides(String title, String text, String platform, String source)
            throws IOException {
        write("Dockerfile", text);
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo(platform);
        assertThat(inferred.source()).startsWith(source + " \u2192 " + platform);
        assertThat(inferred.warnings()).isEmpty();
    }

    @Test
    void aBuilderStageChosenOverANonPythonFinalStageSaysSo() throws IOException {
        write("Dockerfile", "FROM python:3.12-slim-bookworm AS build\nFROM gcr.io/distroless/python3-debian12\n");
        assertThat(ProjectPlatform.infer(dir).source())
                .contains("the final stage at line 2 is gcr.io/distroless/python3-debian12");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'FROM python:${PY}-slim'                       | Dockerfile:1 FROM python:${PY}-slim: the tag needs build argument PY",
        "'ARG PY\\nFROM python:${PY}-slim'               | Dockerfile:2 FROM python:${PY}-slim: the tag needs build argument PY",
        "'ARG A\\nFROM python:$A-$B'                     | Dockerfile:2 FROM python:$A-$B: the tag needs build arguments A, B",
        "'FROM alpine\\nARG PY=3.12\\nFROM python:$PY'    | Dockerfile:3 FROM python:$PY: the tag needs build argument PY",
    })
    void aTagFromABuildArgumentWithoutDefaultIsIgnoredWithAWarning(String text, String warning) throws IOException {
        write("Dockerfile", text.replace("\\n", "\n"));
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform()).isEqualTo(ProjectPlatform.FALLBACK);
        assertThat(inferred.source()).isEqualTo(FALLBACK_SOURCE);
        assertThat(inferred.fromDockerfile()).isFalse();
        assertThat(inferred.warnings()).singleElement().asString().startsWith(warning).contains("ignored");
    }

    @Test
    void anIgnoredStageLeavesTheOthersToDecide() throws IOException {
        write("Dockerfile", "FROM python:3.12-bookworm AS build\nFROM python:${PY}-slim\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_36");
        assertThat(inferred.source()).startsWith("Dockerfile:1 ");
        assertThat(inferred.warnings()).singleElement().asString().startsWith("Dockerfile:2 ");
    }

    @Test
    void disagreeingDockerfilesGiveTheOlderGlibcAndAWarningNamingBoth() throws IOException {
        write("Dockerfile", "FROM python:3.11.7-slim-bookworm\n");
        write("worker.Dockerfile", "# worker\n\nFROM python:3.11.7-slim-bullseye\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_31");
        assertThat(inferred.source()).startsWith("worker.Dockerfile:3 FROM python:3.11.7-slim-bullseye");
        assertThat(inferred.warnings()).containsExactly("Dockerfile:1 says x86_64-manylinux_2_36 but"
                + " worker.Dockerfile:3 says x86_64-manylinux_2_31; locking for the older x86_64-manylinux_2_31,"
                + " pass --python-platform to choose");
        assertThat(inferred.candidates()).extracting(DockerfilePlatform::location)
                .containsExactly("Dockerfile:1", "worker.Dockerfile:3");
    }

    @Test
    void agreeingDockerfilesGiveNoWarning() throws IOException {
        write("Dockerfile", "FROM python:3.12-slim-bookworm\n");
        write("Dockerfile.dev", "FROM python:3.12-bookworm\n");
        write("worker/Dockerfile", "FROM python:3.12\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_36");
        assertThat(inferred.source()).startsWith("Dockerfile:1 ");
        assertThat(inferred.warnings()).isEmpty();
        assertThat(inferred.candidates()).hasSize(3);
    }

    @Test
    void mixedCLibrariesPreferTheRootDockerfileAndWarn() throws IOException {
        write("Dockerfile", "FROM python:3.12-slim-bookworm\n");
        write("alpine.Dockerfile", "FROM python:3.12-alpine\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_36");
        assertThat(inferred.warnings()).containsExactly("Dockerfile:1 says x86_64-manylinux_2_36 but"
                + " alpine.Dockerfile:1 says x86_64-musllinux_1_2 (another C library); locking for"
                + " x86_64-manylinux_2_36 as Dockerfile is the root Dockerfile, pass --python-platform to choose");
    }

    @Test
    void mixedArchitecturesWithoutARootDockerfileTakeTheFirstInPathOrder() throws IOException {
        write("b.Dockerfile", "FROM --platform=linux/amd64 python:3.12-slim-bookworm\n");
        write("a.Dockerfile", "FROM --platform=linux/arm64 python:3.12-slim-bookworm\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("aarch64-manylinux_2_36");
        assertThat(inferred.warnings()).singleElement().asString()
                .startsWith("a.Dockerfile:1 says aarch64-manylinux_2_36 but b.Dockerfile:1 says"
                        + " x86_64-manylinux_2_36 (another architecture)")
                .contains("the first Dockerfile");
    }

    @Test
    void withinTheRootDockerfilesKindTheOlderGlibcStillWins() throws IOException {
        write("Dockerfile", "FROM python:3.13-trixie\n");
        write("alpine.Dockerfile", "FROM python:3.13-alpine\n");
        write("svc/Dockerfile", "FROM python:3.13-bookworm\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_36");
        assertThat(inferred.source()).startsWith("svc/Dockerfile:1 ");
        assertThat(inferred.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).startsWith("Dockerfile:1 says x86_64-manylinux_2_41"))
                .anySatisfy(w -> assertThat(w).contains("alpine.Dockerfile:1 says x86_64-musllinux_1_2"));
    }

    @Test
    void withoutDockerfilesTheFallbackIsUvsDefault() {
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform()).isEqualTo(ProjectPlatform.FALLBACK);
        assertThat(ProjectPlatform.FALLBACK.name()).isEqualTo("x86_64-manylinux_2_28");
        assertThat(inferred.source()).isEqualTo(FALLBACK_SOURCE);
        assertThat(inferred.warnings()).isEmpty();
        assertThat(inferred.candidates()).isEmpty();
    }

    @Test
    void aMissingProjectRootGivesTheFallback() {
        assertThat(ProjectPlatform.infer(dir.resolve("absent")).platform()).isEqualTo(ProjectPlatform.FALLBACK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'FROM ubuntu:24.04\\nRUN apt-get install -y python3'",
        "'FROM node:20-bookworm AS assets\\nFROM gcr.io/distroless/python3-debian12'",
        "'FROM ghcr.io/astral-sh/uv:python3.12-bookworm'",
        "'FROM mypython:3.12\\nFROM ${BASE}'",
    })
    void nonPythonBaseImagesGiveTheFallback(String text) throws IOException {
        write("Dockerfile", text.replace("\\n", "\n"));
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform()).isEqualTo(ProjectPlatform.FALLBACK);
        assertThat(inferred.source()).isEqualTo(FALLBACK_SOURCE);
        assertThat(inferred.warnings()).isEmpty();
    }

    @Test
    void onlyTheRootAndOneLevelOfVisibleSubdirectoriesAreRead() throws IOException {
        write("deploy/Dockerfile", "FROM python:3.10-bullseye\n");
        write("deploy/old/Dockerfile", "FROM python:3.8-buster\n");
        write(".devcontainer/Dockerfile", "FROM python:3.8-buster\n");
        write("node_modules/x/Dockerfile", "FROM python:3.8-buster\n");
        write("target/Dockerfile", "FROM python:3.8-buster\n");
        write(".venv/Dockerfile", "FROM python:3.8-buster\n");
        InferredPlatform inferred = ProjectPlatform.infer(dir);
        assertThat(inferred.platform().name()).isEqualTo("x86_64-manylinux_2_31");
        assertThat(inferred.source()).startsWith("deploy/Dockerfile:1 ");
        assertThat(inferred.warnings()).isEmpty();
    }
}
