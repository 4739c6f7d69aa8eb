package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * A stateful fake of GitHub's REST API (and git smart HTTP) on 127.0.0.1, backed by real bare git
 * repositories, for testing code that talks to GitHub through the {@code org.kohsuke} github-api
 * library or plain HTTP.
 *
 * <pre>{@code
 * try (FakeGitHub fake = FakeGitHub.start()) {
 *     fake.addBot("relock[bot]");
 *     fake.addToken("t0k3n", "relock[bot]", "contents:write", "pull_requests:write");
 *     FakeRepository repo = fake.createRepository("acme", "app");
 *     GitHub gh = new GitHubBuilder().withEndpoint(fake.apiUrl()).withOAuthToken("t0k3n")...build();
 *     ...
 *     assertThat(repo.pullRequests()).singleElement()...;
 * }
 * }</pre>
 *
 * <p>Faithful in what the bot relies on: status codes, error bodies ({@code message},
 * {@code errors}, {@code documentation_url}), token permissions (401 Bad credentials, 403
 * "Resource not accessible by integration" with {@code x-accepted-github-permissions}), the legacy
 * {@code git/refs/{ref}} single-or-array answer, fast-forward checks on ref updates, duplicate pull
 * request detection, pull requests closing when their head branch is deleted, pagination with
 * {@code Link} headers, and rate-limit headers. Not modelled: forks, merging, reviews, checks,
 * webhooks, conditional requests, GraphQL and uploads.
 */
