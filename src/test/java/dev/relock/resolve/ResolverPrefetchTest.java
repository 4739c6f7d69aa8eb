package dev.relock.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.common.RelockException;
import dev.relock.testing.index.ProjectSpec;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.index.SyntheticIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network stays busy while the solver works: requests overlap instead of queueing. */
class ResolverPrefetchTest {
    private static final Duration LATENCY = Duration.ofMillis(20);

    @Test
    void pagesAndMetadataAreFetchedInParallelAndOnce() {
        Scenario.Builder b = Scenario.builder();
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String leaf = "leaf" + i;
            leaves.add(leaf);
            b.project(leaf, p -> p.release("1.0").release("2.0", r -> r.requires("shared>=1")));
        }
        b.project("shared", p -> p.release("1.0").release("1.1"));
        b.project("app", p -> p.release("1.0", r -> r.requires(leaves.toArray(String[]::new))));
        Scenario scenario = b.build();
        try (IndexFixture warmUp = IndexFixture.serve(scenario)) {
            warmUp.resolve(IndexFixture.request("leaf3"));
        }
        try (IndexFixture index = IndexFixture.serve(scenario)) {
            index.server.setLatency(LATENCY);
            long start = System.nanoTime();
            Resolution r = index.resolve(IndexFixture.request("app"));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            int requests = index.server.requestCount();
            System.out.println("prefetch: 22 packages in " + millis + " ms, " + requests + " requests; fetched one"
                    + " by one they would take at least " + requests * LATENCY.toMillis() + " ms");
            assertThat(r.packages()).hasSize(22);
            // One page and one metadata file per package: nothing fetched twice, nothing needless.
            assertThat(index.server.requests(p -> p.startsWith("/simple/")).size()).isEqualTo(22);
            assertThat(index.server.requests(p -> p.endsWith(".metadata")).size()).isEqualTo(22);
        }
    }

    @Test
    void aSyntheticIndexResolvesInReasonableTime() {
        Scenario scenario = SyntheticIndex.generate(7);
        List<String> roots = scenario.projects().stream().limit(20).map(ProjectSpec::name).toList();
        try (IndexFixture index = IndexFixture.serve(scenario)) {
            index.server.setLatency(LATENCY);
            long start = System.nanoTime();
            String outcome;
            try {
                outcome = index.resolve(IndexFixture.request(roots.toArray(String[]::new))).packages().size()
                        + " packages";
            } catch (RelockException e) {
                assertThat(e.kind()).isEqualTo(RelockException.Kind.UNRESOLVABLE);
                outcome = "unresolvable: " + e.getMessage().lines().findFirst().orElseThrow();
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.println("synthetic index, 20 roots: " + outcome + " in " + millis + " ms, "
                    + index.server.requestCount() + " requests");
            assertThat(index.server.requestCount()).isPositive();
        }
    }
}
