package dev.relock.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relock.common.Sha256;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP index whose pages and files are set by hand, so a test can make it lie: publish one
 * file's hash and serve other bytes, list {@code file://} links, or put junk in hash fragments.
 * Serves {@code Range: bytes=-N} and {@code bytes=A-B} like a real static server.
 */
final class HandMadeIndex implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer http;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private volatile boolean closeEveryConnection;

    HandMadeIndex() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "hand-made-index");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        http.start();
    }

    /** Every file of {@code scenario} by file name (exported as for find-links). */
    static Map<String, byte[]> files(Scenario scenario, Path scratch) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path f : LocalIndexServer.exportFindLinks(scenario, scratch)) {
            if (!f.getFileName().toString().equals("index.html")) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    String simpleUrl() {
        return baseUrl() + "/simple/";
    }

    /** Serves {@code body} at {@code path}. */
    void put(String path, byte[] body, String contentType) {
        bodies.put(path, body);
        types.put(path, contentType);
    }

    /** Sends {@code Connection: close} and closes the connection after every response. */
    void closeEveryConnection() {
        closeEveryConnection = true;
    }

    /** Answers {@code path} with this bare status. */
    void status(String path, int status) {
        statuses.put(path, status);
    }

    void put(String path, byte[] body) {
        put(path, body, "application/octet-stream");
    }

    /** A PEP 503 HTML page for {@code project} with these anchors (whole {@code <a ...>...</a>} elements). */
    void page(String project, String... anchors) {
        put("/simple/" + project + "/", ("<!DOCTYPE html><html><body>\n" + String.join("\n", anchors)
                + "\n</body></html>\n").getBytes(StandardCharsets.UTF_8), "text/html");
    }

    /** An anchor to {@code /files/NAME} with the given sha256 and optional extra attributes. */
    static String anchor(String filename, String sha256, String attributes) {
        return "<a href=\"/files/" + filename + "#sha256=" + sha256 + "\" " + attributes + ">" + filename + "</a>";
    }

    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (closeEveryConnection) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            byte[] body = bodies.get(path);
            if (statuses.containsKey(path)) {
                exchange.sendResponseHeaders(statuses.get(path), -1);
                return;
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", types.get(path));
            Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
            Matcher m = RANGE.matcher(range.orElse(""));
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long start;
                long end;
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, body.length - Long.parseLong(m.group(2)));
                    end = body.length - 1;
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Long.parseLong(m.group(2)));
                }
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
                exchange.sendResponseHeaders(206, end - start + 1);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body, (int) start, (int) (end - start + 1));
                }
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
