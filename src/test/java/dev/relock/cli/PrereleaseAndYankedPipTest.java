package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.python.PythonTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pip 23.2 as an independent judge of the pre-release and yanked rules where pip's own rules
 * give the same answer: pip skips yanked releases unless pinned with {@code ==}, and takes a
 * pre-release when the requirement names one or the project has no final release. For each
 * {@code requirements.in}, {@code pip install --dry-run --report} against the same local index
 * must install exactly what {@code relock compile} pins. Skipped without {@code python3 -m pip}.
 */
class PrereleaseAndYankedPipTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Inputs on which uv's rules (relock's) and pip's agree. */
    static final List<String> INPUTS = List.of("y\n", "y==2.0\n", "y>=1.0\nneeds-c\n", "c>=2.0.0b1\n",
            "uses-onlypre\n", "needs-y2\ny==2.0\n", "-c constraints.txt\nneeds-c-beta\n");

    @TempDir Path dir;

    @Test
    void pipInstallsExactlyWhatRelockPins() throws Exception {
        assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
        try (LocalIndexServer server = LocalIndexServer.start(PrereleaseAndYankedPolicyTest.world())) {
            for (int i = 0; i < INPUTS.size(); i++) {
                Path project = Files.createDirectories(dir.resolve("p" + i));
                Files.writeString(project.resolve("requirements.in"), INPUTS.get(i));
                Files.writeString(project.resolve("constraints.txt"), "c==2.0.0b1\n");
                Map<String, String> pinned = relock(server, project);
                assertThat(pinned).as(INPUTS.get(i)).isNotEmpty();
                assertThat(pip(server, project)).as(INPUTS.get(i)).isEqualTo(pinned);
            }
        }
    }

    /** {@code name -> version} of the lock relock writes. */
    private static Map<String, String> relock(LocalIndexServer server, Path project) throws IOException {
        Result r = Result.run(project, Map.of(), "compile", "requirements.in", "--python-version", "3.11", "-i",
                server.simpleUrl().toString(), "--no-cache", "-q");
        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String> pins = new TreeMap<>();
        for (String line : Files.readAllLines(project.resolve("requirements.txt"))) {
            if (line.matches("[a-z0-9-]+==\\S+")) {
                pins.put(line.substring(0, line.indexOf("==")), line.substring(line.indexOf("==") + 2));
            }
        }
        return pins;
    }

    /** {@code name -> version} of what pip would install for the project's {@code requirements.in}. */
    private static Map<String, String> pip(LocalIndexServer server, Path project) throws Exception {
        Path report = project.resolve("pip-report.json");
        PythonTool.Result r = PythonTool.run(project, List.of("python3", "-m", "pip", "install", "--isolated",
                "--dry-run", "--ignore-installed", "--no-cache-dir", "--disable-pip-version-check", "--no-input",
                "--retries", "0", "--quiet", "--report", report.toString(), "--index-url", server.simpleUrl().toString(),
                "-r", "requirements.in"));
        assertThat(r.exit()).as(r.output()).isZero();
        Map<String, String> installed = new TreeMap<>();
        for (JsonNode item : JSON.readTree(report.toFile()).path("install")) {
            installed.put(item.path("metadata").path("name").asText(), item.path("metadata").path("version").asText());
        }
        return installed;
    }
}
