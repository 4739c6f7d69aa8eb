package dev.relock.index;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client for a JSON web service beside the package indexes (the OSV vulnerability database):
 * the process's base HTTP client, the same {@link RetryPolicy} and {@link TimeLimits} as the
 * index client, and no index credentials (nothing from netrc or {@code RELOCK_INDEX_*} is sent).
 *
 * <p>Retryable failures (5xx, 429, resets, timeouts) are retried; when the attempts are used up
 * the failure is a {@link dev.relock.common.RelockException} of kind NETWORK with a one-line,
 * credential-free message. Any other status comes back as a {@link Reply} for the caller to judge.
 */
public final class ServiceClient {
    private static final MediaType JSON = MediaType.get("application/json");
    /** How many requests a caller should keep in flight at most (a web service is not a CDN). */
    public static final int PARALLELISM = 8;

    /** A response: its status and its whole body. */
    public record Reply(int status, byte[] body) {
        public Reply {
            Objects.requireNonNull(body, "body");
        }

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpTransport transport;
    private final String userAgent;

    private ServiceClient(HttpTransport transport, String userAgent) {
        this.transport = transport;
        this.userAgent = userAgent;
    }

    /**
     * A client with the given limits and retries.
     *
     * @param userAgent sent as {@code User-Agent}
     */
    public static ServiceClient create(TimeLimits limits, RetryPolicy policy, String userAgent) {
        Duration timeout = limits.request().compareTo(Duration.ofSeconds(30)) < 0 ? limits.request()
                : Duration.ofSeconds(30);
        // Built on the first request: a run answered from the cache never builds OkHttp's machinery.
        Supplier<OkHttpClient> http = new Supplier<>() {
            private OkHttpClient client;

            @Override
            public synchronized OkHttpClient get() {
                if (client == null) {
                    client = HttpClients.base().newBuilder()
                            .connectTimeout(timeout)
                            .readTimeout(timeout)
                            .writeTimeout(timeout)
                            .followRedirects(true)
                            .build();
                }
                return client;
            }
        };
        IndexSources none = IndexSources.builder().noIndex(true).build();
        return new ServiceClient(new HttpTransport(url -> http.get(), policy, none, IndexLog.silent(), limits, PARALLELISM),
                userAgent);
    }

    /** {@code GET url} accepting JSON. */
    public Reply get(URI url, String what) {
        Request request = new Request.Builder().url(url.toString()).get()
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        return transport.execute(request, what, response -> new Reply(response.code(), Bodies.bytes(response)));
    }

    /** {@code POST url} with a JSON body. */
    public Reply postJson(URI url, byte[] json, String what) {
        Request request = new Request.Builder().url(url.toString()).post(RequestBody.create(json, JSON))
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        return transport.execute(request, what, response -> new Reply(response.code(), Bodies.bytes(response)));
    }

    /** Requests sent so far, retries included (for tests of the cache). */
    public long requestCount() {
        return transport.requestCount();
    }
}
