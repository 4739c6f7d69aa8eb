package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.testing.index.Fault;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the test server can inject, on pages, PEP 658 metadata and downloads: a few
 * failures are retried to a correct result, persistent ones end in a clear NETWORK error, and
 * the cache never keeps what went wrong.
 */
@Timeout(30)
class IndexClientFaultTest {
    private static final PackageName A = PackageName.of("alpha");
    private static final String WHEEL = "alpha-1.0-py3-none-any.whl";
    private static final String PAGE = "/simple/alpha/";
    private static final String FILE = "/files/alpha/" + WHEEL;
    private static final String METADATA = FILE + "\\.metadata";

    @TempDir
    Path tmp;

    LocalIndexServer server;
    Path cacheDir;

    @BeforeEach
    void startServer() {
        server = LocalIndexServer.start(Scenario.builder()
                .project("alpha", p -> p.release("1.0", r -> r.requires("beta").wheel()))
                .build());
        cacheDir = tmp.resolve("cache");
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
        Support.assertCacheIntact(cacheDir);
    }

    IndexClient client() {
        return IndexClient.builder(IndexSources.builder().indexUrl(server.simpleUrl().toString()).build())
                .cache(Cache.at(cacheDir))
                .retryPolicy(Support.FAST_RETRIES)
                .readTimeout(Duration.ofSeconds(5))
                .parallelism(4)
                .build();
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(PAGE, METADATA, FILE).flatMap(path -> Stream.of(
                Arguments.of(path, Fault.status(500)),
                Arguments.of(path, Fault.status(503)),
                Arguments.of(path, Fault.tooManyRequests(Duration.ofSeconds(1))),
                Arguments.of(path, Fault.connectionReset()),
                Arguments.of(path, Fault.truncatedBody()),
                Arguments.of(path, Fault.corruptBytes())));
    }

    @ParameterizedTest(name = "{1} twice on {0} is retried to the right answer")
    @MethodSource("transientFaults")
    void transientFaultsAreRetried(String path, Fault fault) throws IOException {
        var rule = server.injectFault(path, fault, 2);
        boolean distrustedMetadata = path.equals(METADATA) && fault.kind() == Fault.Kind.CORRUPT_BYTES;
        try (IndexClient client = client()) {
            ProjectPage page = client.project(A);
            DistFile wheel = page.files().get(0);
            assertThat(client.metadata(wheel).version()).isEqualTo(Version.parse("1.0"));
            Path dest = tmp.resolve("out").resolve(WHEEL);
            client.download(wheel, dest);
            assertThat(dest).hasBinaryContent(server.file(WHEEL).bytes());
        }
        assertThat(rule.fired()).as("a bad PEP 658 file is not asked for again but read from the wheel")
                .isEqualTo(distrustedMetadata ? 1 : 2);
    }

    static Stream<Arguments> persistentFaults() {
        return Stream.of(
                Arguments.of(Fault.status(500), "HTTP 500"),
                Arguments.of(Fault.status(503), "HTTP 503"),
                Arguments.of(Fault.tooManyRequests(Duration.ofSeconds(1)), "HTTP 429"),
                Arguments.of(Fault.connectionReset(), "failed after 4 attempts"),
                Arguments.of(Fault.truncatedBody(), "truncated response body"),
                Arguments.of(Fault.corruptBytes(), "hash mismatch"));
    }

    @ParameterizedTest(name = "{0} on every download ends in an error saying \"{1}\"")
    @MethodSource("persistentFaults")
    void persistentDownloadFaultsEndInAClearError(Fault fault, String says) {
        try (IndexClient client = client()) {
            DistFile wheel = client.project(A).files().get(0);
            server.injectFault(FILE, fault, 100);
            assertThatThrownBy(() -> client.download(wheel, tmp.resolve(WHEEL)))
                    .isInstanceOf(RelockException.class)
                    .hasMessageContaining("download of " + WHEEL)
                    .hasMessageContaining(server.fileUrl(WHEEL).toString())
                    .hasMessageContaining(says)
                    .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.NETWORK);
        }
        assertThat(tmp.resolve(WHEEL)).doesNotExist();
    }

    @ParameterizedTest(name = "{0} on every page request ends in an error saying \"{1}\"")
    @MethodSource("persistentFaults")
    void persistentPageFaultsEndInAClearError(Fault fault, String says) {
        server.injectFault(PAGE, fault, 100);
        try (IndexClient client = client()) {
            assertThatThrownBy(() -> client.project(A))
                    .isInstanceOf(RelockException.class)
                    .hasMessageContaining("index page of alpha")
                    .hasMessageContaining(server.simpleUrl() + "alpha/")
                    .hasMessageContaining(fault.kind() == Fault.Kind.CORRUPT_BYTES ? "unreadable page" : says);
        }
    }
}
