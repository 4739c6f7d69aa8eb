package dev.relock.index;

import dev.relock.common.RelockException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Executes requests with credentials and the retry policy. Retrying happens here, around both
 * the exchange and the reading of the body, because the failures worth retrying include bodies
 * that break off mid-way and files whose bytes do not match their hash; an OkHttp interceptor
 * only sees the headers.
 */
final class HttpTransport {
    /** Statuses that mean "try again later". */
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

    /** Reads a response; may throw {@link IOException} (retried) or {@link RelockException} (not). */
    interface Handler<T> {
        T handle(Response response) throws IOException;
    }

    /** A body that was not what the server promised; retried like a network error. */
    static final class BadBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        BadBodyException(String message) {
            super(message);
        }
    }

    /** Cancels calls that overrun their deadline; one daemon thread for the whole process. */
    private static final class Watchdog {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relock-http-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /** Which deadline cancelled a call, if any. */
    private enum Overrun { NONE, REQUEST, RUN }

    /**
     * One attempt's deadline: cancels the call when it passes. A response with a declared length
     * moves the request deadline out by the time that length takes at the slowest accepted rate.
     */
    private final class Deadline {
        private final Call call;
        private final long runEnd;
        private long requestEnd;
        private volatile Overrun fired = Overrun.NONE;
        private ScheduledFuture<?> timer;

        Deadline(Call call, long requestEnd) {
            this.call = call;
            this.requestEnd = requestEnd;
            this.runEnd = limits.runDeadlineNanos();
            arm();
        }

        private synchronized void arm() {
            if (timer != null) {
                timer.cancel(false);
            }
            long end = Math.min(requestEnd, runEnd);
            Overrun which = runEnd <= requestEnd ? Overrun.RUN : Overrun.REQUEST;
            timer = Watchdog.TIMER.schedule(() -> {
                fired = which;
                call.cancel();
            }, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        void allowBody(long declaredLength) {
            if (declaredLength > 0) {
                requestEnd += TimeUnit.SECONDS.toNanos(declaredLength / limits.minBytesPerSecond());
                arm();
            }
        }

        Overrun fired() {
            return fired;
        }

        synchronized void disarm() {
            timer.cancel(false);
        }
    }

    private final Function<HttpUrl, OkHttpClient> client;
    private final RetryPolicy policy;
    private final IndexSources sources;
    private final IndexLog log;
    private final TimeLimits limits;
    private final AtomicLong requests = new AtomicLong();
    /** Requests under way (sent, read or waiting to be retried), to tell whether a failure may come from concurrency. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final int parallelism;

    /**
     * @param client the HTTP client for a request's URL, asked for only when a request is sent (a
     *     warm run may send none)
     * @param parallelism the client's maximum of requests in flight (named in hints)
     */
    HttpTransport(Function<HttpUrl, OkHttpClient> client, RetryPolicy policy, IndexSources sources, IndexLog log,
            TimeLimits limits, int parallelism) {
        this.parallelism = parallelism;
        this.client = client;
        this.policy = policy;
        this.sources = sources;
        this.log = log;
        this.limits = limits;
    }

    /** Requests sent so far, retries included. */
    long requestCount() {
        return requests.get();
    }

    /**
     * Sends {@code request} (retrying per the policy) and lets {@code handler} read the response.
     * Retryable statuses never reach the handler unless the attempts are used up.
     *
     * @param what a short description for error messages, e.g. "index page for numpy"
     */
    <T> T execute(Request request, String what, Handler<T> handler) {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
            return attempts(request, what, handler);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private <T> T attempts(Request request, String what, Handler<T> handler) {
        URI uri = request.url().uri();
        String where = UrlRedaction.redact(uri.toString());
        Request authorized = authorize(request, uri);
        long requestEnd = System.nanoTime() + limits.request().toNanos();
        for (int attempt = 1; ; attempt++) {
            if (System.nanoTime() - limits.runDeadlineNanos() >= 0) {
                throw runOver(what, where);
            }
            boolean last = attempt >= policy.maxAttempts();
            Duration delay;
            String failure;
            requests.incrementAndGet();
            Call call = client.apply(authorized.url()).newCall(authorized);
            Deadline deadline = new Deadline(call, requestEnd);
            try (Response response = call.execute()) {
                int code = response.code();
                if (RETRYABLE.contains(code) && !last) {
                    delay = retryAfter(response).orElse(policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()));
                    failure = "HTTP " + code;
                } else if (RETRYABLE.contains(code)) {
                    throw new RelockException(RelockException.Kind.NETWORK, what + ": " + where
                            + " answered HTTP " + code + " " + response.message() + " after " + attempt + " attempts");
                } else if (code == 401 || code == 403) {
                    throw new RelockException(RelockException.Kind.NETWORK, what + ": " + where + " answered HTTP "
                            + code + (authorized.header("Authorization") == null
                                    ? "; it needs credentials (URL userinfo, netrc, or RELOCK_INDEX_USERNAME/RELOCK_INDEX_PASSWORD)"
                                    : "; the configured credentials were refused"));
                } else {
                    deadline.allowBody(response.body().contentLength());
                    return handler.handle(response);
                }
            } catch (InterruptedIOException e) {
                overrun(deadline, what, where);
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(what);
                }
                failure = describe(e);
                delay = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                if (last) {
                    throw gaveUp(what, where, attempt, failure + concurrencyHint(failure, peakInFlight.get()), e);
                }
            } catch (IOException e) {
                overrun(deadline, what, where);
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(what);
                }
                failure = describe(e);
                delay = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
                if (last) {
                    throw gaveUp(what, where, attempt, failure + concurrencyHint(failure, peakInFlight.get()), e);
                }
            } catch (RuntimeException e) {
                overrun(deadline, what, where);
                throw e;
            } catch (Exception e) {
                // OkHttp (Kotlin) throws InterruptedException undeclared when its worker is stopped
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw interrupted(what);
                }
                throw e;
            } finally {
                deadline.disarm();
            }
            long left = Math.min(requestEnd, limits.runDeadlineNanos()) - System.nanoTime();
            if (left <= delay.toNanos()) {
                // No time for another attempt: report the deadline, with the last failure.
                throw requestEnd <= limits.runDeadlineNanos()
                        ? requestOver(what, where, " (last attempt: " + failure + ")")
                        : runOver(what, where);
            }
            log.debug(what + ": " + failure + " from " + where + ", retrying in " + delay.toMillis() + " ms");
            sleep(delay, what);
        }
    }

    /** Turns a failure caused by a deadline's cancelling the call into the deadline's error. */
    private void overrun(Deadline deadline, String what, String where) {
        switch (deadline.fired()) {
            case REQUEST -> throw requestOver(what, where, "");
            case RUN -> throw runOver(what, where);
            case NONE -> { }
        }
    }

    private RelockException requestOver(String what, String where, String detail) {
        return new RelockException(RelockException.Kind.NETWORK, what + ": " + where + " timed out after "
                + seconds(limits.request()) + detail + " (--request-timeout)");
    }

    private RelockException runOver(String what, String where) {
        return new RelockException(RelockException.Kind.NETWORK, "gave up after " + seconds(limits.run())
                + " (--run-timeout): " + what + " from " + where + " was still unanswered");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /**
     * A hint for failures that servers produce when they get more connections than they can take
     * (resets, bodies cut short, malformed responses), when many requests were in flight.
     */
    private String concurrencyHint(String failure, int concurrent) {
        boolean connectionLevel = failure.contains("connection reset") || failure.contains("truncated response body")
                || failure.contains("malformed HTTP response") || failure.contains("connection closed");
        if (!connectionLevel || concurrent <= 4 || parallelism <= 4) {
            return "";
        }
        return "; up to " + concurrent + " requests were in flight, more than some servers take: try --concurrency 4";
    }

    private Request authorize(Request request, URI uri) {
        if (request.header("Authorization") != null) {
            return request;
        }
        return sources.credentialsFor(uri)
                .map(c -> request.newBuilder()
                        .header("Authorization", okhttp3.Credentials.basic(c.username(), c.password()))
                        .build())
                .orElse(request);
    }

    private Optional<Duration> retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
                wait = wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : wait);
    }

    private static void sleep(Duration delay, String what) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(what);
        }
    }

    private static RelockException interrupted(String what) {
        return new RelockException(RelockException.Kind.NETWORK, what + ": interrupted");
    }

    private static RelockException gaveUp(String what, String where, int attempts, String failure, IOException e) {
        RelockException ex = new RelockException(RelockException.Kind.NETWORK,
                what + ": " + where + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + failure);
        ex.addSuppressed(new IOException(UrlRedaction.redact(e.getClass().getName() + ": " + e.getMessage())));
        return ex;
    }

    /** {@code text} with control and non-ASCII characters replaced, at most 120 characters. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }

    /** A one-line, credential-free description of an I/O failure. */
    static String describe(IOException e) {
        if (e instanceof BadBodyException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? "" : printable(UrlRedaction.redact(e.getMessage()));
        String kind;
        if (e instanceof java.net.SocketTimeoutException) {
            kind = "timed out";
        } else if (e instanceof java.net.ConnectException) {
            kind = "connection refused";
        } else if (e instanceof java.net.UnknownHostException) {
            kind = "unknown host";
        } else if (message.contains("unexpected end of stream") || e instanceof java.io.EOFException) {
            kind = "truncated response body (connection closed early)";
        } else if (message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            kind = "connection reset";
        } else if (e instanceof java.net.ProtocolException) {
            // OkHttp quotes what it could not parse (a status line, a header): the server's bytes, never echoed
            return "malformed HTTP response (" + (message.startsWith("Unexpected status line")
                    ? "not an HTTP status line; a wrong Content-Length on an earlier response can cause this"
                    : "the server's response does not follow HTTP") + ")";
        } else {
            kind = e.getClass().getSimpleName();
        }
        return message.isEmpty() || kind.contains(message) ? kind : kind + " (" + message + ")";
    }
}
