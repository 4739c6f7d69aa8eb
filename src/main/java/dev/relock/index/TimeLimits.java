package dev.relock.index;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client waits. Every request (all its attempts and the waits between them) must end
 * within {@code request}; a download may take longer by its declared size at
 * {@code minBytesPerSecond}, so a big wheel on a slow line still arrives while a server that
 * trickles a small page does not hold a run forever. Nothing is sent after {@code runDeadlineNanos}
 * (a {@link System#nanoTime()} value), the end of the whole run.
 *
 * @param request the total time one request may take
 * @param run the whole run's bound, for messages
 * @param runDeadlineNanos when the whole run must end, in {@link System#nanoTime()} terms
 * @param minBytesPerSecond the slowest download rate a body's declared length is given time for
 */
public record TimeLimits(Duration request, Duration run, long runDeadlineNanos, long minBytesPerSecond) {
    /** Default per-request deadline: 60 s. */
    public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(60);
    /** Default whole-run bound: 15 minutes. */
    public static final Duration DEFAULT_RUN = Duration.ofMinutes(15);

    public TimeLimits {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(run, "run");
        if (request.isNegative() || request.isZero() || run.isNegative() || run.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (minBytesPerSecond < 1) {
            throw new IllegalArgumentException("minBytesPerSecond must be positive");
        }
    }

    /** Limits for a run that started at {@code startNanos} ({@link System#nanoTime()}). */
    public static TimeLimits of(Duration request, Duration run, long startNanos) {
        return new TimeLimits(request, run, startNanos + run.toNanos(), 64 * 1024);
    }

    /** The defaults, for a run starting now. */
    public static TimeLimits defaults() {
        return of(DEFAULT_REQUEST, DEFAULT_RUN, System.nanoTime());
    }
}
