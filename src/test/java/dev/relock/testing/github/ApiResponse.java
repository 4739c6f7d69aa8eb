package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a handler answers: status, optional JSON body, extra headers. */
record ApiResponse(int status, Optional<JsonNode> body, Map<String, String> headers) {
    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, Optional.of(body), Map.of());
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, Optional.of(body), Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Optional.empty(), Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(copy));
    }
}
