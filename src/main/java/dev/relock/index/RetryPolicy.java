package dev.relock.index;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the client retries a request that failed in a way that may pass:
 * HTTP 5xx and 429, connection resets and timeouts, truncated bodies and hash mismatches.
 * Delays grow exponentially from {@code initialBackoff} up to {@code maxBackoff}, each with random
 * jitter (between half and all of the step) so parallel requests do not retry in lock step.
 * A {@code Retry-After} header replaces the computed delay but is capped at {@code maxRetryAfter}.
 *
 * @param maxAttempts total attempts per request, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** 4 attempts, 250 ms doubling up to 4 s, Retry-After honoured up to 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The delay before attempt {@code attempt + 1} (attempt counts from 1), given a jitter in [0, 1). */
    Duration backoff(int attempt, double jitter) {
        long base = initialBackoff.toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * jitter));
    }
}
