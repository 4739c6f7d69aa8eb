package dev.relock.testing.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the server received and how it answered.
 *
 * @param sequence arrival order, from 1
 * @param method HTTP method
 * @param path the request path (decoded, without query)
 * @param headers request headers, names in lower case
 * @param status the status sent, or {@link #NO_RESPONSE} when the connection was dropped
 */
public record RecordedRequest(long sequence, String method, String path, Map<String, List<String>> headers,
        int status) {
    /** Status recorded for a connection closed without a response. */
    public static final int NO_RESPONSE = 0;

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((k, v) -> copy.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of a header, any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether this was a request for a distribution file or its metadata. */
    public boolean isFileRequest() {
        return path.startsWith("/files/");
    }
}
