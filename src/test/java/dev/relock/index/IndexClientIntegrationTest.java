package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.RecordedRequest;
import dev.relock.testing.index.Scenario;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index client against a real HTTP index on 127.0.0.1. */
class IndexClientIntegrationTest {
    private static final PackageName A = PackageName.of("alpha");

    @TempDir
    Path tmp;

    LocalIndexServer server;
    Path cacheDir;
    Support.RecordingLog log = new Support.RecordingLog();
    Support.MutableClock clock = new Support.MutableClock();

    @BeforeEach
    void startServer() {
        Scenario scenario = Scenario.builder()
                .project("alpha", p -> p
                        .release("1.0", r -> r.requires("beta>=2").requiresPython(">=3.8").wheel().sdist())
                        .release("1.1", r -> r.yanked("broken build").wheel())
                        .release("2.0", r -> r.requires("beta>=3", "gamma; python_version < '3.9'").wheel()))
                .project("beta", p -> p
                        .release("2.0", r -> r.sdist())
                        .release("2.1", r -> r.sdist("2.1"))
                        .release("2.2", r -> r.sdist("2.2", "Requires-Dist")))
                .build();
        server = LocalIndexServer.start(scenario);
        cacheDir = tmp.resolve("cache");
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
        Support.assertCacheIntact(cacheDir);
    }

    IndexClient.Builder client() {
        return IndexClient.builder(IndexSources.builder().indexUrl(server.simpleUrl().toString()).build())
                .cache(Cache.at(cacheDir))
                .clock(clock)
                .log(log)
                .retryPolicy(Support.FAST_RETRIES)
                .parallelism(4);
    }

    static DistFile file(ProjectPage page, String filename) {
        return page.files().stream().filter(f -> f.filename().equals(filename)).findFirst().orElseThrow();
    }

    @Test
    void jsonAndHtmlPagesGiveTheSameFiles() {
        ProjectPage json;
        try (IndexClient client = client().cache(Cache.disabled()).build()) {
            json = client.project(A);
        }
        assertThat(server.requests(p -> p.startsWith("/simple/"))).allSatisfy(r ->
                assertThat(r.header("accept")).contains(PageFetcher.ACCEPT));
        server.setJsonApi(false);
        ProjectPage html;
        try (IndexClient client = client().cache(Cache.disabled()).build()) {
            html = client.project(A);
        }
        assertThat(json.files()).hasSize(4);
        assertThat(html.files()).extracting(DistFile::filename, DistFile::url, DistFile::hashes,
                        DistFile::requiresPython, DistFile::yanked, DistFile::coreMetadata)
                .containsExactlyElementsOf(json.files().stream().map(f -> org.assertj.core.groups.Tuple.tuple(
                        f.filename(), f.url(), f.hashes(), f.requiresPython(), f.yanked(), f.coreMetadata()))
                        .toList());
        assertThat(json.files()).allSatisfy(f -> {
            assertThat(f.size()).isPresent();
            assertThat(f.sha256()).contains(server.file(f.filename()).sha256());
        });
    }

    @Test
    void yankedFilesCarryTheirReason() {
        try (IndexClient client = client().build()) {
            ProjectPage page = client.project(A);
            assertThat(file(page, "alpha-1.1-py3-none-any.whl").yanked())
                    .isEqualTo(Yanked.withReason(Optional.of("broken build")));
            assertThat(file(page, "alpha-1.0-py3-none-any.whl").yanked().isYanked()).isFalse();
            assertThat(file(page, "alpha-1.0-py3-none-any.whl").requiresPython()).contains(">=3.8");
        }
    }

    @Test
    void pep658MetadataIsUsedWhenPublished() {
        try (IndexClient client = client().build()) {
            DistFile wheel = file(client.project(A), "alpha-2.0-py3-none-any.whl");
            CoreMetadata metadata = client.metadata(wheel);
            assertThat(metadata.name()).isEqualTo(A);
            assertThat(metadata.version()).isEqualTo(Version.parse("2.0"));
            assertThat(metadata.requiresDist()).hasSize(2);
        }
        assertThat(server.requests(p -> p.startsWith("/files/"))).extracting(RecordedRequest::path)
                .containsExactly("/files/alpha/alpha-2.0-py3-none-any.whl.metadata");
    }

