package dev.relock.testing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIndexServerMainTest {
    @Test
    void servesAScenarioFileWithTheRequestedSwitches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        ScenarioJson.write(DistributionsTest.SCENARIO, file);
        try (LocalIndexServer server = LocalIndexServerMain.serve(
                new String[] {"--scenario", file.toString(), "--no-json", "--latency-ms", "5"})) {
            assertThat(server.scenario()).isEqualTo(DistributionsTest.SCENARIO);
            assertThat(server.simpleUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/simple/");
        }
    }

    @Test
    void generatesAndWritesASeededScenario(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("generated.json");
        try (LocalIndexServer server = LocalIndexServerMain.serve(new String[] {
            "--seed", "5", "--projects", "12", "--min-versions", "2", "--max-versions", "4", "--write-scenario", out.toString()})) {
            Scenario expected = SyntheticIndex.generate(5, new SyntheticIndex.Options(12, 2, 4));
            assertThat(server.scenario()).isEqualTo(expected);
            assertThat(ScenarioJson.read(out)).isEqualTo(expected);
        }
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> LocalIndexServerMain.serve(new String[] {"--frobnicate"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
    }
}
