package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes that lie or misbehave (issue 14), through the CLI: a file whose bytes do not match its
 * published hash, junk PEP 658 metadata, links to local files, bad hash fragments.
 */
class IndexRobustnessTest {
    static final String BETA = "beta-2.0.0-py3-none-any.whl";
    static final String EVIL = "evil-6.6.6-py3-none-any.whl";


    @TempDir Path dir;
    HandMadeIndex index;
    Map<String, byte[]> good;
    Map<String, byte[]> poisoned;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
        Files.writeString(dir.resolve("requirements.in"), "beta\n");
        good = HandMadeIndex.files(Scenario.builder()
                .project("beta", p -> p.release("2.0.0"))
                .project("evil", p -> p.release("6.6.6")).build(), dir.resolve("good"));
        poisoned = HandMadeIndex.files(Scenario.builder()
                .project("beta", p -> p.release("2.0.0", r -> r.requires("evil"))).build(), dir.resolve("poisoned"));
        index = new HandMadeIndex();
        index.page("evil", HandMadeIndex.anchor(EVIL, HandMadeIndex.sha256(good.get(EVIL)), ""));
        index.put("/files/" + EVIL, good.get(EVIL));
    }

    @AfterEach
    void stop() {
        index.close();
    }

    Result relock(String... args) {
        return Result.run(dir, Map.of(), args);
    }

    Result compile(String... extra) {
        List<String> args = new ArrayList<>(List.of("compile", "requirements.in", "-i", index.simpleUrl(),
                "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return relock(args.toArray(String[]::new));
    }

    String lock() throws IOException {
        return Files.readString(dir.resolve("requirements.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void aWheelWhoseBytesDoNotMatchItsPublishedHashNeverAddsItsDependenciesNorPoisonsTheCache() throws IOException {
        // The index publishes the true sha256 of beta, has no .metadata, and serves other bytes
        // whose METADATA adds Requires-Dist: evil.
        index.page("beta", HandMadeIndex.anchor(BETA, HandMadeIndex.sha256(good.get(BETA)), ""));
        index.put("/files/" + BETA, poisoned.get(BETA));

        Result tampered = compile();
        assertThat(tampered.status()).as(tampered.err()).isEqualTo(4);
        assertThat(tampered.err()).startsWith("relock: error: ").contains(BETA, "hash mismatch");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();

        index.put("/files/" + BETA, good.get(BETA));
        Result fixed = compile();
        assertThat(fixed.status()).as(fixed.err()).isZero();
        assertThat(lock()).contains("beta==2.0.0").doesNotContain("evil");
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain("Requires-Dist: evil");
            }
        }
    }

    @Test
    void junkPep658MetadataIsNotCachedAndTheVerifiedWheelIsReadInstead() throws IOException {
        byte[] junk = "this is not core metadata\n".getBytes(StandardCharsets.UTF_8);
        index.page("beta", HandMadeIndex.anchor(BETA, HandMadeIndex.sha256(good.get(BETA)),
                "data-core-metadata=\"sha256=" + HandMadeIndex.sha256(junk) + "\""));
        index.put("/files/" + BETA, good.get(BETA));
        index.put("/files/" + BETA + ".metadata", junk);

        Result first = compile();
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("PEP 658 metadata of " + BETA, "reading the wheel instead");
        assertThat(lock()).contains("beta==2.0.0");

        Files.delete(dir.resolve("requirements.txt"));
        Result again = compile("--offline");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(lock()).contains("beta==2.0.0");
    }

    @Test
    void pep658MetadataThatNamesAnotherVersionIsRefusedAndTheWheelIsRead() throws IOException {
        byte[] lying = "Metadata-Version: 2.1\nName: beta\nVersion: 9.9\nRequires-Dist: evil\n"
                .getBytes(StandardCharsets.UTF_8);
        index.page("beta", HandMadeIndex.anchor(BETA, HandMadeIndex.sha256(good.get(BETA)),
                "data-core-metadata=\"sha256=" + HandMadeIndex.sha256(lying) + "\""));
        index.put("/files/" + BETA, good.get(BETA));
        index.put("/files/" + BETA + ".metadata", lying);

        Result result = compile();
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).contains(BETA, "contradicts the file name");
        assertThat(lock()).contains("beta==2.0.0").doesNotContain("evil");
    }

    @Test
    void aWheelWhoseOwnMetadataContradictsItsFileNameIsAnIndexError() throws IOException {
        byte[] other = HandMadeIndex.files(Scenario.builder().project("beta", p -> p.release("2.0.1")).build(),
                dir.resolve("other")).get("beta-2.0.1-py3-none-any.whl");
        index.page("beta", HandMadeIndex.anchor(BETA, HandMadeIndex.sha256(other), ""));
        index.put("/files/" + BETA, other);

        Result result = compile();
        assertThat(result.status()).as(result.err()).isEqualTo(4);
        assertThat(result.err()).startsWith("relock: error: ").contains(BETA, "Version '2.0.1'", "contradicts")
                .hasLineCount(1);
    }

    @Test
    void aRemotePageThatLinksALocalFileIsNotFollowed() throws IOException {
        Path local = dir.resolve("planted").resolve(BETA);
        Files.createDirectories(local.getParent());
        Files.write(local, good.get(BETA));
        byte[] older = HandMadeIndex.files(Scenario.builder().project("beta", p -> p.release("1.0.0")).build(),
                dir.resolve("older")).get("beta-1.0.0-py3-none-any.whl");
        index.page("beta",
                "<a href=\"" + local.toUri() + "#sha256=" + HandMadeIndex.sha256(good.get(BETA)) + "\">" + BETA + "</a>",
                HandMadeIndex.anchor("beta-1.0.0-py3-none-any.whl", HandMadeIndex.sha256(older), ""));
        index.put("/files/beta-1.0.0-py3-none-any.whl", older);

        Result result = compile();
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).contains("ignoring the link to " + BETA, "only link http(s) URLs", "file:");
        assertThat(lock()).contains("beta==1.0.0").doesNotContain("beta==2.0.0");
    }

    /** A PEP 503 tree on disk: {@code simple/<project>/index.html} linking {@code ../../files/...}. */
    static Path exportTree(Scenario scenario, Path root) throws IOException {
        return LocalIndexServer.exportSimpleTree(scenario, root);
    }

    static Scenario world() {
        return Scenario.builder()
                .project("beta", p -> p.release("1.0.0").release("2.0.0", r -> r.requires("gamma>=1")))
                .project("gamma", p -> p.release("1.5"))
                .build();
    }

    @Test
    void aFileIndexUrlIsReadFromDiskByCompileVerifyAndWheelhouse() throws IOException {
        Path simple = exportTree(world(), dir.resolve("pypi"));
        String url = simple.toUri().toString();
        assertThat(url).startsWith("file:///");

        Result compiled = relock("compile", "requirements.in", "--generate-hashes", "-i", url, "--no-cache");
        assertThat(compiled.status()).as(compiled.err()).isZero();
        assertThat(lock()).contains("beta==2.0.0", "gamma==1.5", "--hash=sha256:", "--index-url " + url);

        Result verified = relock("verify", "--no-cache", "requirements.txt");
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();

        Result wheels = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache");
        assertThat(wheels.status()).as(wheels.err()).isZero();
        assertThat(dir.resolve("wheels").resolve(BETA)).exists();
        assertThat(dir.resolve("wheels").resolve("gamma-1.5-py3-none-any.whl")).exists();
    }

    @Test
    void fileExtraIndexUrlsAndFindLinksUrlsWork() throws IOException {
        Path simple = exportTree(Scenario.builder().project("gamma", p -> p.release("1.5")).build(), dir.resolve("extra"));
        Path findLinks = dir.resolve("fl");
        dev.relock.testing.index.LocalIndexServer.exportFindLinks(
                Scenario.builder().project("beta", p -> p.release("1.0.0").release("2.0.0", r -> r.requires("gamma>=1")))
                        .build(), findLinks);

        Result compiled = relock("compile", "requirements.in", "--no-index", "-f", findLinks.toUri().toString(),
                "--no-cache", "-o", "a.txt");
        assertThat(compiled.status()).as(compiled.err()).isZero();
        assertThat(Files.readString(dir.resolve("a.txt"))).as("gamma is not there").contains("beta==1.0.0");

        compiled = relock("compile", "requirements.in", "-i", dir.resolve("empty-index").toUri().toString(),
                "--extra-index-url", simple.toUri().toString(), "-f", findLinks.toUri().toString(), "--no-cache");
        assertThat(compiled.status()).as(compiled.err()).isEqualTo(2).as("the empty index does not exist yet");
        Files.createDirectories(dir.resolve("empty-index"));
        compiled = relock("compile", "requirements.in", "-i", dir.resolve("empty-index").toUri().toString(),
                "--extra-index-url", simple.toUri().toString(), "-f", findLinks.toUri().toString(), "--no-cache");
        assertThat(compiled.status()).as(compiled.err()).isZero();
        assertThat(lock()).contains("beta==2.0.0", "gamma==1.5");

        Result page = relock("compile", "requirements.in", "-i", dir.resolve("empty-index").toUri().toString(),
                "--extra-index-url", simple.toUri().toString(), "-f", findLinks.resolve("index.html").toUri().toString(),
                "--no-cache", "-o", "b.txt");
        assertThat(page.status()).as(page.err()).isZero();
        assertThat(Files.readString(dir.resolve("b.txt"))).contains("beta==2.0.0", "gamma==1.5");
    }

    @Test
    void aMalformedHashFragmentIsIgnoredWithAWarningNotAnInternalError() throws IOException {
        index.page("beta", "<a href=\"/files/" + BETA + "#sha256=zzzz\">" + BETA + "</a>");
        index.put("/files/" + BETA, good.get(BETA));

        Result result = compile("--generate-hashes");
        assertThat(result.status()).as(result.err()).isNotEqualTo(70);
        assertThat(result.err()).contains("ignoring a malformed sha256 hash of " + BETA, index.simpleUrl() + "beta/")
                .doesNotContain("internal error");
        assertThat(result.status()).isZero();
        assertThat(lock()).contains("beta==2.0.0", "--hash=sha256:" + HandMadeIndex.sha256(good.get(BETA)));
    }

    /** A server that answers every request on its connection with {@code reply}, then keeps it open a moment. */
    static java.net.ServerSocket rawServer(byte[] reply) throws IOException {
        java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (java.net.Socket c = socket.accept()) {
                    java.io.InputStream in = c.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    c.getOutputStream().write(reply);
                    c.getOutputStream().flush();
                    Thread.sleep(50);
                } catch (IOException | InterruptedException e) {
                    // next connection
                }
            }
        }, "raw-server");
        t.setDaemon(true);
        t.start();
        return socket;
    }

    @Test
    void errorsAboutMalformedResponsesDoNotEchoTheServersBytes() throws IOException {
        for (String reply : List.of(
                "SECRET-BYTES\u0001\u0002 not a status line\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5SECRET-BYTES\u0001\r\n")) {
            try (java.net.ServerSocket server = rawServer(reply.getBytes(StandardCharsets.ISO_8859_1))) {
                Result result = relock("compile", "requirements.in", "--no-cache",
                        "-i", "http://127.0.0.1:" + server.getLocalPort() + "/simple/");
                assertThat(result.status()).as(result.err()).isEqualTo(4);
                assertThat(result.err()).startsWith("relock: error: ").hasLineCount(1).doesNotContain("SECRET")
                        .doesNotContain("\u0001").contains("index page of beta");
            }
        }
    }

    @Test
    void workersStoppedWhileConnectingEndSilently() throws Exception {
        // Files live on a host whose accept queue is full: connecting to it hangs. The compile fails on
        // another project meanwhile, and the workers stuck connecting are stopped.
        try (java.net.ServerSocket blackHole = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                try {
                    java.net.Socket f = new java.net.Socket();
                    f.connect(blackHole.getLocalSocketAddress(), 200);
                    fillers.add(f);
                } catch (IOException e) {
                    break;
                }
            }
            StringBuilder in = new StringBuilder("broken\n");
            for (int i = 0; i < 12; i++) {
                String file = "lib" + i + "-1.0-py3-none-any.whl";
                index.page("lib" + i, "<a href=\"http://127.0.0.1:" + blackHole.getLocalPort() + "/files/" + file
                        + "#sha256=" + "0".repeat(64) + "\">" + file + "</a>");
                in.append("lib").append(i).append('\n');
            }
            index.status("/simple/broken/", 403);
            Files.writeString(dir.resolve("requirements.in"), in);
            java.io.PrintStream original = System.err;
            java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(stray, true, StandardCharsets.UTF_8));
            try {
                Result result = relock("compile", "requirements.in", "--no-cache", "-i", index.simpleUrl());
                assertThat(result.status()).as(result.err()).isEqualTo(4);
                assertThat(result.err()).startsWith("relock: error: ").contains("broken", "HTTP 403").hasLineCount(1);
                Thread.sleep(1000);
            } finally {
                System.setErr(original);
                for (java.net.Socket f : fillers) {
                    f.close();
                }
            }
            assertThat(stray.toString(StandardCharsets.UTF_8)).doesNotContain("Exception in thread", "relock-index");
        }
    }

    @Test
    void connectionFailuresWithManyRequestsInFlightSuggestALowerConcurrency() throws IOException {
        Scenario.Builder world = Scenario.builder();
        StringBuilder in = new StringBuilder();
        // More than 4 in flight at the default concurrency; few enough that the retries stay short.
        for (int i = 0; i < 10; i++) {
            world.project("lib" + i, p -> p.release("1.0"));
            in.append("lib").append(i).append('\n');
        }
        Files.writeString(dir.resolve("requirements.in"), in);
        try (dev.relock.testing.index.LocalIndexServer server = dev.relock.testing.index.LocalIndexServer.start(world.build())) {
            server.setLatency(java.time.Duration.ofMillis(100));
            server.injectFault("/simple/.*", dev.relock.testing.index.Fault.connectionReset(), 100_000);

            Result many = relock("compile", "requirements.in", "--no-cache", "-i", server.simpleUrl().toString());
            assertThat(many.status()).as(many.err()).isEqualTo(4);
            assertThat(many.err()).hasLineCount(1).contains("requests were in flight", "try --concurrency 4");

            Result few = relock("compile", "requirements.in", "--no-cache", "--concurrency", "2",
                    "-i", server.simpleUrl().toString());
            assertThat(few.status()).as(few.err()).isEqualTo(4);
            assertThat(few.err()).hasLineCount(1).doesNotContain("--concurrency");
        }
    }

    @Test
    void aServerThatClosesEveryConnectionWorksAtTheDefaultConcurrency() throws IOException {
        StringBuilder in = new StringBuilder();
        Scenario.Builder world = Scenario.builder();
        for (int i = 0; i < 40; i++) {
            world.project("lib" + i, p -> p.release("1.0"));
            in.append("lib").append(i).append('\n');
        }
        Map<String, byte[]> files = HandMadeIndex.files(world.build(), dir.resolve("libs"));
        for (var f : files.entrySet()) {
            index.page(f.getKey().substring(0, f.getKey().indexOf('-')),
                    HandMadeIndex.anchor(f.getKey(), HandMadeIndex.sha256(f.getValue()), ""));
            index.put("/files/" + f.getKey(), f.getValue());
        }
        index.closeEveryConnection();
        Files.writeString(dir.resolve("requirements.in"), in);

        Result result = compile("--generate-hashes");
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(lock()).contains("lib0==1.0", "lib39==1.0");
        Result wheels = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache");
        assertThat(wheels.status()).as(wheels.err()).isZero();
        assertThat(dir.resolve("wheels").resolve("lib39-1.0-py3-none-any.whl")).exists();
    }

    @Test
    void aVersionOnlyAnExtraIndexHasIsExplainedAsSkippedByFirstIndexWins() throws IOException {
        Files.writeString(dir.resolve("requirements.in"), "beta>=2\n");
        try (var first = dev.relock.testing.index.LocalIndexServer.start(
                        Scenario.builder().project("beta", p -> p.release("1.0.0")).build());
                var extra = dev.relock.testing.index.LocalIndexServer.start(
                        Scenario.builder().project("beta", p -> p.release("1.0.0").release("2.0.0")).build())) {
            Result result = relock("compile", "requirements.in", "--no-cache", "-i", first.simpleUrl().toString(),
                    "--extra-index-url", extra.simpleUrl().toString());
            assertThat(result.status()).as(result.err()).isEqualTo(3);
            assertThat(result.err()).contains("first index wins", extra.simpleUrl() + " has beta 2.0.0",
                    "make " + extra.simpleUrl() + " the --index-url");
        }
    }
}
