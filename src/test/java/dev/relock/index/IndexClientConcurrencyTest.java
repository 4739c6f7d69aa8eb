package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages and metadata of many projects are fetched in parallel: with latency L per request and
 * P requests in flight, N requests take about N / P × L, not N × L.
 */
class IndexClientConcurrencyTest {
    private static final int PROJECTS = 200;
    private static final int PARALLELISM = 16;
    private static final Duration LATENCY = Duration.ofMillis(20);

    @Test
    @Timeout(60)
    void twoHundredProjectsArePrefetchedInParallel() {
        Scenario.Builder scenario = Scenario.builder();
        for (int i = 0; i < PROJECTS; i++) {
            scenario.project("project-" + i, p -> p.release("1.0", r -> r.requires("six").wheel()));
        }
        try (LocalIndexServer server = LocalIndexServer.start(scenario.build())) {
            prefetchAll(newClient(server));
            measure(server);
        }
    }

    private static IndexClient newClient(LocalIndexServer server) {
        return IndexClient.builder(IndexSources.builder().indexUrl(server.simpleUrl().toString()).build())
                .parallelism(PARALLELISM)
                .retryPolicy(Support.FAST_RETRIES)
                .build();
    }

    private static List<CoreMetadata> prefetchAll(IndexClient client) {
        try (client) {
            List<CompletableFuture<CoreMetadata>> all = IntStream.range(0, PROJECTS)
                    .mapToObj(i -> client.projectAsync(PackageName.of("project-" + i))
                            .thenCompose(page -> client.metadataAsync(page.files().get(0))))
                    .toList();
            return all.stream().map(CompletableFuture::join).toList();
        }
    }

    /**
     * Times the prefetch without latency (the CPU cost of client and server on this machine) and
     * with latency; the difference is what the latency added, which parallelism should keep near
     * requests / pool size × latency instead of requests × latency.
     */
    private static void measure(LocalIndexServer server) {
        long baselineMillis = timed(() -> prefetchAll(newClient(server)));
        server.clearLog();
        server.setLatency(LATENCY);
        List<List<CoreMetadata>> result = new java.util.ArrayList<>();
        long wallMillis = timed(() -> result.add(prefetchAll(newClient(server))));

        int requests = server.requestCount();
        long sequentialMillis = requests * LATENCY.toMillis();
        long idealMillis = (long) Math.ceil((double) requests / PARALLELISM) * LATENCY.toMillis();
        long addedMillis = wallMillis - baselineMillis;
        System.out.printf("index concurrency: %d requests, pool size %d, latency %d ms: wall %d ms"
                        + " (%d ms without latency, so latency added %d ms); sequential estimate %d ms,"
                        + " ideal %d ms; wall is %.1f%% of sequential%n",
                requests, PARALLELISM, LATENCY.toMillis(), wallMillis, baselineMillis, addedMillis,
                sequentialMillis, idealMillis, 100.0 * wallMillis / sequentialMillis);

        assertThat(result.get(0)).hasSize(PROJECTS).allSatisfy(m -> assertThat(m.requiresDist()).hasSize(1));
        assertThat(requests).isEqualTo(2 * PROJECTS);
        assertThat(addedMillis).isLessThan(sequentialMillis * 30 / 100);
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
