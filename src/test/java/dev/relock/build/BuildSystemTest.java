package dev.relock.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSystemTest {
    @TempDir Path tree;

    @Test
    void withoutPyprojectSetupPyIsBuiltByTheLegacyBackendWithSetuptoolsAndWheel() throws IOException {
        assertThat(BuildSystem.of(tree)).isEqualTo(new BuildSystem(List.of("setuptools>=40.8.0", "wheel"),
                BuildSystem.LEGACY_BACKEND, List.of()));
    }

    @Test
    void aPyprojectWithoutBuildSystemGetsPipsDefaults() throws IOException {
        Files.writeString(tree.resolve("pyproject.toml"), "[tool.black]\nline-length = 100\n");

        assertThat(BuildSystem.of(tree)).isEqualTo(new BuildSystem(List.of("setuptools>=40.8.0"),
                BuildSystem.LEGACY_BACKEND, List.of()));
    }

    @Test
    void theTableIsReadAsWritten() throws IOException {
        Files.writeString(tree.resolve("pyproject.toml"), "[build-system]\nrequires = [\"hatchling>=1.18\"]\n"
                + "build-backend = \"hatchling.build\"\nbackend-path = [\"_build\"]\n");

        assertThat(BuildSystem.of(tree)).isEqualTo(new BuildSystem(List.of("hatchling>=1.18"), "hatchling.build",
                List.of("_build")));
    }

    @Test
    void malformedTablesNameTheKey() throws IOException {
        Files.writeString(tree.resolve("pyproject.toml"), "[build-system]\nrequires = \"setuptools\"\n");
        assertThatThrownBy(() -> BuildSystem.of(tree)).hasMessageContaining("[build-system] requires");

        Files.writeString(tree.resolve("pyproject.toml"), "[build-system\n");
        assertThatThrownBy(() -> BuildSystem.of(tree)).hasMessageStartingWith("its pyproject.toml is not valid TOML");
    }
}
