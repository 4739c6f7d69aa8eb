package dev.relock.testing.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a scenario until killed and prints the index URL on stdout (one line), for benchmarks:
 *
 * <pre>
 * LocalIndexServerMain [--port N] [--seed S [--projects N] [--min-versions N] [--max-versions N]]
 *                      [--scenario FILE.json] [--latency-ms N] [--no-json] [--no-pep658] [--no-ranges]
 *                      [--write-scenario FILE.json]
 * </pre>
 *
 * <p>Without {@code --scenario} it serves {@link SyntheticIndex#generate} for the seed (default 1).
 */
public final class LocalIndexServerMain {
    static {
        // The JDK's HTTP server leaves TCP_NODELAY off unless told, and its separate header and
        // body writes then stall on delayed ACKs (about 40 ms per response): it must be set
        // before the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LocalIndexServerMain() {}

    public static void main(String[] args) throws Exception {
        LocalIndexServer server = serve(args);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println(server.simpleUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Parses the arguments and starts the server they describe. */
    static LocalIndexServer serve(String[] args) throws java.io.IOException {
        int port = 0;
        long seed = 1;
        int projects = SyntheticIndex.Options.DEFAULT.projects();
        int minVersions = SyntheticIndex.Options.DEFAULT.minVersions();
        int maxVersions = SyntheticIndex.Options.DEFAULT.maxVersions();
        Path scenarioFile = null;
        Path writeScenario = null;
        long latencyMs = 0;
        boolean json = true;
        boolean pep658 = true;
        boolean ranges = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--projects" -> projects = Integer.parseInt(args[++i]);
                case "--min-versions" -> minVersions = Integer.parseInt(args[++i]);
                case "--max-versions" -> maxVersions = Integer.parseInt(args[++i]);
                case "--scenario" -> scenarioFile = Path.of(args[++i]);
                case "--write-scenario" -> writeScenario = Path.of(args[++i]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
                case "--no-json" -> json = false;
                case "--no-pep658" -> pep658 = false;
                case "--no-ranges" -> ranges = false;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Scenario scenario = scenarioFile != null
                ? ScenarioJson.read(scenarioFile)
                : SyntheticIndex.generate(seed, new SyntheticIndex.Options(projects, minVersions, maxVersions));
        if (writeScenario != null) {
            ScenarioJson.write(scenario, writeScenario);
        }
        LocalIndexServer server = LocalIndexServer.start(scenario, port);
        server.setJsonApi(json);
        server.setCoreMetadata(pep658);
        server.setRangeRequests(ranges);
        server.setLatency(Duration.ofMillis(latencyMs));
        return server;
    }
}
