package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One routed API request: what handlers read. */
final class ApiCall {
    final String method;
    final String path;
    final Map<String, String> query;
    final JsonNode body;
    final Optional<TokenGrant> token;
    final Map<String, String> params;
    final Optional<FakeRepository> repo;

    ApiCall(String method, String path, Map<String, String> query, JsonNode body, Optional<TokenGrant> token,
            Map<String, String> params, Optional<FakeRepository> repo) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.body = body;
        this.token = token;
        this.params = params;
        this.repo = repo;
    }

    String param(String name) {
        return params.get(name);
    }

    FakeRepository repo() {
        return repo.orElseThrow();
    }

    FakeUser caller() {
        return token.orElseThrow(ApiError::requiresAuthentication).user();
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /** A required string field of the JSON body; 422 naming the field when missing. */
    String text(String field, String resource, String docs) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || !node.isTextual()) {
            throw ApiError.validationFailed(docs, ApiError.fieldError(resource, field, "missing_field"));
        }
        return node.asText();
    }

    Optional<String> optionalText(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /** A list of strings from the body: a JSON array of strings, or a single string. */
    List<String> strings(String field) {
        JsonNode node = body.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(item -> out.add(item.isObject() ? item.path("name").asText() : item.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
