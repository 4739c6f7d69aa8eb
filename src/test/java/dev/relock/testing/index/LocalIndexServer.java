package dev.relock.testing.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A real PyPI-like package index on {@code 127.0.0.1} for integration tests and benchmarks.
 *
 * <p>Serves {@code /simple/} (PEP 503 HTML and PEP 691 JSON by {@code Accept} negotiation),
 * {@code /files/<project>/<file>} (with validators, 304s and byte ranges) and
 * {@code /files/<project>/<wheel>.metadata} (PEP 658). Every switch can be flipped while it runs;
 * latency is applied by scheduling the response, so slow responses do not occupy worker threads.
 */
public final class LocalIndexServer implements AutoCloseable {
    static {
        // The JDK's HTTP server leaves TCP_NODELAY off unless told, and its separate header and
        // body writes then stall on delayed ACKs (about 40 ms per response): it must be set
        // before the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** PEP 691 JSON media type. */
    public static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";
    /** PEP 691 HTML media type. */
    public static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
    static final String PAGE_CACHE_CONTROL = "max-age=600, public";
    static final String FILE_CACHE_CONTROL = "max-age=365000000, immutable, public";
    private static final String JSON_LATEST = "application/vnd.pypi.simple.latest+json";
    private static final String HTML_LATEST = "application/vnd.pypi.simple.latest+html";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer http;
    private final ExecutorService workers;
    private final ScheduledExecutorService delayer;
    private final ArtifactStore store = new ArtifactStore();
    private final Object publishLock = new Object();
    private volatile Scenario scenario;
    private volatile RenderedPages renderedPages;
    private volatile boolean jsonApi = true;
    private volatile boolean coreMetadata = true;
    private volatile boolean rangeRequests = true;
    private volatile Duration latency = Duration.ZERO;
    private volatile Optional<String> authorization = Optional.empty();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private LocalIndexServer(Scenario scenario, int port) throws IOException {
        this.scenario = scenario;
        this.renderedPages = new RenderedPages(scenario, new ConcurrentHashMap<>());
        this.workers = Executors.newFixedThreadPool(32, daemonThreads("relock-index-worker"));
        this.delayer = Executors.newScheduledThreadPool(2, daemonThreads("relock-index-delay"));
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server for the scenario on an ephemeral port. */
    public static LocalIndexServer start(Scenario scenario) {
        return start(scenario, 0);
    }

    /** Starts a server for the scenario on the given port (0: ephemeral). */
    public static LocalIndexServer start(Scenario scenario, int port) {
        try {
            return new LocalIndexServer(scenario, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The index URL to give installers: {@code http://127.0.0.1:PORT/simple/}. */
    public URI simpleUrl() {
        return URI.create(baseUrl() + "/simple/");
    }

    /** The current scenario (after publishes and yanks). */
    public Scenario scenario() {
        return scenario;
    }

    /** The served file with this file name, in any project. */
    public BuiltDistribution file(String filename) {
        for (ProjectSpec p : scenario.projects()) {
            Optional<ArtifactStore.IndexedFile> f = store.file(p, filename);
            if (f.isPresent()) {
                return f.get().dist();
            }
        }
        throw new IllegalArgumentException("no file " + filename);
    }

    /** Absolute URL of a served file. */
    public URI fileUrl(String filename) {
        for (ProjectSpec p : scenario.projects()) {
            Optional<ArtifactStore.IndexedFile> f = store.file(p, filename);
            if (f.isPresent()) {
                return URI.create(baseUrl() + SimplePages.fileUrlPath(p, f.get().dist()));
            }
        }
        throw new IllegalArgumentException("no file " + filename);
    }

    // ---- switches -------------------------------------------------------------------------------

    /** PEP 691 JSON on (default) or off (HTML only, like old indexes). */
    public void setJsonApi(boolean enabled) {
        this.jsonApi = enabled;
    }

    /** PEP 658 metadata files and their page attributes on (default) or off. */
    public void setCoreMetadata(boolean enabled) {
        this.coreMetadata = enabled;
    }

    /** HTTP range requests on (default) or off (Range ignored, full 200 responses). */
    public void setRangeRequests(boolean enabled) {
        this.rangeRequests = enabled;
    }

    /** Delay before every response (default zero). */
    public void setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency");
        }
        this.latency = latency;
    }

    /** Requires HTTP basic auth with these credentials on every request. */
    public void requireBasicAuth(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.authorization = Optional.of(token);
    }

    /** Stops requiring authentication. */
    public void disableAuth() {
        this.authorization = Optional.empty();
    }

    /**
     * Arms a fault for the next {@code times} requests whose path (e.g. {@code /files/a/a-1.0-py3-none-any.whl},
     * {@code /simple/a/}) fully matches {@code pathRegex}. Rules are tried in the order they were added;
     * the first one with shots left fires.
     */
    public FaultRule injectFault(String pathRegex, Fault fault, int times) {
        FaultRule rule = new FaultRule(Pattern.compile(pathRegex), fault, times);
        faults.add(rule);
        return rule;
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- live updates ---------------------------------------------------------------------------

    /**
     * Publishes a new release (or replaces one with the same version) while the server runs. Without an
     * explicit upload time it is uploaded one hour after the newest release so far.
     */
    public void publish(String project, String version, Consumer<ReleaseSpec.Builder> details) {
        synchronized (publishLock) {
            Scenario current = scenario;
            if (current.project(project).isEmpty()) {
                ProjectNames.requireValid(project);
            }
            ReleaseSpec.Builder builder = new ReleaseSpec.Builder(version,
                    current.lastUpload().plus(Duration.ofHours(1)), project + " " + version);
            details.accept(builder);
            scenario = current.withRelease(project, builder.build());
        }
    }

    /** Yanks a release without a reason. */
    public void yank(String project, String version) {
        setYank(project, version, Yank.YANKED);
    }

    public void yank(String project, String version, String reason) {
        setYank(project, version, Yank.because(reason));
    }

    public void unyank(String project, String version) {
        setYank(project, version, Yank.NONE);
    }

    private void setYank(String project, String version, Yank yank) {
        synchronized (publishLock) {
            scenario = scenario.withYank(project, version, yank);
        }
    }

    // ---- request log ----------------------------------------------------------------------------

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** Requests so far whose path satisfies the predicate. */
    public List<RecordedRequest> requests(Predicate<String> path) {
        return log.stream().filter(r -> path.test(r.path())).toList();
    }

    /** Number of requests so far. */
    public int requestCount() {
        return log.size();
    }

    /** Number of requests so far for exactly this path. */
    public int requestCount(String path) {
        AtomicInteger n = perPath.get(path);
        return n == null ? 0 : n.get();
    }

    /** Number of requests for distribution files and metadata files. */
    public int fileRequestCount() {
        return (int) log.stream().filter(RecordedRequest::isFileRequest).count();
    }

    /** Forgets all recorded requests. */
    public void clearLog() {
        log.clear();
        perPath.clear();
    }

    // ---- find-links -----------------------------------------------------------------------------

    /**
     * Writes every distribution file of the current scenario and an {@code index.html} linking them
     * (with {@code #sha256=} fragments) into {@code dir}, for {@code pip --find-links DIR}.
     */
    public static List<Path> exportFindLinks(Scenario scenario, Path dir) throws IOException {
        ArtifactStore store = new ArtifactStore();
        Files.createDirectories(dir);
        List<BuiltDistribution> all = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (ProjectSpec p : scenario.projects()) {
            for (ArtifactStore.IndexedFile f : store.files(p)) {
                all.add(f.dist());
                written.add(Files.write(dir.resolve(f.dist().filename()), f.dist().content()));
            }
        }
        all.sort(Comparator.comparing(BuiltDistribution::filename));
        written.add(Files.write(dir.resolve("index.html"), SimplePages.findLinksHtml(all)));
        return written;
    }

    /**
     * Writes the scenario as a static PEP 503 tree, as a plain web server or bucket would serve it:
     * {@code ROOT/files/<file>} and {@code ROOT/simple/<project>/index.html} linking
     * {@code ../../files/<file>#sha256=...}. No PEP 658 metadata, no upload times.
     *
     * @return {@code ROOT/simple}
     */
    public static Path exportSimpleTree(Scenario scenario, Path root) throws IOException {
        List<Path> files = exportFindLinks(scenario, root.resolve("files"));
        java.util.Map<String, StringBuilder> pages = new java.util.TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equals("index.html")) {
                continue;
            }
            String project = dev.relock.name.PackageName.of(name.substring(0, name.indexOf('-'))).toString();
            pages.computeIfAbsent(project, p -> new StringBuilder("<!DOCTYPE html><html><body>\n"))
                    .append("<a href=\"../../files/").append(name).append("#sha256=")
                    .append(dev.relock.common.Sha256.ofFile(f)).append("\">").append(name).append("</a>\n");
        }
        for (var page : pages.entrySet()) {
            Path html = root.resolve("simple").resolve(page.getKey()).resolve("index.html");
            Files.createDirectories(html.getParent());
            Files.writeString(html, page.getValue() + "</body></html>\n");
        }
        return root.resolve("simple");
    }

    @Override
    public void close() {
        http.stop(0);
        delayer.shutdownNow();
        workers.shutdownNow();
    }

    // ---- request handling -----------------------------------------------------------------------

    private enum Delivery { NORMAL, TRUNCATE, DROP, SILENT, TRICKLE }

    /** A response about to be sent. */
    private record Response(int status, Map<String, String> headers, byte[] body, Delivery delivery, Duration pace) {
        Response(int status, Map<String, String> headers, byte[] body, Delivery delivery) {
            this(status, headers, body, delivery, Duration.ZERO);
        }

        static Response of(int status, String contentType, byte[] body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            return new Response(status, h, body, Delivery.NORMAL);
        }

        static Response text(int status, String text) {
            return of(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
        }

        Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Response withBody(int newStatus, byte[] newBody) {
            return new Response(newStatus, headers, newBody, delivery);
        }

        Response withDelivery(Delivery newDelivery) {
            return new Response(status, headers, body, newDelivery);
        }

        Response trickled(Duration newPace) {
            return new Response(status, headers, body, Delivery.TRICKLE, newPace);
        }
    }

    private void handle(HttpExchange exchange) {
        Response response;
        try {
            response = respond(exchange);
        } catch (RuntimeException e) {
            response = Response.text(500, "internal error: " + e);
        }
        Response finalResponse = response;
        Runnable send = () -> transmit(exchange, finalResponse);
        long delayNanos = latency.toNanos();
        if (delayNanos > 0) {
            delayer.schedule(() -> workers.execute(send), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            send.run();
        }
    }

    private Response respond(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.text(405, "method not allowed").header("Allow", "GET, HEAD");
        }
        Optional<String> auth = authorization;
        if (auth.isPresent() && !authorized(exchange.getRequestHeaders().getFirst("Authorization"), auth.get())) {
            return Response.text(401, "authentication required")
                    .header("WWW-Authenticate", "Basic realm=\"relock-test-index\"");
        }
        Optional<Fault> fault = faults.stream().filter(rule -> rule.tryFire(path)).findFirst().map(FaultRule::fault);
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
            Response error = Response.text(fault.get().status(), "injected fault");
            if (!fault.get().retryAfter().isZero()) {
                error.header("Retry-After", Long.toString(fault.get().retryAfter().toSeconds()));
            }
            return error;
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.CONNECTION_RESET) {
            return Response.text(0, "").withDelivery(Delivery.DROP);
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.SILENT) {
            return Response.text(0, "").withDelivery(Delivery.SILENT);
        }
        boolean wrongMetadataHash = fault.isPresent() && fault.get().kind() == Fault.Kind.WRONG_METADATA_HASH;
        boolean wrongFileHash = fault.isPresent() && fault.get().kind() == Fault.Kind.WRONG_FILE_HASH;
        Response response = route(exchange, path, wrongMetadataHash, wrongFileHash);
        if (response.status() == 200 || response.status() == 206) {
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.CORRUPT_BYTES && response.body().length > 0) {
                byte[] corrupt = response.body().clone();
                corrupt[corrupt.length / 2] ^= 0x01;
                response = response.withBody(response.status(), corrupt);
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.TRUNCATED_BODY) {
                response = response.withDelivery(Delivery.TRUNCATE);
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.TRICKLE) {
                response = response.trickled(fault.get().pace());
            }
        }
        return response;
    }

    private static boolean authorized(String header, String expectedToken) {
        if (header == null) {
            return false;
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Basic") && parts[1].equals(expectedToken);
    }

    private Response route(HttpExchange exchange, String path, boolean wrongMetadataHash, boolean wrongFileHash) {
        Scenario current = scenario;
        if (path.equals("/simple")) {
            return redirect("/simple/");
        }
        if (path.equals("/simple/")) {
            return page(exchange, () -> Rendered.of(SimplePages.projectListHtml(current)),
                    () -> Rendered.of(SimplePages.projectListJson(current)), current.lastUpload());
        }
        if (path.startsWith("/simple/")) {
            String name = path.substring("/simple/".length());
            boolean slash = name.endsWith("/");
            name = slash ? name.substring(0, name.length() - 1) : name;
            if (name.isEmpty() || name.contains("/")) {
                return Response.text(404, "not found");
            }
            Optional<ProjectSpec> project = current.project(name);
            if (project.isEmpty()) {
                return Response.text(404, "no such project: " + name);
            }
            ProjectSpec p = project.get();
            if (!slash || !name.equals(p.normalizedName())) {
                return redirect("/simple/" + p.normalizedName() + "/");
            }
            List<ArtifactStore.IndexedFile> files = store.files(p);
            SimplePages.Options options = new SimplePages.Options(coreMetadata, wrongMetadataHash, wrongFileHash);
            Instant modified = p.releases().stream().map(ReleaseSpec::uploadTime)
                    .max(Comparator.naturalOrder()).orElse(Scenario.DEFAULT_EPOCH);
            return page(exchange, () -> rendered(current, p, options, "html", () -> SimplePages.projectHtml(p, files, options)),
                    () -> rendered(current, p, options, "json", () -> SimplePages.projectJson(p, files, options, baseUrl())),
                    modified);
        }
        if (path.startsWith("/files/")) {
            return file(exchange, current, path.substring("/files/".length()));
        }
        return Response.text(404, "not found");
    }

    /**
     * A project page rendered once per scenario state: a real index serves pages from a cache, so
     * re-rendering (and hashing) every page on every request would charge the machine under test
     * for work a remote index does elsewhere.
     */
    private Rendered rendered(Scenario current, ProjectSpec project, SimplePages.Options options, String format,
            java.util.function.Supplier<byte[]> render) {
        RenderedPages pages = renderedPages;
        if (pages.scenario() != current) {
            pages = new RenderedPages(current, new ConcurrentHashMap<>());
            renderedPages = pages;
        }
        return pages.byKey().computeIfAbsent(project.normalizedName() + " " + options + " " + format,
                k -> Rendered.of(render.get()));
    }

    /** A page body with its ETag. */
    private record Rendered(byte[] body, String etag) {
        static Rendered of(byte[] body) {
            return new Rendered(body, "\"" + Hashing.sha256Hex(body).substring(0, 32) + "\"");
        }
    }

    /** Pages rendered from one scenario state (compared by identity: each change makes a new scenario). */
    private record RenderedPages(Scenario scenario, Map<String, Rendered> byKey) {}

    private static Response redirect(String location) {
        return Response.text(301, "moved to " + location).header("Location", location);
    }

    private Response page(HttpExchange exchange, java.util.function.Supplier<Rendered> html,
            java.util.function.Supplier<Rendered> json, Instant modified) {
        Optional<String> type = negotiate(exchange.getRequestHeaders().getFirst("Accept"), jsonApi);
        if (type.isEmpty()) {
            return Response.text(406, "acceptable: text/html, " + HTML_V1 + (jsonApi ? ", " + JSON_V1 : ""));
        }
        boolean asJson = type.get().equals(JSON_V1);
        Rendered page = asJson ? json.get() : html.get();
        byte[] body = page.body();
        String contentType = type.get().equals("text/html") ? "text/html; charset=utf-8" : type.get();
        Response response = Response.of(200, contentType, body)
                .header("Vary", "Accept, Accept-Encoding")
                .header("Cache-Control", PAGE_CACHE_CONTROL)
                .header("ETag", page.etag())
                .header("Last-Modified", HTTP_DATE.format(modified));
        return conditional(exchange, response, modified);
    }

    private Response file(HttpExchange exchange, Scenario current, String rest) {
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Response.text(404, "not found");
        }
        Optional<ProjectSpec> project = current.project(rest.substring(0, slash));
        String filename = rest.substring(slash + 1);
        if (project.isEmpty()) {
            return Response.text(404, "not found");
        }
        boolean metadata = filename.endsWith(".metadata");
        String distName = metadata ? filename.substring(0, filename.length() - ".metadata".length()) : filename;
        Optional<ArtifactStore.IndexedFile> file = store.file(project.get(), distName);
        if (file.isEmpty()) {
            return Response.text(404, "no such file: " + filename);
        }
        BuiltDistribution dist = file.get().dist();
        byte[] body;
        if (metadata) {
            Optional<byte[]> served = dist.servedMetadata();
            if (!coreMetadata || served.isEmpty()) {
                return Response.text(404, "no metadata for " + distName);
            }
            body = served.get();
        } else {
            body = dist.content();
        }
        Instant modified = file.get().release().uploadTime();
        Response response = Response.of(200, "application/octet-stream", body)
                .header("Cache-Control", FILE_CACHE_CONTROL)
                .header("ETag", "\"" + (metadata ? dist.coreMetadataSha256() : dist.sha256()) + "\"")
                .header("Last-Modified", HTTP_DATE.format(modified))
                .header("Accept-Ranges", rangeRequests ? "bytes" : "none");
        Response checked = conditional(exchange, response, modified);
        return checked.status() == 200 && rangeRequests ? range(exchange, checked) : checked;
    }

    /** If-None-Match (strong or weak tags, {@code *}) wins over If-Modified-Since (RFC 9110 13.2.2). */
    private static Response conditional(HttpExchange exchange, Response response, Instant modified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String etag = response.headers().get("ETag");
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = false;
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || stripWeak(t).equals(stripWeak(etag))) {
                    notModified = true;
                }
            }
        } else {
            notModified = parseHttpDate(exchange.getRequestHeaders().getFirst("If-Modified-Since"))
                    .map(since -> !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                    .orElse(false);
        }
        if (notModified) {
            response.headers().remove("Content-Type");
            return response.withBody(304, new byte[0]);
        }
        return response;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Optional<Instant> parseHttpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** One {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} range; anything else is ignored. */
    private static Response range(HttpExchange exchange, Response full) {
        String header = exchange.getRequestHeaders().getFirst("Range");
        if (header == null) {
            return full;
        }
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        if (ifRange != null && !ifRange.strip().equals(full.headers().get("ETag"))) {
            return full;
        }
        java.util.regex.Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return full;
        }
        long length = full.body().length;
        long first;
        long last;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                first = Math.max(0, length - suffix);
                last = length - 1;
                if (suffix == 0) {
                    first = length;
                }
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
                if (last < first && first < length) {
                    return full;
                }
            }
        } catch (NumberFormatException e) {
            return full;
        }
        if (first >= length) {
            full.headers().put("Content-Range", "bytes */" + length);
            full.headers().put("Content-Type", "text/plain; charset=utf-8");
            return full.withBody(416, "range not satisfiable\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] part = java.util.Arrays.copyOfRange(full.body(), (int) first, (int) last + 1);
        full.headers().put("Content-Range", "bytes " + first + "-" + last + "/" + length);
        return full.withBody(206, part);
    }

    /**
     * Picks the representation for an {@code Accept} header: highest q-value wins, the most specific
     * matching range decides a type's q, ties go to JSON, then the versioned HTML type, then text/html.
     * No header means text/html.
     */
    static Optional<String> negotiate(String accept, boolean jsonAllowed) {
        if (accept == null || accept.isBlank()) {
            return Optional.of("text/html");
        }
        List<String> candidates = jsonAllowed ? List.of(JSON_V1, HTML_V1, "text/html") : List.of(HTML_V1, "text/html");
        String best = null;
        double bestQ = 0;
        for (String candidate : candidates) {
            double q = quality(accept, candidate);
            if (q > bestQ) {
                best = candidate;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(String accept, String candidate) {
        String latest = candidate.equals(JSON_V1) ? JSON_LATEST : candidate.equals(HTML_V1) ? HTML_LATEST : candidate;
        int bestSpecificity = -1;
        double q = 0;
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            String range = params[0].strip().toLowerCase(Locale.ROOT);
            double rangeQ = 1;
            for (int i = 1; i < params.length; i++) {
                String param = params[i].strip();
                if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    try {
                        rangeQ = Double.parseDouble(param.substring(2).strip());
                    } catch (NumberFormatException e) {
                        rangeQ = 0;
                    }
                }
            }
            int specificity;
            if (range.equals(candidate) || range.equals(latest)) {
                specificity = 2;
            } else if (range.endsWith("/*") && candidate.startsWith(range.substring(0, range.length() - 1))) {
                specificity = 1;
            } else if (range.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = rangeQ;
            }
        }
        return q;
    }

    private void transmit(HttpExchange exchange, Response response) {
        String path = exchange.getRequestURI().getPath();
        int status = response.delivery() == Delivery.DROP || response.delivery() == Delivery.SILENT
                ? RecordedRequest.NO_RESPONSE : response.status();
        log.add(new RecordedRequest(sequence.incrementAndGet(), exchange.getRequestMethod(), path,
                exchange.getRequestHeaders(), status));
        perPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        if (response.delivery() == Delivery.SILENT) {
            // Keep the connection open, answering nothing, until the server stops (or ten minutes pass).
            delayer.schedule(exchange::close, 10, TimeUnit.MINUTES);
            return;
        }
        if (response.delivery() == Delivery.TRICKLE) {
            trickle(exchange, response);
            return;
        }
        try {
            if (response.delivery() == Delivery.DROP) {
                return;
            }
            response.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = response.body();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            boolean noBody = head || response.status() == 304 || body.length == 0;
            if (head && response.status() != 304) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, response.delivery() == Delivery.TRUNCATE ? body.length / 2 : body.length);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away; nothing to tell it.
        } finally {
            exchange.close();
        }
    }

    /** Sends the headers now and one byte of the body per {@code pace}, without holding a worker thread. */
    private void trickle(HttpExchange exchange, Response response) {
        byte[] body = response.body();
        try {
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().flush();
        } catch (IOException e) {
            exchange.close();
            return;
        }
        trickleFrom(exchange, body, 0, response.pace());
    }

    private void trickleFrom(HttpExchange exchange, byte[] body, int next, Duration pace) {
        if (next >= body.length) {
            exchange.close();
            return;
        }
        try {
            delayer.schedule(() -> {
                try {
                    OutputStream out = exchange.getResponseBody();
                    out.write(body[next]);
                    out.flush();
                } catch (IOException e) {
                    exchange.close();
                    return;
                }
                trickleFrom(exchange, body, next + 1, pace);
            }, pace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The server is stopping.
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
