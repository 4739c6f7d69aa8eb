package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.tags.TargetPlatform;
import dev.relock.workspace.PythonVersionFile;
import dev.relock.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTargetsTest {
    @TempDir Path dir;

    @Test
    void theOptionWinsOverTheFileAndThePlatformIsDerivedWhenNoneIsNamed() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.9\n");
        LockTargets fromFile = LockTargets.choose(LockSettings.DEFAULTS, "", dir, dir);
        assertThat(fromFile.targets().get(0).python().toString()).isEqualTo("3.11.9");
        assertThat(fromFile.platforms()).containsExactly(TargetPlatform.parse("x86_64-manylinux_2_28"));
        assertThat(fromFile.derived()).isTrue();
        assertThat(fromFile.pin()).isPresent();
        assertThat(fromFile.platformSource()).contains("x86_64-manylinux_2_28");

        LockSettings named = LockSettings.builder().pythonVersion("3.12.4")
                .pythonPlatform(TargetPlatform.parse("aarch64-apple-darwin"))
                .pythonPlatform(TargetPlatform.parse("x86_64-manylinux_2_36")).build();
        LockTargets fromOption = LockTargets.choose(named, "--python-platform on the command line", dir, dir);
        assertThat(fromOption.targets()).extracting(t -> t.toString())
                .containsExactly("3.12.4 on aarch64-macosx_13_0", "3.12.4 on x86_64-manylinux_2_36");
        assertThat(fromOption.pin()).isEmpty();
        assertThat(fromOption.derived()).isFalse();
        assertThat(fromOption.describe()).isEqualTo("3.12.4 on aarch64-macosx_13_0 and x86_64-manylinux_2_36");
    }

    @Test
    void aDockerfileDecidesTheDerivedPlatform() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM --platform=linux/arm64 python:3.11.7-slim-trixie\n");

        LockTargets t = LockTargets.choose(LockSettings.DEFAULTS, "", dir, dir);

        assertThat(t.platforms()).containsExactly(TargetPlatform.parse("aarch64-manylinux_2_41"));
        assertThat(t.platformSource()).startsWith("Dockerfile:1");
    }

    @Test
    void theDockerfileAtTheRepositoryRootCountsForLocksInSubdirectories() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.11.7-slim-bullseye\n");
        Path requirements = Files.createDirectories(dir.resolve("requirements/deep"));

        LockTargets t = LockTargets.choose(LockSettings.DEFAULTS, "", requirements, requirements);

        assertThat(t.platforms()).containsExactly(TargetPlatform.parse("x86_64-manylinux_2_31"));
    }

    @Test
    void theNearestPythonDockerfileWinsOverTheRepositoryRootsOwn() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM eclipse-temurin:17\n");
        Path app = Files.createDirectories(dir.resolve("examples/app"));
        Files.writeString(app.resolve(".python-version"), "3.12.7\n");
        Files.writeString(app.resolve("Dockerfile"), "FROM python:3.12.7-slim-trixie\n");

        LockTargets t = LockTargets.choose(LockSettings.DEFAULTS, "", app, app);

        assertThat(t.platforms()).containsExactly(TargetPlatform.parse("x86_64-manylinux_2_41"));
    }

    @Test
    void withNeitherOptionNorFileTheErrorSaysHowToFixIt() {
        Path isolated = dir.resolve("x");
        if (PythonVersionFile.find(isolated).isEmpty()) {
            assertThatThrownBy(() -> LockTargets.choose(LockSettings.DEFAULTS, "", isolated, isolated))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(".python-version")
                    .hasMessageContaining("--python-version");
        }
    }
}
