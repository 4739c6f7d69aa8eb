package dev.relock.testing.github;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A canned failure that {@link FakeGitHub} returns instead of the real answer, for the next
 * {@link #times()} requests whose method and API-relative path match.
 *
 * <p>Bodies and headers copy GitHub's: a secondary rate limit is a 403 with {@code retry-after},
 * a primary one a 403 with {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset}.
 *
 * @param method   HTTP method to match, upper case
 * @param path     regular expression that must match the whole API-relative path
 * @param times    how many matching requests fail
 * @param status   HTTP status to return
 * @param headers  extra response headers
 * @param body     JSON response body
 */
public record Fault(String method, Pattern path, int times, int status, Map<String, String> headers, String body) {
    /** Validates and copies. */
    public Fault {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        headers = Map.copyOf(headers);
    }

    /** Any status with GitHub's error body carrying {@code message}; fails once. */
    public static Fault status(String method, String pathRegex, int status, String message) {
        return new Fault(method, Pattern.compile(pathRegex), 1, status, Map.of(), errorBody(message));
    }

    /** 500 as GitHub sends it for an internal error; fails once. */
    public static Fault serverError(String method, String pathRegex) {
        return status(method, pathRegex, 500, "Server Error");
    }

    /** 502 as GitHub's front end sends it when the backend timed out; fails once. */
    public static Fault badGateway(String method, String pathRegex) {
        return status(method, pathRegex, 502, "Server Error");
    }

    /** 403 secondary rate limit with {@code retry-after: 1}; fails once. */
    public static Fault secondaryRateLimit(String method, String pathRegex) {
        return new Fault(method, Pattern.compile(pathRegex), 1, 403, Map.of("retry-after", "1"), errorBody(
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you"
                        + " reach out to GitHub Support for help, please include the request ID."));
    }

    /** 403 primary rate limit: no requests left until {@code reset}; fails once. */
    public static Fault primaryRateLimit(String method, String pathRegex, Instant reset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", "5000");
        headers.put("x-ratelimit-remaining", "0");
        headers.put("x-ratelimit-used", "5000");
        headers.put("x-ratelimit-reset", Long.toString(reset.getEpochSecond()));
        headers.put("x-ratelimit-resource", "core");
        return new Fault(method, Pattern.compile(pathRegex), 1, 403, headers,
                errorBody("API rate limit exceeded for installation. If you reach out to GitHub Support for help,"
                        + " please include the request ID."));
    }

    /** The same fault for the next {@code n} matching requests. */
    public Fault times(int n) {
        return new Fault(method, path, n, status, headers, body);
    }

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).matches();
    }

    private static String errorBody(String message) {
        return Json.write(Json.error(message, "https://docs.github.com/rest"));
    }
}
