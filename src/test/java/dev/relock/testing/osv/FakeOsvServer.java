package dev.relock.testing.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relock.advisory.Advisory;
import dev.relock.advisory.OsvRecords;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real HTTP server speaking the OSV API for tests: {@code POST /v1/querybatch} and
 * {@code GET /v1/vulns/{id}}, answered from the {@link OsvRecord}s a test registers. A query
 * matches a record the way OSV does: ecosystem PyPI, PEP 503-normalized name, the record's
 * ECOSYSTEM ranges and versions lists. Withdrawn records are still answered, as the real
 * service keeps them.
 *
 * <p>Faults: {@link #failWith(int)} answers every request with an error status;
 * {@link #stop()} closes the port (connection refused). {@link #pageSize(int)} splits long
 * querybatch answers with {@code next_page_token}. {@link #writeZip} and {@link #writeDirectory}
 * write the same records as an offline OSV database.
 */
public final class FakeOsvServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService workers;
    private final Map<String, OsvRecord> records = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile int failStatus;
    private volatile int pageSize = Integer.MAX_VALUE;

    private FakeOsvServer() throws IOException {
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-osv");
            t.setDaemon(true);
            return t;
        });
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server on an ephemeral port. */
    public static FakeOsvServer start() {
        try {
            return new FakeOsvServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, the value for {@code --osv-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Registers (or replaces) records. */
    public FakeOsvServer add(OsvRecord... added) {
        for (OsvRecord r : added) {
            records.put(r.id(), r);
        }
        return this;
    }

    /** Forgets a record. */
    public void remove(String id) {
        records.remove(id);
    }

    /** Every request answers {@code status} (e.g. 500, 503); 0 answers normally again. */
    public void failWith(int status) {
        failStatus = status;
    }

    /** At most {@code size} vulns per querybatch result; the rest follow by {@code next_page_token}. */
    public void pageSize(int size) {
        pageSize = size;
    }

    /** Requests received, as {@code METHOD /path}. */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /** Requests received whose path starts with {@code prefix}. */
    public long requestCount(String prefix) {
        return log.stream().filter(r -> r.substring(r.indexOf(' ') + 1).startsWith(prefix)).count();
    }

    /** Writes the registered records as an OSV database zip ({@code ID.json} entries, as OSV's {@code all.zip}). */
    public Path writeZip(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (OsvRecord r : records.values()) {
                out.putNextEntry(new ZipEntry(r.id() + ".json"));
                out.write(r.json().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Writes the registered records as a directory of {@code ID.json} files. */
    public Path writeDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (OsvRecord r : records.values()) {
            Files.writeString(dir.resolve(r.id() + ".json"), r.json());
        }
        return dir;
    }

    /** Stops the server: its port then refuses connections. */
    public void stop() {
        http.stop(0);
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        log.add(method + " " + path);
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        int status;
        String body;
        if (failStatus != 0) {
            status = failStatus;
            body = "{\"code\":13,\"message\":\"injected fault\"}";
        } else if (method.equals("POST") && path.equals("/v1/querybatch")) {
            status = 200;
            body = queryBatch(requestBody);
        } else if (method.equals("GET") && path.startsWith("/v1/vulns/")) {
            OsvRecord r = records.get(URLDecoder.decode(path.substring("/v1/vulns/".length()), StandardCharsets.UTF_8));
            status = r == null ? 404 : 200;
            body = r == null ? "{\"code\":5,\"message\":\"Bug not found.\"}" : r.json();
        } else {
            status = 404;
            body = "{\"code\":5,\"message\":\"Not Found\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String queryBatch(byte[] requestBody) throws IOException {
        JsonNode request = OsvRecord.MAPPER.readTree(requestBody);
        ObjectNode answer = OsvRecord.MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode q : request.path("queries")) {
            ObjectNode result = results.addObject();
            if (!q.path("package").path("ecosystem").asText().equals("PyPI")) {
                continue;
            }
            Optional<PackageName> name = PackageName.tryOf(q.path("package").path("name").asText());
            Optional<Version> version = Version.tryParse(q.path("version").asText());
            if (name.isEmpty() || version.isEmpty()) {
                continue;
            }
            List<OsvRecord> matches = new ArrayList<>();
            for (OsvRecord r : records.values().stream().sorted(java.util.Comparator.comparing(OsvRecord::id)).toList()) {
                Advisory a = OsvRecords.parse(r.json().getBytes(StandardCharsets.UTF_8));
                if (a.affects(name.get(), version.get())) {
                    matches.add(r);
                }
            }
            int from = q.has("page_token") ? Integer.parseInt(q.get("page_token").asText()) : 0;
            int to = Math.min(matches.size(), from + pageSize);
            if (from >= to) {
                continue;
            }
            ArrayNode vulns = result.putArray("vulns");
            for (OsvRecord r : matches.subList(from, to)) {
                vulns.addObject().put("id", r.id()).put("modified", r.modified());
            }
            if (to < matches.size()) {
                result.put("next_page_token", Integer.toString(to));
            }
        }
        return OsvRecord.MAPPER.writeValueAsString(answer);
    }
}
