package dev.relock.testing.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalIndexServerTest {
    static final Scenario SCENARIO = Scenario.builder()
            .project("demo", p -> p
                    .release("1.0", r -> r.wheel().sdist())
                    .release("2.0", r -> r.requires("dep>=1").requiresPython(">=3.8").wheel())
                    .release("2.1", r -> r.requiresPython("<4,>=3.9").yanked("broken <build> & \"more\"").wheel())
                    .release("2.2", r -> r.yanked().wheel("cp311-cp311-manylinux_2_17_x86_64")))
            .project("Foo.Bar", p -> p.release("0.1"))
            .project("dep", p -> p.release("1.0"))
            .build();
    static final String WHEEL = "demo-1.0-py3-none-any.whl";
    static final ObjectMapper JSON = new ObjectMapper();

    LocalIndexServer server;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(SCENARIO);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Facts both representations must agree on: filename, absolute url, sha256, requires-python, yanked, metadata. */
    record FileFacts(String filename, String url, String sha256, String requiresPython, String yanked, String metadata) {}

    List<FileFacts> jsonFacts(byte[] body) throws IOException {
        List<FileFacts> facts = new ArrayList<>();
        for (JsonNode f : JSON.readTree(body).get("files")) {
            JsonNode yanked = f.get("yanked");
            JsonNode md = f.get("core-metadata");
            assertThat(f.get("data-dist-info-metadata")).isEqualTo(md);
            facts.add(new FileFacts(f.get("filename").asText(), f.get("url").asText(), f.get("hashes").get("sha256").asText(),
                    f.get("requires-python").isNull() ? "" : f.get("requires-python").asText(),
                    yanked.isBoolean() ? (yanked.asBoolean() ? "" : "-") : yanked.asText(),
                    md.isObject() ? md.get("sha256").asText() : "-"));
        }
        return facts;
    }

    static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"#]+)#sha256=([0-9a-f]{64})\"([^>]*)>([^<]+)</a>");

    List<FileFacts> htmlFacts(String pageUrl, String html) {
        List<FileFacts> facts = new ArrayList<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            String attrs = m.group(3);
            String metadata = attr(attrs, "data-core-metadata");
            assertThat(attr(attrs, "data-dist-info-metadata")).isEqualTo(metadata);
            facts.add(new FileFacts(m.group(4), URI.create(pageUrl).resolve(m.group(1)).toString(), m.group(2),
                    unescape(attr(attrs, "data-requires-python").replace("-", "")),
                    unescape(attr(attrs, "data-yanked")),
                    metadata.equals("-") ? "-" : metadata.substring("sha256=".length())));
        }
        return facts;
    }

    static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "-";
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void jsonAndHtmlPagesAdvertiseTheSameFilesHashesAndAttributes() throws Exception {
        HttpResponse<byte[]> json = get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1);
        HttpResponse<byte[]> html = get("/simple/demo/", "Accept", "text/html");
        assertThat(json.headers().firstValue("Content-Type")).contains(LocalIndexServer.JSON_V1);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        List<FileFacts> fromJson = jsonFacts(json.body());
        String pageUrl = server.baseUrl() + "/simple/demo/";
        assertThat(htmlFacts(pageUrl, new String(html.body(), UTF_8))).isEqualTo(fromJson);
        assertThat(fromJson).extracting(FileFacts::filename).containsExactly(WHEEL, "demo-1.0.tar.gz",
                "demo-2.0-py3-none-any.whl", "demo-2.1-py3-none-any.whl", "demo-2.2-cp311-cp311-manylinux_2_17_x86_64.whl");
        assertThat(fromJson.get(0).url()).isEqualTo(server.baseUrl() + "/files/demo/" + WHEEL);
        assertThat(fromJson).extracting(FileFacts::yanked).containsExactly("-", "-", "-", "broken <build> & \"more\"", "");
        assertThat(fromJson).extracting(FileFacts::requiresPython).containsExactly("", "", ">=3.8", "<4,>=3.9", "");
        assertThat(fromJson.get(1).metadata()).as("sdists have no PEP 658 metadata").isEqualTo("-");
        assertThat(new String(html.body(), UTF_8)).contains("data-requires-python=\"&lt;4,&gt;=3.9\"");
    }

    @Test
    void jsonPageCarriesPep700Fields() throws Exception {
        JsonNode page = JSON.readTree(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body());
        assertThat(page.get("meta").get("api-version").asText()).isEqualTo("1.1");
        assertThat(page.get("name").asText()).isEqualTo("demo");
        assertThat(page.get("versions")).extracting(JsonNode::asText).containsExactly("1.0", "2.0", "2.1", "2.2");
        JsonNode first = page.get("files").get(0);
        assertThat(first.get("size").asInt()).isEqualTo(server.file(WHEEL).size());
        assertThat(first.get("upload-time").asText()).isEqualTo("2020-01-01T00:00:00.000000Z");
    }

    @Test
    void servedBytesMatchTheAdvertisedHash() throws Exception {
        for (FileFacts f : jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body())) {
            HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(URI.create(f.url())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(Hashing.sha256Hex(file.body())).isEqualTo(f.sha256());
            assertThat(file.headers().firstValue("Cache-Control")).contains(LocalIndexServer.FILE_CACHE_CONTROL);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|text/html",
        "*/*|application/vnd.pypi.simple.v1+json",
        "text/html|text/html",
        "application/vnd.pypi.simple.v1+json|application/vnd.pypi.simple.v1+json",
        "application/vnd.pypi.simple.latest+json|application/vnd.pypi.simple.v1+json",
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"
                + "|application/vnd.pypi.simple.v1+json",
        "application/vnd.pypi.simple.v1+json;q=0.5, text/html|text/html",
        "application/*;q=0.9, text/html;q=0.1|application/vnd.pypi.simple.v1+json",
        "text/*, application/vnd.pypi.simple.v1+json;q=0|text/html",
        "application/vnd.pypi.simple.v1+html|application/vnd.pypi.simple.v1+html",
        "image/png|NONE",
    })
    void negotiationHonoursQValuesAndSpecificity(String accept, String expected) {
        assertThat(LocalIndexServer.negotiate(accept, true).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void withoutTheJsonApiJsonOnlyClientsGet406AndOthersHtml() throws Exception {
        server.setJsonApi(false);
        assertThat(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).statusCode()).isEqualTo(406);
        HttpResponse<byte[]> fallback = get("/simple/demo/", "Accept",
                LocalIndexServer.JSON_V1 + ", " + LocalIndexServer.HTML_V1 + ";q=0.1, text/html;q=0.01");
        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(fallback.headers().firstValue("Content-Type")).contains(LocalIndexServer.HTML_V1);
    }

    @Test
    void projectListIsServedInBothFormats() throws Exception {
        JsonNode json = JSON.readTree(get("/simple/", "Accept", LocalIndexServer.JSON_V1).body());
        assertThat(json.get("projects")).extracting(n -> n.get("name").asText()).containsExactly("demo", "dep", "Foo.Bar");
        assertThat(new String(get("/simple/").body(), UTF_8)).contains("<a href=\"foo-bar/\">Foo.Bar</a>");
    }

    @ParameterizedTest
    @CsvSource({"/simple/Foo.Bar/, /simple/foo-bar/", "/simple/FOO_bar/, /simple/foo-bar/",
        "/simple/foo-bar, /simple/foo-bar/", "/simple, /simple/"})
    void nonCanonicalPagePathsRedirectPermanently(String path, String location) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).contains(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/simple/nope/", "/files/demo/nope.whl", "/files/nope/x.whl", "/elsewhere"})
    void unknownThingsAre404(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void validatorsProduce304ForFilesAndPages() throws Exception {
        for (String path : List.of("/files/demo/" + WHEEL, "/simple/demo/")) {
            HttpResponse<byte[]> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
                    .as("If-None-Match wins").isEqualTo(200);
            assertThat(get(path, "If-Modified-Since", "Tue, 01 Jan 2019 00:00:00 GMT").statusCode()).isEqualTo(200);
        }
        assertThat(get("/simple/demo/").headers().firstValue("Cache-Control")).contains(LocalIndexServer.PAGE_CACHE_CONTROL);
    }

    @Test
    void rangeRequestsReturnTheRequestedBytes() throws Exception {
        byte[] whole = server.file(WHEEL).bytes();
        int n = whole.length;
        HttpResponse<byte[]> head = get("/files/demo/" + WHEEL, "Range", "bytes=0-9");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 0, 10));
        assertThat(head.headers().firstValue("Content-Range")).contains("bytes 0-9/" + n);

        HttpResponse<byte[]> tail = get("/files/demo/" + WHEEL, "Range", "bytes=-22");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).startsWith(0x50, 0x4b, 0x05, 0x06).hasSize(22);
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes " + (n - 22) + "-" + (n - 1) + "/" + n);

        HttpResponse<byte[]> open = get("/files/demo/" + WHEEL, "Range", "bytes=" + (n - 5) + "-");
        assertThat(open.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, n - 5, n));
        assertThat(get("/files/demo/" + WHEEL, "Range", "bytes=-" + (n + 100)).body()).isEqualTo(whole);

        HttpResponse<byte[]> beyond = get("/files/demo/" + WHEEL, "Range", "bytes=" + n + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + n);
        assertThat(get("/files/demo/" + WHEEL, "Range", "bytes=0-1", "If-Range", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void withRangesOffTheWholeFileIsSent() throws Exception {
        server.setRangeRequests(false);
        HttpResponse<byte[]> r = get("/files/demo/" + WHEEL, "Range", "bytes=-22");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(server.file(WHEEL).bytes());
        assertThat(r.headers().firstValue("Accept-Ranges")).contains("none");
    }

    @Test
    void pep658MetadataIsServedWithTheAdvertisedHashAndCanBeSwitchedOff() throws Exception {
        List<FileFacts> facts = jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body());
        HttpResponse<byte[]> metadata = get("/files/demo/" + WHEEL + ".metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(new String(metadata.body(), UTF_8)).startsWith("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
        assertThat(Hashing.sha256Hex(metadata.body())).isEqualTo(facts.get(0).metadata());

        server.setCoreMetadata(false);
        assertThat(get("/files/demo/" + WHEEL + ".metadata").statusCode()).isEqualTo(404);
        assertThat(jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body()))
                .extracting(FileFacts::metadata).containsOnly("-");
        assertThat(new String(get("/simple/demo/").body(), UTF_8)).doesNotContain("data-core-metadata")
                .doesNotContain("data-dist-info-metadata");
        assertThat(get("/files/demo/demo-1.0.tar.gz.metadata").statusCode()).isEqualTo(404);
    }

    @Test
    void basicAuthIsRequiredOnceConfigured() throws Exception {
        server.requireBasicAuth("alice", "s3cret");
        HttpResponse<byte[]> denied = get("/simple/demo/");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:nope".getBytes(UTF_8));
        assertThat(get("/simple/demo/", "Authorization", wrong).statusCode()).isEqualTo(401);
        String right = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(UTF_8));
        assertThat(get("/files/demo/" + WHEEL, "Authorization", right).statusCode()).isEqualTo(200);
        server.disableAuth();
        assertThat(get("/simple/demo/").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"500, 0, ''", "503, 0, ''", "429, 7, 7"})
    void statusFaultsFireTheGivenNumberOfTimes(int status, int retryAfter, String header) throws Exception {
        Fault fault = status == 429 ? Fault.tooManyRequests(Duration.ofSeconds(retryAfter)) : Fault.status(status);
        FaultRule rule = server.injectFault("/simple/demo/", fault, 2);
        HttpResponse<byte[]> first = get("/simple/demo/");
        assertThat(first.statusCode()).isEqualTo(status);
        assertThat(first.headers().firstValue("Retry-After").orElse("")).isEqualTo(header);
        assertThat(get("/simple/dep/").statusCode()).as("other paths unaffected").isEqualTo(200);
        assertThat(get("/simple/demo/").statusCode()).isEqualTo(status);
        assertThat(get("/simple/demo/").statusCode()).isEqualTo(200);
        assertThat(rule.fired()).isEqualTo(2);
        assertThat(rule.remaining()).isZero();
    }

    @Test
    void connectionResetDropsTheConnectionWithoutAResponse() throws Exception {
        // The JDK client retries an idempotent request once when the connection closes before a response.
        FaultRule rule = server.injectFault("/files/.*\\.whl", Fault.connectionReset(), 2);
        assertThatThrownBy(() -> get("/files/demo/" + WHEEL)).isInstanceOf(IOException.class);
        assertThat(rule.fired()).isEqualTo(2);
        assertThat(get("/files/demo/" + WHEEL).statusCode()).isEqualTo(200);
        assertThat(server.requests()).extracting(RecordedRequest::status)
                .containsExactly(RecordedRequest.NO_RESPONSE, RecordedRequest.NO_RESPONSE, 200);
    }

    @Test
    void truncatedBodyEndsBeforeContentLength() throws Exception {
        server.injectFault("/files/demo/" + Pattern.quote(WHEEL), Fault.truncatedBody(), 1);
        assertThatThrownBy(() -> get("/files/demo/" + WHEEL)).isInstanceOf(IOException.class);
        assertThat(get("/files/demo/" + WHEEL).body()).isEqualTo(server.file(WHEEL).bytes());
    }

    @Test
    void corruptBytesKeepTheSizeButBreakTheHash() throws Exception {
        server.injectFault("/files/demo/.*", Fault.corruptBytes(), 1);
        byte[] served = get("/files/demo/" + WHEEL).body();
        assertThat(served).hasSameSizeAs(server.file(WHEEL).bytes());
        assertThat(Hashing.sha256Hex(served)).isNotEqualTo(server.file(WHEEL).sha256());
        List<FileFacts> facts = jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body());
        assertThat(facts.get(0).sha256()).isEqualTo(server.file(WHEEL).sha256());
    }

    @Test
    void wrongMetadataHashIsAdvertisedOnTheMatchedPage() throws Exception {
        server.injectFault("/simple/demo/", Fault.wrongMetadataHash(), 1);
        String advertised = jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body()).get(0).metadata();
        byte[] metadata = get("/files/demo/" + WHEEL + ".metadata").body();
        assertThat(advertised).hasSize(64).isNotEqualTo(Hashing.sha256Hex(metadata));
        String honest = jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body()).get(0).metadata();
        assertThat(honest).isEqualTo(Hashing.sha256Hex(metadata));
    }

    Duration twoHundredParallelPageRequests() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/simple/demo/")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> f : all) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void latencyIsScheduledSoTwoHundredParallelRequestsOverlap() throws Exception {
        twoHundredParallelPageRequests(); // opens and pools the connections
        server.setLatency(Duration.ofMillis(20));
        // Best of five: the build machine is shared, so a single round can be starved of CPU.
        Duration took = Duration.ofDays(1);
        for (int round = 0; round < 5 && took.compareTo(Duration.ofMillis(500)) > 0; round++) {
            Duration roundTook = twoHundredParallelPageRequests();
            took = roundTook.compareTo(took) < 0 ? roundTook : took;
        }
        System.out.println("200 parallel requests at 20 ms latency took " + took);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThan(Duration.ofSeconds(1));

        long single = System.nanoTime();
        get("/simple/dep/");
        assertThat(Duration.ofNanos(System.nanoTime() - single)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void publishingAndYankingShowUpImmediately() throws Exception {
        server.publish("dep", "2.0", r -> r.requires("demo>=2"));
        server.publish("brand-new", "0.1", r -> r.sdist());
        server.yank("demo", "1.0", "security");
        JsonNode dep = JSON.readTree(get("/simple/dep/", "Accept", LocalIndexServer.JSON_V1).body());
        assertThat(dep.get("versions")).extracting(JsonNode::asText).containsExactly("1.0", "2.0");
        assertThat(dep.get("files").get(1).get("upload-time").asText()).isEqualTo("2020-01-01T06:00:00.000000Z");
        assertThat(get("/files/dep/dep-2.0-py3-none-any.whl").statusCode()).isEqualTo(200);
        assertThat(get("/files/brand-new/brand_new-0.1.tar.gz").statusCode()).isEqualTo(200);
        assertThat(jsonFacts(get("/simple/demo/", "Accept", LocalIndexServer.JSON_V1).body()).get(0).yanked())
                .isEqualTo("security");
        server.unyank("demo", "1.0");
        assertThat(new String(get("/simple/demo/").body(), UTF_8)).doesNotContain("security");
    }

    @Test
    void requestLogRecordsMethodPathHeadersStatusAndCounts() throws Exception {
        get("/simple/demo/", "Accept", "text/html", "X-Probe", "1");
        get("/files/demo/" + WHEEL);
        get("/files/demo/" + WHEEL, "If-None-Match", "\"" + server.file(WHEEL).sha256() + "\"");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.requestCount("/files/demo/" + WHEEL)).isEqualTo(2);
        assertThat(server.fileRequestCount()).isEqualTo(2);
        RecordedRequest first = server.requests().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.header("x-probe")).contains("1");
        assertThat(first.header("ACCEPT")).contains("text/html");
        assertThat(server.requests(p -> p.startsWith("/files/"))).extracting(RecordedRequest::status).containsExactly(200, 304);
        server.clearLog();
        assertThat(server.requestCount()).isZero();
        assertThat(server.requestCount("/files/demo/" + WHEEL)).isZero();
    }

    @Test
    void headRequestsCarryTheLengthButNoBody() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/files/demo/" + WHEEL))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Length")).contains(Integer.toString(server.file(WHEEL).size()));
    }

    @Test
    void findLinksExportWritesEveryFileAndAHashedIndex(@TempDir Path dir) throws Exception {
        LocalIndexServer.exportFindLinks(SCENARIO, dir);
        Set<String> names = new HashSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertThat(names).contains("index.html", WHEEL, "demo-1.0.tar.gz", "foo_bar-0.1-py3-none-any.whl", "dep-1.0-py3-none-any.whl")
                .hasSize(8);
        assertThat(Files.readAllBytes(dir.resolve(WHEEL))).isEqualTo(server.file(WHEEL).bytes());
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("<a href=\"" + WHEEL + "#sha256=" + server.file(WHEEL).sha256() + "\">");
    }
}
