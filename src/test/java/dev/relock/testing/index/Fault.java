package dev.relock.testing.index;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the server to misbehave on a request; see {@link LocalIndexServer#injectFault}.
 *
 * @param kind what goes wrong
 * @param status the HTTP status of {@link Kind#STATUS} faults (0 otherwise)
 * @param retryAfter the {@code Retry-After} of a 429/503 status fault ({@link Duration#ZERO}: none)
 * @param pace the time between bytes of a {@link Kind#TRICKLE} fault ({@link Duration#ZERO} otherwise)
 */
public record Fault(Kind kind, int status, Duration retryAfter, Duration pace) {
    /** The kinds of misbehaviour. */
    public enum Kind {
        /** Answer with an error status and a short text body instead of the resource. */
        STATUS,
        /** Close the connection without sending any response. */
        CONNECTION_RESET,
        /** Send the full Content-Length header but only half of the body, then close the connection. */
        TRUNCATED_BODY,
        /** Send the body with one byte flipped, while pages keep advertising the true hash. */
        CORRUPT_BYTES,
        /** Advertise a wrong PEP 658 metadata hash on the project page this rule matches. */
        WRONG_METADATA_HASH,
        /**
         * Advertise a wrong sha256 for every file on the project page this rule matches, as an index
         * that started serving other bytes under the same names would.
         */
        WRONG_FILE_HASH,
        /** Accept the request and never answer (the connection stays open until the server stops). */
        SILENT,
        /** Send the headers at once, then the body one byte at a time, {@code pace} apart. */
        TRICKLE
    }

    public Fault(Kind kind, int status, Duration retryAfter) {
        this(kind, status, retryAfter, Duration.ZERO);
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(pace, "pace");
        if ((kind == Kind.TRICKLE) != (pace.toMillis() > 0)) {
            throw new IllegalArgumentException("only trickle faults have a pace: " + pace);
        }
        if ((kind == Kind.STATUS) != (status >= 400 && status <= 599)) {
            throw new IllegalArgumentException("status faults need a 4xx/5xx status, others none: " + status);
        }
    }

    /** An error status such as 500 or 503. */
    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, Duration.ZERO);
    }

    /** 429 Too Many Requests with a {@code Retry-After} in whole seconds. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, retryAfter);
    }

    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, Duration.ZERO);
    }

    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO);
    }

    public static Fault corruptBytes() {
        return new Fault(Kind.CORRUPT_BYTES, 0, Duration.ZERO);
    }

    public static Fault wrongMetadataHash() {
        return new Fault(Kind.WRONG_METADATA_HASH, 0, Duration.ZERO);
    }

    public static Fault wrongFileHash() {
        return new Fault(Kind.WRONG_FILE_HASH, 0, Duration.ZERO);
    }

    /** A server that takes the request and never answers. */
    public static Fault silent() {
        return new Fault(Kind.SILENT, 0, Duration.ZERO);
    }

    /** A server that sends one byte of the body every {@code pace}. */
    public static Fault trickle(Duration pace) {
        return new Fault(Kind.TRICKLE, 0, Duration.ZERO, pace);
    }
}
