package dev.relock.testing.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds an OSV JSON record (OSV schema 1.6) for tests, e.g.
 * {@code OsvRecord.of("GHSA-x").alias("CVE-2023-1").summary("...").range("urllib3", "introduced=0", "fixed=2.0.7")}.
 */
public final class OsvRecord {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode root = MAPPER.createObjectNode();

    private OsvRecord(String id) {
        root.put("schema_version", "1.6.0");
        root.put("id", id);
        root.put("modified", "2026-01-01T00:00:00Z");
        root.put("published", "2025-12-01T00:00:00Z");
        root.putArray("aliases");
        root.putArray("affected");
    }

    /** A record with this id, modified 2026-01-01. */
    public static OsvRecord of(String id) {
        return new OsvRecord(id);
    }

    public String id() {
        return root.get("id").asText();
    }

    public OsvRecord alias(String... ids) {
        List.of(ids).forEach(((ArrayNode) root.get("aliases"))::add);
        return this;
    }

    public OsvRecord summary(String summary) {
        return set("summary", summary);
    }

    public OsvRecord details(String details) {
        return set("details", details);
    }

    /** {@code database_specific.severity}, as GitHub's records give it (LOW, MODERATE, HIGH, CRITICAL). */
    public OsvRecord severity(String severity) {
        root.putObject("database_specific").put("severity", severity);
        return this;
    }

    /** A {@code severity[]} entry of type CVSS_V3 with this vector. */
    public OsvRecord cvss(String vector) {
        ObjectNode s = root.withArray("severity").addObject();
        s.put("type", "CVSS_V3");
        s.put("score", vector);
        return this;
    }

    /**
     * An {@code affected[]} entry for PyPI package {@code name} with one ECOSYSTEM range of
     * {@code events} written {@code kind=version}, e.g. {@code introduced=0}, {@code fixed=2.31.0},
     * {@code last_affected=1.4}.
     */
    public OsvRecord range(String name, String... events) {
        ObjectNode range = affected(name).withArray("ranges").addObject();
        range.put("type", "ECOSYSTEM");
        ArrayNode list = range.putArray("events");
        for (String e : events) {
            int eq = e.indexOf('=');
            list.addObject().put(e.substring(0, eq), e.substring(eq + 1));
        }
        return this;
    }

    /** An {@code affected[]} entry for PyPI package {@code name} listing affected versions explicitly. */
    public OsvRecord versions(String name, String... versions) {
        List.of(versions).forEach(affected(name).putArray("versions")::add);
        return this;
    }

    public OsvRecord withdrawn(String timestamp) {
        return set("withdrawn", timestamp);
    }

    public OsvRecord modified(String timestamp) {
        return set("modified", timestamp);
    }

    private OsvRecord set(String field, String value) {
        root.put(field, value);
        return this;
    }

    /** The record's {@code modified} field. */
    public String modified() {
        return root.get("modified").asText();
    }

    private ObjectNode affected(String name) {
        ObjectNode a = ((ArrayNode) root.get("affected")).addObject();
        ObjectNode pkg = a.putObject("package");
        pkg.put("ecosystem", "PyPI");
        pkg.put("name", name);
        pkg.put("purl", "pkg:pypi/" + name);
        return a;
    }

    /** The record as OSV JSON. */
    public String json() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy, for changing a registered record without touching the original. */
    public OsvRecord copy() {
        OsvRecord copy = new OsvRecord(id());
        copy.root.setAll(root.deepCopy());
        return copy;
    }
}
