package dev.relock.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relock.cache.Cache;
import dev.relock.cache.CacheBucket;
import dev.relock.cache.CacheEntry;
import dev.relock.cache.CacheMeta;
import dev.relock.cache.Freshness;
import dev.relock.common.RelockException;
import dev.relock.index.ServiceClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The OSV API ({@code https://api.osv.dev} or a compatible server): {@code POST /v1/querybatch}
 * names the advisories of each pin, {@code GET /v1/vulns/{id}} gives each one's record.
 *
 * <p>Caching (bucket {@code osv-v1} of the relock cache), documented in the README:
 * <ul>
 *   <li>the advisory ids of a pin are reused for {@link #QUERY_MAX_AGE} (1 hour);</li>
 *   <li>an advisory's record is reused while the querybatch answer names the same
 *       {@code modified} time as the cached record, else for {@link #DETAILS_MAX_AGE} (24 hours)
 *       when the answer gives none;</li>
 *   <li>offline, any cached answer is used whatever its age, and a pin or record missing from the
 *       cache fails the run (NETWORK, exit 4) rather than pass unchecked.</li>
 * </ul>
 * An unreachable service (refused, timed out, 5xx after the retries) is a NETWORK failure, exit 4.
 */
public final class OsvApiSource implements AdvisorySource {
    /** The public OSV API. */
    public static final URI DEFAULT_BASE = URI.create("https://api.osv.dev");
    /** The environment variable naming another OSV-compatible server. */
    public static final String ENV = "RELOCK_OSV_URL";
    /** How long the advisory ids of a pin are reused without asking. */
    public static final Duration QUERY_MAX_AGE = Duration.ofHours(1);
    /** How long an advisory record is reused when the querybatch answer gives no modified time. */
    public static final Duration DETAILS_MAX_AGE = Duration.ofHours(24);
    /** OSV's limit of queries per querybatch request. */
    static final int BATCH = 1000;

    private final URI base;
    private final ServiceClient http;
    private final Cache cache;
    private final boolean offline;
    private final Clock clock;

    /** The advisory ids of each pin asked about in this run. */
    private final Map<Pin, List<Ref>> refs = new ConcurrentHashMap<>();
    /** The records read in this run, by id; empty for an id the server no longer knows. */
    private final Map<String, Optional<Advisory>> details = new ConcurrentHashMap<>();

    /** An advisory id as querybatch names it. */
    private record Ref(String id, Optional<Instant> modified) {}

    /**
     * @param base the server, e.g. {@link #DEFAULT_BASE} (see {@link #base})
     * @param offline answer from the cache only
     */
    public OsvApiSource(URI base, ServiceClient http, Cache cache, boolean offline, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.http = Objects.requireNonNull(http, "http");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.offline = offline;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The server to ask: {@code option} ({@code --osv-url}), else {@code $RELOCK_OSV_URL}, else
     * {@link #DEFAULT_BASE}; without a trailing slash.
     *
     * @throws RelockException BAD_INPUT when the URL is not http(s)
     */
    public static URI base(Optional<String> option, Map<String, String> env) {
        String given = option.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()))
                .orElse(DEFAULT_BASE.toString()).strip();
        String where = option.filter(s -> !s.isBlank()).isPresent() ? "--osv-url" : ENV;
        try {
            URI uri = new URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                throw new URISyntaxException(given, "must be an http(s) URL without credentials or query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    where + ": '" + given + "' must be an http(s) URL such as " + DEFAULT_BASE);
        }
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public synchronized Map<Pin, List<Advisory>> query(Collection<Pin> pins) {
        Instant now = clock.instant();
        Map<Pin, List<Ref>> refs = this.refs;
        List<Pin> ask = new ArrayList<>();
        for (Pin pin : new LinkedHashSet<>(pins)) {
            if (refs.containsKey(pin)) {
                continue;
            }
            Optional<List<Ref>> cached = cache.read(CacheBucket.OSV, queryKey(pin))
                    .filter(e -> offline || e.freshness(now) == Freshness.FRESH)
                    .flatMap(e -> refs(e.body()));
            if (cached.isPresent()) {
                refs.put(pin, cached.get());
            } else {
                ask.add(pin);
            }
        }
        if (offline && !ask.isEmpty()) {
            throw new AdvisoryException(RelockException.Kind.NETWORK, "--offline: the cache holds no OSV answer for "
                    + ask.get(0) + (ask.size() > 1 ? " and " + (ask.size() - 1) + " more pins" : "")
                    + "; run 'relock verify --audit' online once, or give an offline database with --osv-db");
        }
        for (int from = 0; from < ask.size(); from += BATCH) {
            List<Pin> batch = ask.subList(from, Math.min(ask.size(), from + BATCH));
            List<List<Ref>> answers = queryBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                refs.put(batch.get(i), answers.get(i));
                cache.write(CacheBucket.OSV, queryKey(batch.get(i)), meta(now, QUERY_MAX_AGE),
                        refsJson(answers.get(i)));
            }
        }
        Map<String, Ref> missing = new LinkedHashMap<>();
        for (Pin pin : pins) {
            refs.getOrDefault(pin, List.of()).stream().filter(r -> !details.containsKey(r.id()))
                    .forEach(r -> missing.putIfAbsent(r.id(), r));
        }
        fetchDetails(List.copyOf(missing.values()), now);
        Map<Pin, List<Advisory>> result = new LinkedHashMap<>();
        for (Pin pin : pins) {
            List<Advisory> found = new ArrayList<>();
            for (Ref ref : refs.getOrDefault(pin, List.of())) {
                details.get(ref.id()).filter(a -> !a.isWithdrawn()).ifPresent(found::add);
            }
            found.sort(Comparator.comparing(Advisory::id));
            result.put(pin, List.copyOf(found));
        }
        return result;
    }

    /** Reads or fetches the records of {@code wanted} into {@link #details}, up to {@link ServiceClient#PARALLELISM} at a time. */
    private void fetchDetails(List<Ref> wanted, Instant now) {
        if (wanted.size() <= 1) {
            wanted.forEach(r -> details.put(r.id(), fetchRecord(r, now)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ServiceClient.PARALLELISM, wanted.size()), r -> {
            Thread t = new Thread(r, "relock-osv");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> futures = wanted.stream().map(r -> CompletableFuture.runAsync(
                    () -> details.put(r.id(), fetchRecord(r, now)), pool)).toList();
            for (CompletableFuture<Void> f : futures) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ids for each pin of {@code batch}, in order, following {@code next_page_token}s. */
    private List<List<Ref>> queryBatch(List<Pin> batch) {
        ObjectNode request = OsvRecords.MAPPER.createObjectNode();
        ArrayNode queries = request.putArray("queries");
        batch.forEach(pin -> queries.add(query(pin, Optional.empty())));
        JsonNode results = post(request, batch.size()).path("results");
        if (!results.isArray() || results.size() != batch.size()) {
            throw unusable("querybatch answered " + (results.isArray() ? results.size() : "no") + " results for "
                    + batch.size() + " queries");
        }
        List<List<Ref>> answers = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<Ref> found = new ArrayList<>();
            JsonNode result = results.get(i);
            for (int page = 0; ; page++) {
                for (JsonNode vuln : result.path("vulns")) {
                    if (vuln.path("id").isTextual()) {
                        found.add(new Ref(vuln.get("id").asText(), OsvRecords.instant(vuln.path("modified"))));
                    }
                }
                String token = result.path("next_page_token").asText("");
                if (token.isEmpty() || page > 100) {
                    break;
                }
                ObjectNode next = OsvRecords.MAPPER.createObjectNode();
                next.putArray("queries").add(query(batch.get(i), Optional.of(token)));
                result = post(next, 1).path("results").path(0);
            }
            answers.add(List.copyOf(found));
        }
        return answers;
    }

    private static ObjectNode query(Pin pin, Optional<String> pageToken) {
        ObjectNode q = OsvRecords.MAPPER.createObjectNode();
        ObjectNode pkg = q.putObject("package");
        pkg.put("name", pin.name().value());
        pkg.put("ecosystem", OsvRecords.ECOSYSTEM);
        q.put("version", pin.version().toString());
        pageToken.ifPresent(t -> q.put("page_token", t));
        return q;
    }

    private JsonNode post(ObjectNode request, int queries) {
        byte[] body;
        try {
            body = OsvRecords.MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        ServiceClient.Reply reply = send(() -> http.postJson(URI.create(base + "/v1/querybatch"), body,
                "OSV querybatch (" + queries + (queries == 1 ? " pin)" : " pins)")));
        if (!reply.ok()) {
            throw unusable("querybatch answered HTTP " + reply.status());
        }
        try {
            return OsvRecords.MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw unusable("querybatch answered something that is not JSON");
        }
    }

    /** An advisory's record from the cache when still current, else from the server; empty if the server no longer has it. */
    private Optional<Advisory> fetchRecord(Ref ref, Instant now) {
        String key = vulnKey(ref.id());
        Optional<CacheEntry> entry = cache.read(CacheBucket.OSV, key);
        Optional<Advisory> cached = entry.flatMap(e -> parsed(e.body()));
        if (cached.isPresent()) {
            boolean current = offline
                    || (ref.modified().isPresent() ? ref.modified().equals(cached.get().modified())
                            : entry.get().freshness(now) == Freshness.FRESH);
            if (current) {
                return cached;
            }
        }
        if (offline) {
            throw new AdvisoryException(RelockException.Kind.NETWORK, "--offline: the cache holds no OSV record of "
                    + ref.id() + "; run 'relock verify --audit' online once, or give an offline database with --osv-db");
        }
        ServiceClient.Reply reply = send(() -> http.get(URI.create(base + "/v1/vulns/" + encode(ref.id())),
                "OSV advisory " + ref.id()));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw unusable("vulns/" + ref.id() + " answered HTTP " + reply.status());
        }
        Advisory advisory;
        try {
            advisory = OsvRecords.parse(reply.body());
        } catch (IllegalArgumentException e) {
            throw unusable("vulns/" + ref.id() + " answered " + e.getMessage());
        }
        cache.write(CacheBucket.OSV, key, meta(now, DETAILS_MAX_AGE), reply.body());
        return Optional.of(advisory);
    }

    private ServiceClient.Reply send(java.util.function.Supplier<ServiceClient.Reply> exchange) {
        try {
            return exchange.get();
        } catch (AdvisoryException e) {
            throw e;
        } catch (RelockException e) {
            throw new AdvisoryException(e.kind(), e.getMessage()
                    + " (the OSV service: --osv-url or " + ENV + "; --osv-db PATH audits offline)", e);
        }
    }

    private AdvisoryException unusable(String what) {
        return new AdvisoryException(RelockException.Kind.NETWORK, "OSV service " + base + ": " + what);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String queryKey(Pin pin) {
        return "query " + base + " " + pin.name().value() + "==" + pin.version();
    }

    private String vulnKey(String id) {
        return "vuln " + base + " " + id;
    }

    private static CacheMeta meta(Instant now, Duration maxAge) {
        return new CacheMeta(Optional.empty(), Optional.empty(), now, Optional.of(maxAge), false,
                Optional.of("application/json"));
    }

    private static byte[] refsJson(List<Ref> refs) {
        ArrayNode array = OsvRecords.MAPPER.createArrayNode();
        for (Ref r : refs) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            r.modified().ifPresent(m -> o.put("modified", m.toString()));
        }
        try {
            return OsvRecords.MAPPER.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Optional<List<Ref>> refs(byte[] json) {
        try {
            JsonNode array = OsvRecords.MAPPER.readTree(json);
            if (!array.isArray()) {
                return Optional.empty();
            }
            List<Ref> refs = new ArrayList<>();
            for (JsonNode o : array) {
                refs.add(new Ref(o.path("id").asText(), OsvRecords.instant(o.path("modified"))));
            }
            return Optional.of(refs);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Advisory> parsed(byte[] json) {
        try {
            return Optional.of(OsvRecords.parse(json));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
