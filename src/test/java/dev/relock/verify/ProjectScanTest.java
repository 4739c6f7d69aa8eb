package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.tags.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading workflows and Python version strings (Dockerfiles: workspace.DockerfileScanTest). */
class ProjectScanTest {
    @TempDir Path dir;

    @Test
    void setupPythonVersionsKeepTheirLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ci.yml"), """
                name: ci
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.11.8"
                      - name: many
                        with:
                          python-version: |
                            3.10
                            3.12.1
                        uses: actions/setup-python@v5
                      - uses: actions/setup-python@v5
                        with:
                          python-version-file: .python-version
                  lint:
                    steps:
                      - uses: actions/setup-python@v4
                        with:
                          python-version: ${{ matrix.python }}
                """);
        assertThat(WorkflowScan.setupPythonVersions(file)).containsExactly(
                new WorkflowScan.SetupPython(10, "3.11.8"),
                new WorkflowScan.SetupPython(14, "3.10"),
                new WorkflowScan.SetupPython(15, "3.12.1"),
                new WorkflowScan.SetupPython(24, "${{ matrix.python }}"));
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("3.11.8", "3.11.8", PythonReference.Agreement.SAME),
                Arguments.of("3.11.8-slim-bookworm", "3.11.8", PythonReference.Agreement.SAME),
                Arguments.of("3.11.7", "3.11.8", PythonReference.Agreement.DIFFERENT),
                Arguments.of("3.12.1-slim", "3.11.8", PythonReference.Agreement.DIFFERENT),
                Arguments.of("3.11", "3.11.8", PythonReference.Agreement.SAME_MINOR_INEXACT),
                Arguments.of("3.11-alpine", "3.11.8", PythonReference.Agreement.SAME_MINOR_INEXACT),
                Arguments.of("3.11.8", "3.11", PythonReference.Agreement.SAME),
                Arguments.of("3.12", "3.11", PythonReference.Agreement.DIFFERENT),
                Arguments.of("3.x", "3.11.8", PythonReference.Agreement.UNKNOWN),
                Arguments.of("pypy3.10", "3.11.8", PythonReference.Agreement.UNKNOWN),
                Arguments.of("3.11.8.1", "3.11.8", PythonReference.Agreement.UNKNOWN),
                Arguments.of("latest", "3.11.8", PythonReference.Agreement.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} against {1} is {2}")
    @MethodSource("comparisons")
    void pythonReferencesCompareAtThePrecisionBothGive(String text, String pinned,
            PythonReference.Agreement agreement) {
        assertThat(PythonReference.of(text).compare(PythonVersion.parse(pinned))).isEqualTo(agreement);
    }
}
