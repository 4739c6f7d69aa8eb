package dev.relock.index;

import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * relock's client for package indexes: project pages, core metadata and downloads, over one
 * shared HTTP client and cache.
 *
 * <p>Every operation runs on a bounded pool of {@code parallelism} workers, so a resolver may ask
 * for hundreds of projects at once ({@link #projectAsync}, {@link #metadataAsync}) and the
 * client keeps at most {@code parallelism} requests in flight. Results are memoized for the
 * client's lifetime; asking twice for the same page or metadata sends one request.
 *
 * <p>All failures are {@link RelockException}s: NETWORK for the network, the index and offline
 * misses, {@link MetadataUnavailableException} for sdists that need a build. Messages name the
 * project or file and a redacted URL, never credentials.
 */
public final class IndexClient implements AutoCloseable {
    private final ExecutorService workers;
    private final HttpSettings httpSettings;
    private final CpuGate cpu;
    /**
     * Created on the first https:// request, from {@link HttpClients#base()}: a run answered from
     * the cache never builds OkHttp's machinery, and one that only speaks http:// never sets up TLS.
     */
    private volatile OkHttpClient http;
    /** Created on the first http:// request, from {@link HttpClients#cleartext()}. */
    private volatile OkHttpClient cleartextHttp;
    private final HttpTransport transport;
    private final PageFetcher pages;
    private final MetadataFetcher metadata;
    private final FileFetcher files;
    private final int parallelism;
    private final IndexSources sources;
    private volatile boolean closed;
    private final Map<PackageName, CompletableFuture<ProjectPage>> pageMemo = new ConcurrentHashMap<>();
    private final Map<URI, CompletableFuture<CoreMetadata>> metadataMemo = new ConcurrentHashMap<>();

    private IndexClient(Builder b) {
        this.parallelism = b.parallelism;
        this.sources = b.sources;
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "relock-index-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(parallelism, threads);
        TimeLimits limits = b.timeLimits.orElseGet(TimeLimits::defaults);
        Duration readTimeout = b.readTimeout.compareTo(limits.request()) < 0 ? b.readTimeout : limits.request();
        Duration connectTimeout = b.connectTimeout.compareTo(limits.request()) < 0 ? b.connectTimeout : limits.request();
        this.httpSettings = new HttpSettings(b.parallelism, connectTimeout, readTimeout, b.userAgent);
        // Once the client is closed (the command failed or finished), workers still winding down
        // report nothing: their interrupted requests would otherwise print after the real error.
        IndexLog log = new IndexLog() {
            @Override
            public void debug(String message) {
                if (!closed) {
                    b.log.debug(message);
                }
            }

            @Override
            public void warn(String message) {
                if (!closed && !Thread.currentThread().isInterrupted()) {
                    b.log.warn(message);
                }
            }
        };
        this.transport = new HttpTransport(this::http, b.retryPolicy, b.sources, log, limits, b.parallelism);

        this.cpu = CpuGate.perProcessor();
        ClientContext ctx = new ClientContext(transport, b.cache, b.offline, log, b.clock, cpu);
        this.pages = new PageFetcher(ctx, b.sources);
        this.files = new FileFetcher(ctx);
        this.metadata = new MetadataFetcher(ctx, files);
        if (b.expectsNetwork && !b.offline && speaksTls(b.sources)) {
            // an https:// index will be asked first thing: its TLS set-up overlaps the run's own
            HttpClients.prepareInBackground(true);
        }
    }

    private static boolean speaksTls(IndexSources sources) {
        return java.util.stream.Stream.concat(sources.indexes().stream(), sources.findLinks().stream())
                .anyMatch(source -> "https".equalsIgnoreCase(source.url().getScheme()));
    }

    /**
     * Starts building the HTTP machinery (OkHttp's classes and a plain-HTTP client) on a background
     * thread. A command that will probably use the network calls this first thing, so the work
     * overlaps its own single-threaded start-up instead of delaying the first request; the TLS
     * part waits for a client whose sources speak https:// ({@link Builder#expectsNetwork}). Optional:
     * without it, the first request builds the same thing.
     */
    public static void prepareNetwork() {
        HttpClients.prepareInBackground(false);
    }

    /** A builder for a client over {@code sources}. */
    public static Builder builder(IndexSources sources) {
        return new Builder(sources);
    }

    /** All files of {@code name} (first index that knows it, plus find-links), fetched in the background. */
    public CompletableFuture<ProjectPage> projectAsync(PackageName name) {
        return memoized(pageMemo, name, () -> pages.project(name));
    }

    /**
     * The versions of {@code name} on the indexes that "first index wins" skipped for it (those
     * after the first index that lists it), newest first; sends requests, for error messages only.
     */
    public Map<IndexSource, java.util.List<dev.relock.pep440.Version>> shadowedVersions(PackageName name) {
        return pages.shadowed(name);
    }

    /** True when there is at most one index, so no index can be skipped. */
    public boolean shadowedVersionsUnneeded() {
        return sources.indexes().size() < 2;
    }

    /** Blocking {@link #projectAsync}. */
    public ProjectPage project(PackageName name) {
        return join(projectAsync(name));
    }

    /**
     * The core metadata of {@code file}, fetched in the background: PEP 658 first, then a range
     * read of the wheel, then a full download. Prefer a wheel ({@link ProjectPage#metadataSource}):
     * an sdist's PKG-INFO is used only when it is static (Metadata-Version 2.2+, dependencies not
     * Dynamic), otherwise this fails with {@link MetadataUnavailableException}.
     */
    public CompletableFuture<CoreMetadata> metadataAsync(DistFile file) {
        return memoized(metadataMemo, file.url(), () -> {
            CoreMetadata parsed = metadata.metadata(file);
            if (!file.isWheel() && !parsed.dependenciesAreStatic()) {
                throw sdistNeedsBuild(file, parsed);
            }
            return parsed;
        });
    }

    /**
     * PKG-INFO is only trustworthy from Metadata-Version 2.2 on (PEP 643) and only if neither
     * Requires-Dist nor Requires-Python is Dynamic; older sdists routinely omit what a build adds.
     */
    private static MetadataUnavailableException sdistNeedsBuild(DistFile file, CoreMetadata parsed) {
        String why = parsed.dynamic().contains("requires-dist") || parsed.dynamic().contains("requires-python")
                ? "its PKG-INFO marks its dependencies as Dynamic"
                : "its PKG-INFO has Metadata-Version " + parsed.metadataVersion() + " (older than 2.2)";
        return new MetadataUnavailableException(file.filename() + ": " + why + ", so the package needs a build to"
                + " learn its dependencies, which relock does not do; use a release that has a wheel");
    }

    /** Blocking {@link #metadataAsync}. */
    public CoreMetadata metadata(DistFile file) {
        return join(metadataAsync(file));
    }

    /** Downloads {@code file} to {@code dest}, verified against the index's hash, in the background. */
    public CompletableFuture<Path> downloadAsync(DistFile file, Path dest) {
        return CompletableFuture.supplyAsync(() -> {
            files.download(file, dest);
            return dest;
        }, workers);
    }

    /**
     * Downloads {@code file} to {@code dest}: streamed to a temporary file, verified against the
     * index's hash, then moved into place atomically, so {@code dest} never holds a partial file.
     */
    public void download(DistFile file, Path dest) {
        join(downloadAsync(file, dest));
    }

    /** The maximum number of requests in flight. */
    public int parallelism() {
        return parallelism;
    }

    /** HTTP requests sent so far, retries included. */
    public long requestCount() {
        return transport.requestCount();
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        List<OkHttpClient> clients;
        synchronized (this) {
            clients = java.util.stream.Stream.of(http, cleartextHttp).filter(Objects::nonNull).toList();
        }
        for (OkHttpClient client : clients) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Whether this client has built its TLS-capable HTTP client (an https:// request, or a redirect). */
    boolean usesTls() {
        return http != null;
    }

    /** The client for a request to {@code url}: one without TLS for http://, built on first use. */
    private OkHttpClient http(HttpUrl url) {
        return url.isHttps() ? tlsHttp() : cleartextHttp();
    }

    private OkHttpClient tlsHttp() {
        OkHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = newHttpClient(HttpClients.base(), httpSettings).build();
                    http = client;
                }
            }
        }
        return client;
    }

    /**
     * The http:// client. It follows no redirect itself: a redirect may lead to https://, which it
     * cannot speak, so the request is sent again through the TLS client, which follows it.
     */
    private OkHttpClient cleartextHttp() {
        OkHttpClient client = cleartextHttp;
        if (client == null) {
            synchronized (this) {
                client = cleartextHttp;
                if (client == null) {
                    client = newHttpClient(HttpClients.cleartext(), httpSettings)
                            .followRedirects(false)
                            .addInterceptor(chain -> {
                                Response response = chain.proceed(chain.request());
                                if (!response.isRedirect()) {
                                    return response;
                                }
                                response.close();
                                return tlsHttp().newCall(chain.request()).execute();
                            })
                            .build();
                    cleartextHttp = client;
                }
            }
        }
        return client;
    }

    /** What the HTTP client is built from, copied out of the builder. */
    private record HttpSettings(int parallelism, Duration connectTimeout, Duration readTimeout, String userAgent) {}

    private static OkHttpClient.Builder newHttpClient(OkHttpClient base, HttpSettings b) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(b.parallelism());
        dispatcher.setMaxRequestsPerHost(b.parallelism());
        return base.newBuilder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(b.parallelism(), 5, TimeUnit.MINUTES))
                .connectTimeout(b.connectTimeout())
                .readTimeout(b.readTimeout())
                .writeTimeout(b.readTimeout())
                // A stale pooled connection (HTTP/1.0 servers such as python -m http.server close after every
                // response) is retried on a fresh one; every request relock sends is an idempotent GET.
                .retryOnConnectionFailure(true)
                .followRedirects(true)
                .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", b.userAgent()).build()));
    }

    private <K, V> CompletableFuture<V> memoized(Map<K, CompletableFuture<V>> memo, K key, Supplier<V> work) {
        CompletableFuture<V> existing = memo.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<V> created = new CompletableFuture<>();
        existing = memo.putIfAbsent(key, created);
        if (existing != null) {
            return existing;
        }
        workers.execute(() -> {
            try {
                created.complete(work.get());
            } catch (Throwable e) {
                // Everything ends in the future, never in the thread's uncaught-exception handler
                // (which would print "Exception in thread relock-index-N" after the real error).
                memo.remove(key, created);
                created.completeExceptionally(e instanceof InterruptedException
                        ? new RelockException(RelockException.Kind.NETWORK, "interrupted") : e);
            }
        });
        return created;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Options of an {@link IndexClient}; every one has a sensible default. */
    public static final class Builder {
        private final IndexSources sources;
        private Cache cache = Cache.disabled();
        private boolean offline;
        private int parallelism = 32;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(30);
        private java.util.Optional<TimeLimits> timeLimits = java.util.Optional.empty();
        private IndexLog log = IndexLog.silent();
        private Clock clock = Clock.systemUTC();
        private String userAgent = "relock";
        private boolean expectsNetwork;

        private Builder(IndexSources sources) {
            this.sources = Objects.requireNonNull(sources, "sources");
        }

        /** The cache to use (default: {@link Cache#disabled()}). */
        public Builder cache(Cache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * The run will probably send requests (nothing cached to answer from): an https:// source's
         * TLS set-up then starts on a background thread as the client is built (default: no).
         */
        public Builder expectsNetwork(boolean expectsNetwork) {
            this.expectsNetwork = expectsNetwork;
            return this;
        }

        /** Answer only from the cache; a miss is a NETWORK error naming what was missing. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Requests in flight at most (default 32: on a 20 ms index a 300-pin verify is bound by round trips, not CPU). */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Connect timeout (default 15 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long one request and the whole run may take (default {@link TimeLimits#defaults()},
         * from when the client is built).
         */
        public Builder timeLimits(TimeLimits limits) {
            this.timeLimits = java.util.Optional.of(limits);
            return this;
        }

        /**
         * Read/write timeout between bytes (default 30 s, at most the request deadline): a silent
         * server gets a second attempt within the default 60 s deadline, not four minutes.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder log(IndexLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** The clock deciding cache freshness (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public IndexClient build() {
            return new IndexClient(this);
        }
    }
}
