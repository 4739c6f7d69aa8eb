package dev.relock.testing.github;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as {@link FakeGitHub} received it, before any fault or routing was applied.
 *
 * @param method  HTTP method, upper case
 * @param path    path relative to the API base (so {@code /repos/o/r/pulls} also under GHES's
 *                {@code /api/v3}); git smart-HTTP requests keep their full path ({@code /o/r.git/...})
 * @param query   decoded query parameters (the last value wins when a name repeats)
 * @param headers request headers with lower-case names, {@code authorization} removed
 * @param body    the request body as UTF-8 text (empty for git pack data, which is binary)
 */
public record RecordedRequest(
        String method, String path, Map<String, String> query, Map<String, List<String>> headers, String body) {
    /** Makes defensive copies. */
    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
