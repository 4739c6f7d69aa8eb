package dev.relock.testing.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A GitHub error response thrown from a handler: status, GitHub-shaped body, extra headers. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String DOCS = "https://docs.github.com/rest";

    final int status;
    final transient ObjectNode body;
    final transient Map<String, String> headers;

    private ApiError(int status, ObjectNode body, Map<String, String> headers) {
        super(body.path("message").asText(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        body.put("status", Integer.toString(status));
    }

    static ApiError of(int status, String message, String docs) {
        return new ApiError(status, Json.error(message, docs), Map.of());
    }

    static ApiError notFound(String docs) {
        return of(404, "Not Found", docs);
    }

    static ApiError badRequest(String message) {
        return of(400, message, DOCS);
    }

    static ApiError unprocessable(String message, String docs) {
        return of(422, message, docs);
    }

    static ApiError badCredentials() {
        return of(401, "Bad credentials", DOCS);
    }

    static ApiError requiresAuthentication() {
        return of(401, "Requires authentication", DOCS);
    }

    /** 403 for a token that lacks a permission; {@code accepted} is the header value GitHub sends. */
    static ApiError notAccessible(String accepted, String docs) {
        return new ApiError(403, Json.error("Resource not accessible by integration", docs),
                Map.of("x-accepted-github-permissions", accepted));
    }

    /** 422 "Validation Failed" with one entry per error object. */
    static ApiError validationFailed(String docs, ObjectNode... errors) {
        ObjectNode body = Json.error("Validation Failed", docs);
        ArrayNode list = body.putArray("errors");
        for (ObjectNode error : errors) {
            list.add(error);
        }
        return new ApiError(422, body, Map.of());
    }

    static ObjectNode fieldError(String resource, String field, String code) {
        ObjectNode e = Json.object();
        e.put("resource", resource);
        e.put("field", field);
        e.put("code", code);
        return e;
    }

    static ObjectNode customError(String resource, String message) {
        ObjectNode e = Json.object();
        e.put("resource", resource);
        e.put("code", "custom");
        e.put("message", message);
        return e;
    }
}
