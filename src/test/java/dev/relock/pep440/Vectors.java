package dev.relock.pep440;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the pypa/packaging test vectors copied into the test resources. */
final class Vectors {
    private static final JsonNode ROOT = load();

    private Vectors() {}

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("packaging-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The array at {@code section.name}, e.g. {@code version.ascending}. */
    static List<JsonNode> list(String section, String name) {
        JsonNode array = ROOT.path(section).path(name);
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalStateException("no vectors at " + section + "." + name);
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static List<String> strings(String section, String name) {
        return list(section, name).stream().map(JsonNode::asText).toList();
    }

    /** A JSON true/false/null as an optional boolean. */
    static Optional<Boolean> optionalBoolean(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asBoolean());
    }

    /** Every valid version string appearing anywhere in the version and specifier vectors. */
    static List<Version> allVersions() {
        return ALL_VERSIONS;
    }

    private static final List<Version> ALL_VERSIONS = collectAll();

    private static List<Version> collectAll() {
        Map<String, Version> out = new LinkedHashMap<>();
        collect(ROOT.path("version"), out);
        collect(ROOT.path("specifier"), out);
        return List.copyOf(out.values());
    }

    private static void collect(JsonNode node, Map<String, Version> out) {
        if (node.isTextual()) {
            Version.tryParse(node.asText()).ifPresent(v -> out.putIfAbsent(v.toString(), v));
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