public final class FakeGitHub implements AutoCloseable {
    static {
        // The JDK's HTTP server leaves TCP_NODELAY off unless told, and its separate header and
        // body writes then stall on delayed ACKs (about 40 ms per response): it must be set
        // before the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern GIT_PATH = Pattern.compile("/([^/]+)/([^/]+)\\.git(/.*)");

    final Object lock = new Object();
    final Clock clock;
    final Instant startedAt;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Path directory;
    private final String basePath;
    private final Optional<String> enterpriseVersion;
    private final Map<String, FakeUser> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, TokenGrant> tokens = new HashMap<>();
    private final Map<String, FakeRepository> repositories = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<int[]> faultCounts = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, FakeUser> races = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<FieldDrop> fieldDrops = new ArrayList<>();
    private final Api api;
    private final PullRoutes pullRoutes;
    private final GitSmartHttp git;
    private long nextId = 1000;

    private FakeGitHub(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.startedAt = clock.instant();
        this.basePath = builder.basePath;
        this.enterpriseVersion = builder.enterpriseVersion;
        this.directory = Files.createTempDirectory("fake-github");
        Views views = new Views(this);
        this.api = new Api(this);
        new RepoRoutes(this, views).register(api);
        new GitDataRoutes(this, views).register(api);
        new StatusRoutes(this, views).register(api);
        this.pullRoutes = new PullRoutes(this, views);
        pullRoutes.register(api);
        this.git = new GitSmartHttp(this);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-github");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a fake shaped like github.com: the API at the root of {@link #apiUrl()}. */
    public static FakeGitHub start() {
        return builder().start();
    }

    /** Options: base path (GitHub Enterprise Server) and clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FakeGitHub}. */
    public static final class Builder {
        private String basePath = "";
        private Optional<String> enterpriseVersion = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Serves the API like GitHub Enterprise Server: under {@code /api/v3}, with its version header. */
        public Builder enterprise(String version) {
            this.basePath = "/api/v3";
            this.enterpriseVersion = Optional.of(version);
            return this;
        }

        /** Serves the API under {@code path} (for example {@code /api/v3}). */
        public Builder basePath(String path) {
            if (!path.isEmpty() && (!path.startsWith("/") || path.endsWith("/"))) {
                throw new IllegalArgumentException("base path must start and not end with '/': " + path);
            }
            this.basePath = path;
            return this;
        }

        /** The clock for timestamps of commits, pull requests and comments. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Binds an ephemeral port on 127.0.0.1 and starts serving. */
        public FakeGitHub start() {
            try {
                return new FakeGitHub(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- addresses ----

    /** The web root, {@code http://127.0.0.1:<port>}; {@code html_url}s and git remotes live here. */
    public String webUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The REST API root to pass to {@code GitHubBuilder.withEndpoint}, without a trailing slash. */
    public String apiUrl() {
        return webUrl() + basePath;
    }

    /** The smart-HTTP clone URL of a repository. */
    public String gitUrl(String owner, String repo) {
        return webUrl() + "/" + owner + "/" + repo + ".git";
    }

    Optional<String> enterpriseVersion() {
        return enterpriseVersion;
    }

    // ---- accounts and tokens ----

    /** Adds a person; e-mail {@code <id>+<login>@users.noreply.github.com}. */
    public FakeUser addUser(String login) {
        synchronized (lock) {
            long id = nextId();
            return addUser(new FakeUser(login, id, login, id + "+" + login + "@users.noreply.github.com", "User"));
        }
    }

    /** Adds a person with the given name and e-mail (commits with that e-mail are attributed to them). */
    public FakeUser addUser(String login, String name, String email) {
        synchronized (lock) {
            return addUser(new FakeUser(login, nextId(), name, email, "User"));
        }
    }

    /** Adds a bot account such as {@code relock[bot]}. */
    public FakeUser addBot(String login) {
        synchronized (lock) {
            long id = nextId();
            return addUser(new FakeUser(login, id, login, id + "+" + login + "@users.noreply.github.com", "Bot"));
        }
    }

    private FakeUser addUser(FakeUser user) {
        if (users.containsKey(user.login())) {
            throw new IllegalArgumentException("account exists: " + user.login());
        }
        users.put(user.login(), user);
        return user;
    }

    /** An account by login (case-insensitive). */
    public Optional<FakeUser> user(String login) {
        synchronized (lock) {
            return Optional.ofNullable(users.get(login));
        }
    }

    Optional<FakeUser> userByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    /**
     * Registers a token acting as {@code login} with permissions such as {@code contents:write},
     * {@code pull_requests:write} (or {@code pull-requests:write}), {@code issues:write}; write
     * implies read, metadata is always readable.
     */
    public void addToken(String token, String login, String... permissions) {
        synchronized (lock) {
            FakeUser user = user(login).orElseThrow(() -> new IllegalArgumentException("no account " + login));
            tokens.put(token, TokenGrant.parse(user, permissions));
        }
    }

    // ---- repositories ----

    /** Creates a public repository with default branch {@code main} and an initial README commit. */
    public FakeRepository createRepository(String owner, String name) {
        return createRepository(owner, name, "main", false);
    }

    /**
     * Creates a repository whose default branch holds one commit adding {@code README.md}, authored
     * by the owner. An unknown owner becomes an organisation.
     */
    public FakeRepository createRepository(String owner, String name, String defaultBranch, boolean isPrivate) {
        synchronized (lock) {
            String key = owner + "/" + name;
            if (repositories.containsKey(key)) {
                throw new IllegalArgumentException("repository exists: " + key);
            }
            FakeUser account = user(owner).orElseGet(() -> addUser(new FakeUser(owner, nextId(), owner,
                    owner + "@example.invalid", "Organization")));
            Path dir = directory.resolve(owner).resolve(name + ".git");
            Repository bare;
            try (Git created = Git.init().setBare(true).setDirectory(dir.toFile())
                    .setInitialBranch(defaultBranch).call()) {
                bare = created.getRepository();
                bare.incrementOpen();
            } catch (GitAPIException e) {
                throw new IllegalStateException("cannot create bare repository " + dir, e);
            }
            FakeRepository repo = new FakeRepository(this, nextId(), account, name, defaultBranch, isPrivate, bare,
                    clock.instant());
            repositories.put(key, repo);
            repo.commit(defaultBranch, account, "Initial commit", Map.of("README.md", "# " + name + "\n"));
            return repo;
        }
    }

    /** A repository created earlier. */
    public FakeRepository repository(String owner, String name) {
        return findRepository(owner, name)
                .orElseThrow(() -> new IllegalArgumentException("no repository " + owner + "/" + name));
    }

    Optional<FakeRepository> findRepository(String owner, String name) {
        synchronized (lock) {
            return Optional.ofNullable(repositories.get(owner + "/" + name));
        }
    }

    long nextId() {
        return nextId++;
    }

    // ---- test controls ----

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Requests with this method and exact API-relative path, for example {@code ("POST", "/repos/o/r/pulls")}. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Forgets recorded requests. */
    public void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    /** Answers the next {@link Fault#times()} matching requests with the fault instead. */
    public void inject(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
            faultCounts.add(new int[] {fault.times()});
        }
    }

    /**
     * From now on leaves {@code fields} out of the JSON answers (an object, or each object of an
     * array) to requests with this method whose API-relative path fully matches {@code pathRegex},
     * as an older GitHub Enterprise Server or a filtering proxy might.
     */
    public void dropFields(String method, String pathRegex, String... fields) {
        synchronized (lock) {
            fieldDrops.add(new FieldDrop(method, Pattern.compile(pathRegex), List.of(fields)));
        }
    }

    private record FieldDrop(String method, Pattern path, List<String> fields) {
        boolean matches(String requestMethod, String requestPath) {
            return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private Optional<JsonNode> withoutDroppedFields(String method, String path, Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return body;
        }
        JsonNode node = body.get();
        for (FieldDrop drop : fieldDrops) {
            if (drop.matches(method, path)) {
                node = node.deepCopy();
                List<JsonNode> objects = node.isArray() ? Stream.of(node).flatMap(a -> {
                    List<JsonNode> items = new ArrayList<>();
                    a.forEach(items::add);
                    return items.stream();
                }).toList() : List.of(node);
                for (JsonNode object : objects) {
                    if (object instanceof ObjectNode o) {
                        o.remove(drop.fields());
                    }
                }
            }
        }
        return Optional.of(node);
    }

    /**
     * On the next {@code POST /repos/{owner}/{repo}/pulls}, first opens a competing pull request as
     * {@code competitor} for the same head and base, so the call fails with 422 "A pull request
     * already exists", as when two bot runs race.
     */
    public void raceNextPullRequest(String owner, String repo, String competitor) {
        synchronized (lock) {
            repository(owner, repo);
            races.put(owner + "/" + repo,
                    user(competitor).orElseThrow(() -> new IllegalArgumentException("no account " + competitor)));
        }
    }

    void runRace(FakeRepository repo, String headRef, String baseRef) {
        FakeUser competitor = races.remove(repo.fullName());
        if (competitor != null && repo.refTarget("refs/heads/" + headRef).isPresent()) {
            pullRoutes.open(repo, competitor, headRef, baseRef, "Competing pull request", "", false, true);
        }
    }

    // ---- serving ----

    private void serve(HttpExchange exchange) {
        try (exchange) {
            synchronized (lock) {
                try {
                    dispatch(exchange);
                } catch (RuntimeException e) {
                    // a bug in the fake: answer 500 (if nothing was sent yet) naming it, so the test fails loudly
                    error(exchange, ApiError.of(500, "FakeGitHub failed: " + e, ApiError.DOCS));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the response had already started; nothing more to tell it
            exchange.getResponseHeaders().clear();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Matcher gitPath = GIT_PATH.matcher(fullPath);
        boolean isGit = gitPath.matches();
        String path = isGit ? fullPath : apiPath(fullPath).orElse(fullPath);
        record(exchange, method, path, query, isGit ? new byte[0] : body);
        Optional<Fault> fault = takeFault(method, path);
        if (fault.isPresent()) {
            Fault f = fault.get();
            f.headers().forEach(exchange.getResponseHeaders()::set);
            json(exchange, f.status(), Optional.of(f.body()), f.headers().containsKey("x-ratelimit-remaining"));
            return;
        }
        Optional<TokenGrant> token;
        try {
            token = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (ApiError e) {
            if (isGit) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitHub\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                error(exchange, e);
            }
            return;
        }
        if (isGit) {
            git.handle(exchange, gitPath.group(1), gitPath.group(2), gitPath.group(3), token, body);
            return;
        }
        if (apiPath(fullPath).isEmpty()) {
            error(exchange, ApiError.notFound(ApiError.DOCS));
            return;
        }
        try {
            ApiResponse response = api.handle(method, path, query, body, token);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            json(exchange, response.status(), withoutDroppedFields(method, path, response.body()).map(Json::write),
                    false);
        } catch (ApiError e) {
            error(exchange, e);
        }
    }

    private Optional<String> apiPath(String fullPath) {
        if (basePath.isEmpty()) {
            return Optional.of(fullPath);
        }
        if (fullPath.equals(basePath) || fullPath.equals(basePath + "/")) {
            return Optional.of("/");
        }
        return fullPath.startsWith(basePath + "/") ? Optional.of(fullPath.substring(basePath.length()))
                : Optional.empty();
    }

    private Optional<TokenGrant> authenticate(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String credential = parts.length > 1 ? parts[1] : "";
        String token = switch (scheme) {
            case "token", "bearer" -> credential;
            case "basic" -> {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ApiError.badCredentials();
                }
                yield decoded.substring(decoded.indexOf(':') + 1);
            }
            default -> throw ApiError.badCredentials();
        };
        return Optional.of(Optional.ofNullable(tokens.get(token)).orElseThrow(ApiError::badCredentials));
    }

    private Optional<Fault> takeFault(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).matches(method, path)) {
                Fault fault = faults.get(i);
                if (--faultCounts.get(i)[0] == 0) {
                    faults.remove(i);
                    faultCounts.remove(i);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private void record(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("authorization")) {
                headers.put(lower, List.copyOf(values));
            }
        });
        requests.add(new RecordedRequest(method, path, query, headers, new String(body, StandardCharsets.UTF_8)));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private void error(HttpExchange exchange, ApiError e) throws IOException {
        e.headers.forEach(exchange.getResponseHeaders()::set);
        json(exchange, e.status, Optional.of(Json.write(e.body)), false);
    }

    private void json(HttpExchange exchange, int status, Optional<String> body, boolean keepRateHeaders)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("X-GitHub-Media-Type", "github.v3; format=json");
        headers.set("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.set("X-GitHub-Request-Id", "FAKE:" + Long.toHexString(requests.size()));
        enterpriseVersion.ifPresent(v -> headers.set("X-GitHub-Enterprise-Version", v));
        if (!keepRateHeaders) {
            headers.set("X-RateLimit-Limit", "5000");
            headers.set("X-RateLimit-Remaining", "4999");
            headers.set("X-RateLimit-Used", "1");
            headers.set("X-RateLimit-Reset", Long.toString(clock.instant().getEpochSecond() + 3600));
            headers.set("X-RateLimit-Resource", "core");
        }
        if (body.isEmpty() || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the server, closes the repositories and deletes their directory. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        synchronized (lock) {
            repositories.values().forEach(r -> r.git().close());
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
