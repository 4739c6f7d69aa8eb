package dev.relock.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPythonTest {
    private static String target(String... probe) {
        return HostPython.parse(Path.of("/usr/bin/python3"), List.of(probe)).target().toString();
    }

    @Test
    void theProbeNamesTheTargetBuildRequirementsAreResolvedFor() {
        assertThat(target("3.11.2", "x86_64", "linux", "glibc 2.36")).isEqualTo("3.11.2 on x86_64-manylinux_2_36");
        assertThat(target("3.12.1", "arm64", "darwin", " ")).isEqualTo("3.12.1 on aarch64-macosx_13_0");
        assertThat(target("3.12.1", "AMD64", "win32", " ")).contains("x86_64").contains("windows");
    }

    @Test
    void unexpectedOutputIsRefused() {
        assertThatThrownBy(() -> target("3.11.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target("3.11.2", "sparc", "sunos5", " ")).hasMessageContaining("sunos5");
    }
}
