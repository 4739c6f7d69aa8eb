package dev.relock.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.index.RetryPolicy;
import dev.relock.index.ServiceClient;
import dev.relock.index.TimeLimits;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.testing.osv.FakeOsvServer;
import dev.relock.testing.osv.OsvRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvSourcesTest {
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    static final Pin REQUESTS = new Pin(PackageName.of("requests"), Version.parse("2.30.0"));
    static final Pin URLLIB3 = new Pin(PackageName.of("urllib3"), Version.parse("1.26.5"));
    static final Pin SAFE = new Pin(PackageName.of("idna"), Version.parse("3.7"));

    @TempDir Path tmp;
    FakeOsvServer osv;

    @BeforeEach
    void start() {
        osv = FakeOsvServer.start();
        osv.add(OsvRecord.of("GHSA-j8r2-6x86-q33q").alias("CVE-2023-32681").summary("Proxy-Authorization leak")
                        .severity("MODERATE").range("requests", "introduced=2.3.0", "fixed=2.31.0"),
                OsvRecord.of("PYSEC-2021-108").alias("CVE-2021-33503").summary("ReDoS in URL authority")
                        .range("urllib3", "introduced=0", "fixed=1.26.5").versions("urllib3", "1.26.4"),
                OsvRecord.of("GHSA-v845-jxx5-vc9f").summary("Cookie leak").severity("HIGH")
                        .range("urllib3", "introduced=0", "fixed=1.26.17"),
                OsvRecord.of("GHSA-withdrawn").summary("retracted").withdrawn("2026-01-02T00:00:00Z")
                        .range("requests", "introduced=0"));
    }

    @AfterEach
    void stop() {
        osv.close();
    }

    OsvApiSource api(Cache cache, boolean offline, Instant now) {
        ServiceClient http = ServiceClient.create(TimeLimits.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
                System.nanoTime()), new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(20)), "relock-test");
        return new OsvApiSource(URI.create(osv.baseUrl()), http, cache, offline, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Map<Pin, List<String>> ids(Map<Pin, List<Advisory>> answer) {
        return answer.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Advisory::id).toList()));
    }

    @Test
    void apiNamesTheAdvisoriesOfEachPinWithoutWithdrawnOnes() {
        Map<Pin, List<Advisory>> answer = api(Cache.disabled(), false, T0).query(List.of(REQUESTS, URLLIB3, SAFE));
        assertThat(ids(answer)).containsOnly(
                Map.entry(REQUESTS, List.of("GHSA-j8r2-6x86-q33q")),
                Map.entry(URLLIB3, List.of("GHSA-v845-jxx5-vc9f")),
                Map.entry(SAFE, List.of()));
        Advisory a = answer.get(REQUESTS).get(0);
        assertThat(a.aliases()).containsExactly("CVE-2023-32681");
        assertThat(a.fixesFor(REQUESTS.name(), REQUESTS.version())).containsExactly(Version.parse("2.31.0"));
        assertThat(osv.requestCount("/v1/querybatch")).isEqualTo(1);
    }

    @Test
    void theOfflineDatabaseZipAndDirectoryGiveTheSameAnswerAsTheApi() throws Exception {
        List<Pin> pins = List.of(REQUESTS, URLLIB3, SAFE, new Pin(PackageName.of("urllib3"), Version.parse("1.26.4")));
        Map<Pin, List<String>> fromApi = ids(api(Cache.disabled(), false, T0).query(pins));
        assertThat(ids(new OsvDatabaseSource(osv.writeZip(tmp.resolve("all.zip"))).query(pins))).isEqualTo(fromApi);
        assertThat(ids(new OsvDatabaseSource(osv.writeDirectory(tmp.resolve("db"))).query(pins))).isEqualTo(fromApi);
        assertThat(fromApi.get(pins.get(3))).containsExactly("GHSA-v845-jxx5-vc9f", "PYSEC-2021-108");
    }

    @Test
    void oneSourceAsksOncePerRunForPinsAndRecordsItHasSeen() {
        OsvApiSource source = api(Cache.disabled(), false, T0);
        Pin old = new Pin(PackageName.of("urllib3"), Version.parse("1.26.4"));
        source.query(List.of(old, URLLIB3));
        assertThat(osv.requests()).hasSize(3).contains("GET /v1/vulns/PYSEC-2021-108", "GET /v1/vulns/GHSA-v845-jxx5-vc9f");
        assertThat(ids(source.query(List.of(URLLIB3, SAFE)))).containsOnly(
                Map.entry(URLLIB3, List.of("GHSA-v845-jxx5-vc9f")), Map.entry(SAFE, List.of()));
        assertThat(osv.requests()).as("only idna is new").hasSize(4).last().isEqualTo("POST /v1/querybatch");
    }

    @Test
    void longAnswersAreFollowedPageByPage() {
        osv.pageSize(1);
        Pin old = new Pin(PackageName.of("urllib3"), Version.parse("1.26.4"));
        assertThat(ids(api(Cache.disabled(), false, T0).query(List.of(old))).get(old))
                .containsExactly("GHSA-v845-jxx5-vc9f", "PYSEC-2021-108");
        assertThat(osv.requestCount("/v1/querybatch")).isEqualTo(2);
    }

    @Test
    void answersAreCachedAnHourAndRecordsUntilTheirModifiedTimeChanges() {
        Cache cache = Cache.at(tmp.resolve("cache"));
        api(cache, false, T0).query(List.of(REQUESTS));
        // the records are fetched concurrently: in either order, after the batch query
        assertThat(osv.requests()).first().isEqualTo("POST /v1/querybatch");
        assertThat(osv.requests()).containsExactlyInAnyOrder("POST /v1/querybatch",
                "GET /v1/vulns/GHSA-j8r2-6x86-q33q", "GET /v1/vulns/GHSA-withdrawn");

        api(cache, false, T0.plus(Duration.ofMinutes(59))).query(List.of(REQUESTS));
        assertThat(osv.requests()).hasSize(3);

        api(cache, false, T0.plus(Duration.ofMinutes(61))).query(List.of(REQUESTS));
        assertThat(osv.requests()).as("ids asked again; the records are unchanged").hasSize(4);

        osv.add(OsvRecord.of("GHSA-j8r2-6x86-q33q").summary("updated").modified("2026-05-01T00:00:00Z")
                .range("requests", "introduced=2.3.0", "fixed=2.31.0"));
        Map<Pin, List<Advisory>> answer = api(cache, false, T0.plus(Duration.ofMinutes(130))).query(List.of(REQUESTS));
        assertThat(osv.requests()).hasSize(6);
        assertThat(osv.requests().get(5)).isEqualTo("GET /v1/vulns/GHSA-j8r2-6x86-q33q");
        assertThat(answer.get(REQUESTS).get(0).summary()).isEqualTo("updated");

        osv.stop();
        Map<Pin, List<Advisory>> offline = api(cache, true, T0.plus(Duration.ofDays(30))).query(List.of(REQUESTS));
        assertThat(offline.get(REQUESTS).get(0).summary()).isEqualTo("updated");
        assertThatThrownBy(() -> api(cache, true, T0).query(List.of(SAFE)))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("--offline: the cache holds no OSV answer for idna==3.7")
                .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.NETWORK);
    }

    @Test
    void aServerErrorAfterTheRetriesIsANetworkFailure() {
        osv.failWith(503);
        assertThatThrownBy(() -> api(Cache.disabled(), false, T0).query(List.of(REQUESTS)))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("answered HTTP 503")
                .hasMessageContaining("--osv-db")
                .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.NETWORK);
        assertThat(osv.requestCount("/v1/querybatch")).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() {
        osv.stop();
        assertThatThrownBy(() -> api(Cache.disabled(), false, T0).query(List.of(REQUESTS)))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("connection refused")
                .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.NETWORK);
    }

    @Test
    void theBaseComesFromTheOptionThenTheEnvironmentThenTheDefault() {
        assertThat(OsvApiSource.base(Optional.of("http://osv.local:8080/"), Map.of(OsvApiSource.ENV, "http://x")))
                .isEqualTo(URI.create("http://osv.local:8080"));
        assertThat(OsvApiSource.base(Optional.empty(), Map.of(OsvApiSource.ENV, "https://mirror.example/osv")))
                .isEqualTo(URI.create("https://mirror.example/osv"));
        assertThat(OsvApiSource.base(Optional.empty(), Map.of())).isEqualTo(OsvApiSource.DEFAULT_BASE);
        assertThatThrownBy(() -> OsvApiSource.base(Optional.of("ftp://x"), Map.of()))
                .hasMessageStartingWith("--osv-url: 'ftp://x' must be an http(s) URL");
    }

    @Test
    void aDatabaseFileThatIsNoRecordIsBadInput() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("db"));
        java.nio.file.Files.writeString(tmp.resolve("db/broken.json"), "[]");
        assertThatThrownBy(() -> new OsvDatabaseSource(tmp.resolve("db")).query(List.of(REQUESTS)))
                .hasMessageContaining("broken.json: not an OSV record")
                .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
        assertThatThrownBy(() -> new OsvDatabaseSource(tmp.resolve("nope")).query(List.of(REQUESTS)))
                .hasMessageContaining("no such file or directory");
    }
}
