package dev.relock.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What relock remembers about the response an entry came from.
 *
 * @param etag the {@code ETag} header, sent back as {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} header, sent back as {@code If-Modified-Since}
 * @param fetchedAt when the response was received (or last revalidated)
 * @param maxAge how long the entry stays fresh after {@code fetchedAt}; empty means always revalidate
 * @param immutable the content behind this key can never change (a file addressed by its hash)
 * @param contentType the response's {@code Content-Type}, needed to parse a cached page
 */
public record CacheMeta(
        Optional<String> etag,
        Optional<String> lastModified,
        Instant fetchedAt,
        Optional<Duration> maxAge,
        boolean immutable,
        Optional<String> contentType) {

    public CacheMeta {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** Metadata for content addressed by its hash: fresh forever, never revalidated. */
    public static CacheMeta immutable(Instant fetchedAt) {
        return new CacheMeta(Optional.empty(), Optional.empty(), fetchedAt, Optional.empty(), true,
                Optional.empty());
    }

    /**
     * Metadata from response headers.
     *
     * @param cacheControl the {@code Cache-Control} header, if any
     */
    public static CacheMeta fromHeaders(
            Optional<String> etag,
            Optional<String> lastModified,
            Optional<String> cacheControl,
            Optional<String> contentType,
            Instant fetchedAt) {
        Optional<Duration> maxAge = Optional.empty();
        boolean immutable = false;
        for (String directive : cacheControl.orElse("").split(",")) {
            String d = directive.trim().toLowerCase(Locale.ROOT);
            if (d.equals("immutable")) {
                immutable = true;
            } else if (d.equals("no-cache")) {
                maxAge = Optional.of(Duration.ZERO);
            } else if (d.startsWith("max-age=") && maxAge.isEmpty()) {
                maxAge = parseSeconds(d.substring("max-age=".length()));
            }
        }
        return new CacheMeta(etag, lastModified, fetchedAt, maxAge, immutable, contentType);
    }

    /** True if a response with this {@code Cache-Control} header must not be written to disk. */
    public static boolean forbidsStoring(Optional<String> cacheControl) {
        for (String directive : cacheControl.orElse("").split(",")) {
            if (directive.trim().equalsIgnoreCase("no-store")) {
                return true;
            }
        }
        return false;
    }

    /** FRESH when immutable or within max-age at {@code now}; STALE otherwise. */
    public Freshness freshness(Instant now) {
        if (immutable) {
            return Freshness.FRESH;
        }
        return maxAge.filter(age -> now.isBefore(fetchedAt.plus(age)))
                .map(age -> Freshness.FRESH)
                .orElse(Freshness.STALE);
    }

    /** A copy marking the entry revalidated at {@code now} with the server's newer headers. */
    public CacheMeta revalidated(CacheMeta fromNotModified) {
        return new CacheMeta(
                fromNotModified.etag.or(() -> etag),
                fromNotModified.lastModified.or(() -> lastModified),
                fromNotModified.fetchedAt,
                fromNotModified.maxAge.or(() -> maxAge),
                immutable || fromNotModified.immutable,
                contentType);
    }

    private static Optional<Duration> parseSeconds(String value) {
        String v = value.replace("\"", "").trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ZERO);
        }
    }
}
