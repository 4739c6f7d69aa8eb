package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.ProjectSpec;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.index.SyntheticIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 300-pin lockfile against an index that answers after 20 ms: pages and metadata are fetched concurrently. */
class VerifyPerformanceTest {
    @TempDir Path dir;

    @Test
    void aThreeHundredPinLockVerifiesQuicklyAgainstASlowIndex() throws IOException {
        Scenario scenario = SyntheticIndex.generate(42, new SyntheticIndex.Options(300, 1, 3));
        try (LocalIndexServer server = LocalIndexServer.start(scenario)) {
            List<String> pins = scenario.projects().stream()
                    .map(p -> p.name() + "==" + newest(p))
                    .toList();
            Path lock = Files.writeString(dir.resolve("requirements.txt"), VerifyProject.lockText(server, pins));
            Files.writeString(dir.resolve(".python-version"), "3.11.8\n");
            server.setLatency(Duration.ofMillis(20));
            server.clearLog();
            VerifyRequest request = new VerifyRequest(
                    List.of(new VerifyRequest.Lockfile(lock, Optional.empty())),
                    Checks.all(Optional.empty()), List.of(), Optional.empty(), dir, Map.of(),
                    Optional.of(sources -> IndexClient.builder(sources).parallelism(16).build()),
                    false);
            long start = System.nanoTime();
            VerifyReport report = Verifier.verify(request);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("verify: %d pins, %d index requests at 20 ms latency: %d ms wall%n", report.pins(),
                    server.requestCount(), millis);
            assertThat(report.pins()).isEqualTo(300);
            assertThat(server.requestCount()).isGreaterThanOrEqualTo(600);
            assertThat(millis).isLessThan(10_000);
        }
    }

    private static String newest(ProjectSpec project) {
        return project.releases().get(project.releases().size() - 1).version();
    }
}