    @Test
    void withoutPep658AHashedWheelIsDownloadedWholeAndVerifiedNotRangeRead() {
        // Bytes read with ranges cannot be checked against the wheel's published hash (issue 14).
        server.setCoreMetadata(false);
        try (IndexClient client = client().build()) {
            DistFile wheel = file(client.project(A), "alpha-2.0-py3-none-any.whl");
            assertThat(wheel.coreMetadata().isPresent()).isFalse();
            assertThat(client.metadata(wheel).version()).isEqualTo(Version.parse("2.0"));
        }
        List<RecordedRequest> fileRequests = server.requests(p -> p.startsWith("/files/"));
        assertThat(fileRequests).singleElement().satisfies(r -> {
            assertThat(r.header("range")).isEmpty();
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void withoutRangesTheWholeWheelIsDownloadedVerifiedAndCached() {
        server.setCoreMetadata(false);
        server.setRangeRequests(false);
        try (IndexClient client = client().build()) {
            DistFile wheel = file(client.project(A), "alpha-2.0-py3-none-any.whl");
            assertThat(client.metadata(wheel).version()).isEqualTo(Version.parse("2.0"));
            client.download(wheel, tmp.resolve("out").resolve(wheel.filename()));
        }
        assertThat(server.requests(p -> p.startsWith("/files/"))).hasSize(1)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(tmp.resolve("out").resolve("alpha-2.0-py3-none-any.whl"))
                .hasBinaryContent(server.file("alpha-2.0-py3-none-any.whl").bytes());
    }

    @Test
    void aWrongPep658HashIsDistrustedWithAWarning() {
        server.injectFault("/simple/alpha/", dev.relock.testing.index.Fault.wrongMetadataHash(), 1);
        try (IndexClient client = client().build()) {
            DistFile wheel = file(client.project(A), "alpha-2.0-py3-none-any.whl");
            assertThat(client.metadata(wheel).requiresDist()).hasSize(2);
        }
        assertThat(log.warnings).singleElement().asString()
                .contains("alpha-2.0-py3-none-any.whl", "hash mismatch", "reading the wheel instead");
        assertThat(server.requests(p -> p.endsWith(".whl"))).isNotEmpty();
    }

    @Test
    void staticSdistsAreReadAndOthersNeedABuild() {
        try (IndexClient client = client().build()) {
            ProjectPage beta = client.project(PackageName.of("beta"));
            assertThat(client.metadata(file(beta, "beta-2.0.tar.gz")).version()).isEqualTo(Version.parse("2.0"));
            assertThatThrownBy(() -> client.metadata(file(beta, "beta-2.1.tar.gz")))
                    .isInstanceOf(MetadataUnavailableException.class)
                    .hasMessageContaining("beta-2.1.tar.gz").hasMessageContaining("Metadata-Version 2.1")
                    .hasMessageContaining("needs a build to learn its dependencies");
            assertThatThrownBy(() -> client.metadata(file(beta, "beta-2.2.tar.gz")))
                    .isInstanceOf(MetadataUnavailableException.class)
                    .hasMessageContaining("Dynamic");
        }
    }

    @Test
    void aWheelIsPreferredForMetadata() {
        try (IndexClient client = client().build()) {
            ProjectPage page = client.project(A);
            assertThat(page.metadataSource(Version.parse("1.0"))).map(DistFile::filename)
                    .contains("alpha-1.0-py3-none-any.whl");
            server.setCoreMetadata(false);
        }
        try (IndexClient client = client().cache(Cache.disabled()).build()) {
            ProjectPage page = client.project(PackageName.of("beta"));
            assertThat(page.metadataSource(Version.parse("2.0.0"))).map(DistFile::filename).contains("beta-2.0.tar.gz");
            assertThat(page.metadataSource(Version.parse("9"))).isEmpty();
        }
    }

    @Test
    void aFreshCachedPageIsUsedWithoutAsking() {
        try (IndexClient client = client().build()) {
            client.project(A);
        }
        try (IndexClient client = client().build()) {
            assertThat(client.project(A).files()).hasSize(4);
        }
        assertThat(server.requestCount("/simple/alpha/")).isEqualTo(1);
    }

    @Test
    void aCorruptCacheEntryIsDroppedAndRefetched() throws IOException {
        try (IndexClient client = client().build()) {
            client.metadata(file(client.project(A), "alpha-2.0-py3-none-any.whl"));
        }
        try (Stream<Path> entries = Files.walk(cacheDir)) {
            for (Path entry : entries.filter(p -> p.toString().endsWith(".entry")).toList()) {
                Files.writeString(entry, "relock-cache-entry 2\n{not json");
            }
        }
        try (IndexClient client = client().build()) {
            assertThat(client.metadata(file(client.project(A), "alpha-2.0-py3-none-any.whl")).version())
                    .isEqualTo(Version.parse("2.0"));
        }
        assertThat(server.requestCount("/simple/alpha/")).isEqualTo(2);
        assertThat(server.requestCount("/files/alpha/alpha-2.0-py3-none-any.whl.metadata")).isEqualTo(2);
    }

    @Test
    void aStalePageIsRevalidatedAndA304ReusesTheCache() {
        try (IndexClient client = client().build()) {
            client.project(A);
        }
        clock.advance(Duration.ofMinutes(11));
        try (IndexClient client = client().build()) {
            assertThat(client.project(A).files()).hasSize(4);
        }
        List<RecordedRequest> pages = server.requests(p -> p.equals("/simple/alpha/"));
        assertThat(pages).extracting(RecordedRequest::status).containsExactly(200, 304);
        assertThat(pages.get(1).header("if-none-match")).isPresent();
        clock.advance(Duration.ofMinutes(5));
        try (IndexClient client = client().build()) {
            client.project(A);
        }
        assertThat(server.requestCount("/simple/alpha/")).as("revalidation renewed freshness").isEqualTo(2);
    }

    @Test
    void offlineModeAnswersFromTheCacheAndNamesWhatIsMissing() {
        try (IndexClient client = client().build()) {
            ProjectPage page = client.project(A);
            client.metadata(file(page, "alpha-2.0-py3-none-any.whl"));
        }
        server.close();
        clock.advance(Duration.ofDays(30));
        try (IndexClient client = client().offline(true).build()) {
            ProjectPage page = client.project(A);
            assertThat(client.metadata(file(page, "alpha-2.0-py3-none-any.whl")).version())
                    .isEqualTo(Version.parse("2.0"));
            assertThatThrownBy(() -> client.project(PackageName.of("beta")))
                    .isInstanceOf(RelockException.class)
                    .hasMessageContaining("offline").hasMessageContaining("beta")
                    .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.NETWORK);
            assertThatThrownBy(() -> client.metadata(file(page, "alpha-1.0-py3-none-any.whl")))
                    .hasMessageContaining("offline").hasMessageContaining("alpha-1.0-py3-none-any.whl");
        }
    }

    @Test
    void anUnknownProjectHasNoFiles() {
        try (IndexClient client = client().build()) {
            assertThat(client.project(PackageName.of("no-such-project")).files()).isEmpty();
        }
    }

    @Test
    void downloadsAreVerifiedAndLandAtomically() throws IOException {
        Path out = tmp.resolve("wheelhouse");
        try (IndexClient client = client().cache(Cache.disabled()).build()) {
            ProjectPage page = client.project(A);
            for (DistFile f : page.files()) {
                client.download(f, out.resolve(f.filename()));
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(4).noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(out.resolve("alpha-1.0.tar.gz")).hasBinaryContent(server.file("alpha-1.0.tar.gz").bytes());
    }

    @Test
    void userinfoCredentialsAreSentAndNeverShown() {
        server.requireBasicAuth("alice", "s3cr3t-pw");
        String base = server.simpleUrl().toString().replace("http://", "http://alice:s3cr3t-pw@");
        try (IndexClient client = IndexClient.builder(IndexSources.builder().indexUrl(base).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            ProjectPage page = client.project(A);
            assertThat(client.metadata(file(page, "alpha-2.0-py3-none-any.whl")).name()).isEqualTo(A);
        }
        String wrong = server.simpleUrl().toString().replace("http://", "http://alice:wrong-pw@");
        try (IndexClient client = IndexClient.builder(IndexSources.builder().indexUrl(wrong).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            assertThatThrownBy(() -> client.project(A))
                    .isInstanceOf(RelockException.class)
                    .hasMessageContaining("401").hasMessageContaining("credentials were refused")
                    .satisfies(e -> assertThat(everyMessage(e)).doesNotContain("wrong-pw"));
        }
    }

    @Test
    void netrcCredentialsAreSent() throws IOException {
        server.requireBasicAuth("bob", "netrc-pw");
        Path netrc = Files.writeString(tmp.resolve("netrc"), "machine 127.0.0.1 login bob password netrc-pw\n");
        try (IndexClient client = IndexClient.builder(IndexSources.builder()
                        .indexUrl(server.simpleUrl().toString()).netrcFile(netrc).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            assertThat(client.project(A).files()).hasSize(4);
        }
        try (IndexClient client = IndexClient.builder(IndexSources.builder()
                        .indexUrl(server.simpleUrl().toString()).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            assertThatThrownBy(() -> client.project(A)).hasMessageContaining("needs credentials");
        }
    }

    @Test
    void environmentCredentialsAreSent() {
        server.requireBasicAuth("ci", "env-token");
        try (IndexClient client = IndexClient.builder(IndexSources.builder()
                        .indexUrl(server.simpleUrl().toString())
                        .environment(Map.of("RELOCK_INDEX_USERNAME", "ci", "RELOCK_INDEX_PASSWORD", "env-token"))
                        .build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            assertThat(client.project(A).files()).hasSize(4);
        }
    }

    @Test
    void theFirstIndexThatKnowsAProjectWinsAndFindLinksAreMerged() throws IOException {
        Scenario other = Scenario.builder()
                .project("alpha", p -> p.release("9.0"))
                .project("delta", p -> p.release("1.0"))
                .build();
        Path links = tmp.resolve("links");
        LocalIndexServer.exportFindLinks(Scenario.builder().project("alpha", p -> p.release("0.5")).build(), links);
        try (LocalIndexServer second = LocalIndexServer.start(other);
                IndexClient client = IndexClient.builder(IndexSources.builder()
                                .indexUrl(server.simpleUrl().toString())
                                .extraIndexUrl(second.simpleUrl().toString())
                                .findLinks(links.toString())
                                .build())
                        .retryPolicy(Support.FAST_RETRIES).build()) {
            ProjectPage alpha = client.project(A);
            assertThat(alpha.files()).extracting(DistFile::filename)
                    .doesNotContain("alpha-9.0-py3-none-any.whl")
                    .contains("alpha-2.0-py3-none-any.whl", "alpha-0.5-py3-none-any.whl");
            DistFile local = file(alpha, "alpha-0.5-py3-none-any.whl");
            assertThat(local.source().kind()).isEqualTo(IndexSource.Kind.FIND_LINKS_DIRECTORY);
            assertThat(local.sha256()).isPresent();
            assertThat(client.metadata(local).version()).isEqualTo(Version.parse("0.5"));
            assertThat(client.project(PackageName.of("delta")).files()).extracting(f -> f.source().url())
                    .containsOnly(second.simpleUrl());
            assertThat(second.requestCount("/simple/alpha/")).isZero();
        }
    }

    @Test
    void aFindLinksPageIsFetchedOnceAndFilteredPerProject() {
        server.setJsonApi(false);
        String links = server.simpleUrl() + "alpha/";
        try (IndexClient client = IndexClient.builder(IndexSources.builder().noIndex(true).findLinks(links).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            ProjectPage alpha = client.project(A);
            assertThat(alpha.files()).hasSize(4).allSatisfy(f -> {
                assertThat(f.source().kind()).isEqualTo(IndexSource.Kind.FIND_LINKS_PAGE);
                assertThat(f.sha256()).isPresent();
            });
            assertThat(client.project(PackageName.of("beta")).files()).isEmpty();
            assertThat(client.metadata(file(alpha, "alpha-2.0-py3-none-any.whl")).version())
                    .isEqualTo(Version.parse("2.0"));
        }
        assertThat(server.requestCount("/simple/alpha/")).isEqualTo(1);
        assertThat(server.requests(p -> p.startsWith("/simple/beta"))).isEmpty();
    }

    @Test
    void aFindLinksPageOfManyProjectsGivesEachProjectOnlyItsOwnVersions() throws IOException {
        Path links = tmp.resolve("links");
        LocalIndexServer.exportFindLinks(Scenario.builder()
                .project("alpha", p -> p.release("1.0").release("2.0"))
                .project("alpha-tools", p -> p.release("7.0"))
                .project("Beta_Lib", p -> p.release("3.0"))
                .build(), links);
        byte[] page = Files.readAllBytes(links.resolve("index.html"));
        HttpServer pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/links/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        pages.start();
        String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/links/";
        try (IndexClient client = IndexClient.builder(IndexSources.builder().noIndex(true).findLinks(url).build())
                .retryPolicy(Support.FAST_RETRIES).build()) {
            assertThat(client.project(A).versions()).containsExactly(Version.parse("1.0"), Version.parse("2.0"));
            assertThat(client.project(A).files()).extracting(DistFile::filename)
                    .allSatisfy(name -> assertThat(name).startsWith("alpha-"));
            assertThat(client.project(PackageName.of("alpha-tools")).versions()).containsExactly(Version.parse("7.0"));
            assertThat(client.project(PackageName.of("beta.lib")).versions()).containsExactly(Version.parse("3.0"));
            assertThat(client.project(PackageName.of("gamma")).isEmpty()).isTrue();
        } finally {
            pages.stop(0);
        }
    }

    @Test
    void anHttpIndexNeedsNoTlsAndItsRedirectsAreFollowed() throws IOException {
        HttpServer moved = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        moved.createContext("/simple/", exchange -> {
            exchange.getResponseHeaders().set("Location", server.simpleUrl() + "alpha/");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        moved.start();
        try (IndexClient direct = client().cache(Cache.disabled()).build();
                IndexClient redirected = IndexClient.builder(IndexSources.builder()
                                .indexUrl("http://127.0.0.1:" + moved.getAddress().getPort() + "/simple/").build())
                        .cache(Cache.disabled()).retryPolicy(Support.FAST_RETRIES).build()) {
            assertThat(direct.project(A).versions()).hasSize(3);
            assertThat(direct.usesTls()).as("an http:// index sets up no TLS").isFalse();

            assertThat(redirected.project(A).versions()).isEqualTo(direct.project(A).versions());
            assertThat(server.requests(path -> path.equals("/simple/alpha/"))).hasSize(2);
        } finally {
            moved.stop(0);
        }
    }

    @Test
    void asyncRequestsForTheSameProjectShareOneFetch() {
        try (IndexClient client = client().cache(Cache.disabled()).build()) {
            var first = client.projectAsync(A);
            var second = client.projectAsync(A);
            assertThat(first.join()).isSameAs(second.join());
        }
        assertThat(server.requestCount("/simple/alpha/")).isEqualTo(1);
    }

    static String everyMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }
}
