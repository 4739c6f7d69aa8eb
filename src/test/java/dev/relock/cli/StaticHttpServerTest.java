package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain static PEP 503 tree behind {@code python3 -m http.server}, as many private mirrors and
 * buckets look: HTTP/1.0, a closed connection after every response, no range requests. compile,
 * verify and wheelhouse work against it at the default concurrency. Skipped without python3.
 */
class StaticHttpServerTest {
    @TempDir Path dir;
    Process server;
    int port;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        assumeTrue(runs("python3", "--version"), "python3 is not available");
        Scenario.Builder world = Scenario.builder();
        for (int i = 0; i < 40; i++) {
            String next = "lib" + (i + 1) % 40 + "<3";
            world.project("lib" + i, p -> p.release("1.0").release("2.0", r -> r.requires(next))
                    .release("2.1", r -> r.requires(next).wheel().sdist()));
        }
        Scenario scenario = world.build();
        Path root = dir.resolve("mirror");
        List<String> projects;
        try (var listing = Files.list(LocalIndexServer.exportSimpleTree(scenario, root))) {
            projects = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("python3", "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("http.log").toFile())
                .start();
        waitForPort();
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
        Files.writeString(dir.resolve("requirements.in"), String.join("\n", projects) + "\n");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void compileVerifyAndWheelhouseWorkAtTheDefaultConcurrency() throws IOException {
        String index = "http://127.0.0.1:" + port + "/simple/";

        String[] compiled = relock("compile", "--generate-hashes", "-i", index, "--no-cache");
        assertThat(compiled[0]).as(compiled[2]).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("requirements.txt"))).contains("--hash=sha256:");

        String[] verified = relock("verify", "--no-cache");
        assertThat(verified[0]).as(verified[1] + verified[2]).isEqualTo("0");

        String[] wheelhouse = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache");
        assertThat(wheelhouse[0]).as(wheelhouse[2]).isEqualTo("0");
    }

    private String[] relock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new RunContext(Map.of(), dir, new PrintWriter(out, true), new PrintWriter(err, true),
                false));
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    private void waitForPort() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("python3 -m http.server did not start");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
