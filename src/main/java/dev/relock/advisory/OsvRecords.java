package dev.relock.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads OSV JSON records (the OSV schema, any 1.x version) into {@link Advisory}s. Only the PyPI
 * parts are kept: {@code affected[]} entries of ecosystem {@code PyPI}, their {@code ECOSYSTEM}
 * ranges and explicit {@code versions}. {@code GIT} and {@code SEMVER} ranges are not PEP 440
 * versions and are skipped (OSV lists the affected PyPI versions of a GIT range explicitly).
 * An event whose version does not parse as PEP 440 is skipped.
 */
public final class OsvRecords {
    /** The OSV ecosystem of PyPI packages. */
    public static final String ECOSYSTEM = "PyPI";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OsvRecords() {}

    /**
     * Parses one record.
     *
     * @throws IllegalArgumentException if it is not JSON or has no string {@code id}
     */
    public static Advisory parse(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        return parse(node);
    }

    /**
     * Reads one record's tree.
     *
     * @throws IllegalArgumentException if it is not an object with a string {@code id}
     */
    public static Advisory parse(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").isTextual() || node.path("id").asText().isBlank()) {
            throw new IllegalArgumentException("not an OSV record (no \"id\")");
        }
        String id = node.get("id").asText();
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(a -> {
            if (a.isTextual()) {
                aliases.add(a.asText());
            }
        });
        return new Advisory(id, aliases, summary(node), severity(node), affected(node),
                withdrawn(node.path("withdrawn")), instant(node.path("modified")));
    }

    private static String summary(JsonNode node) {
        String summary = node.path("summary").asText("").strip();
        if (summary.isEmpty()) {
            summary = node.path("details").asText("").strip().lines().findFirst().orElse("").strip();
        }
        // one printable line: it goes into annotations and job summaries
        summary = summary.replaceAll("\\p{Cntrl}", " ").strip();
        return summary.length() > 200 ? summary.substring(0, 197) + "..." : summary;
    }

    /**
     * {@code database_specific.severity} as given, with the CVSS 3 base score when a
     * {@code severity[]} vector gives one ({@code HIGH, CVSS 7.5}); else the rating and score of
     * that vector ({@code CRITICAL, CVSS 9.8}); else the first {@code severity[]} entry as given
     * ({@code CVSS_V4 CVSS:4.0/...}).
     */
    private static Optional<String> severity(JsonNode node) {
        String given = node.path("database_specific").path("severity").asText("").strip()
                .toUpperCase(java.util.Locale.ROOT);
        Optional<Cvss3.Score> score = Optional.empty();
        Optional<String> first = Optional.empty();
        for (JsonNode s : node.path("severity")) {
            String type = s.path("type").asText("").strip();
            String vector = s.path("score").asText("").strip();
            if (vector.isEmpty()) {
                continue;
            }
            first = first.or(() -> Optional.of(type.isEmpty() ? vector : type + " " + vector));
            score = score.or(() -> Cvss3.score(vector));
        }
        if (!given.isEmpty()) {
            return Optional.of(score.map(s -> given + ", CVSS " + s.number()).orElse(given));
        }
        Optional<String> asGiven = first;
        return score.map(Cvss3.Score::toString).or(() -> asGiven);
    }

    private static List<AffectedRange> affected(JsonNode node) {
        List<AffectedRange> result = new ArrayList<>();
        for (JsonNode a : node.path("affected")) {
            JsonNode pkg = a.path("package");
            if (!ECOSYSTEM.equals(pkg.path("ecosystem").asText())) {
                continue;
            }
            Optional<PackageName> name = PackageName.tryOf(pkg.path("name").asText(null));
            if (name.isEmpty()) {
                continue;
            }
            for (JsonNode range : a.path("ranges")) {
                if (!"ECOSYSTEM".equals(range.path("type").asText())) {
                    continue;
                }
                List<AffectedRange.Event> events = new ArrayList<>();
                for (JsonNode e : range.path("events")) {
                    event(e).ifPresent(events::add);
                }
                if (!events.isEmpty()) {
                    result.add(AffectedRange.of(name.get(), events));
                }
            }
            List<Version> versions = new ArrayList<>();
            for (JsonNode v : a.path("versions")) {
                Version.tryParse(v.asText(null)).ifPresent(versions::add);
            }
            if (!versions.isEmpty()) {
                result.add(AffectedRange.listed(name.get(), versions));
            }
        }
        return result;
    }

    private static Optional<AffectedRange.Event> event(JsonNode e) {
        if (e.path("introduced").isTextual()) {
            String v = e.get("introduced").asText().strip();
            return v.equals("0") ? Optional.of(AffectedRange.Event.start())
                    : Version.tryParse(v).map(AffectedRange.Event::introduced);
        }
        if (e.path("fixed").isTextual()) {
            return Version.tryParse(e.get("fixed").asText().strip()).map(AffectedRange.Event::fixed);
        }
        if (e.path("last_affected").isTextual()) {
            return Version.tryParse(e.get("last_affected").asText().strip()).map(AffectedRange.Event::lastAffected);
        }
        return Optional.empty();
    }

    /** A {@code withdrawn} field: any non-empty value withdraws, even one that is not a timestamp. */
    private static Optional<Instant> withdrawn(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return instant(node).or(() -> Optional.of(Instant.EPOCH));
    }

    /** An RFC 3339 timestamp, if the node holds one. */
    static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText().strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
