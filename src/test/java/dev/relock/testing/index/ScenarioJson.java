package dev.relock.testing.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario files for {@link LocalIndexServerMain}:
 *
 * <pre>{@code
 * {"projects": [{"name": "requests", "releases": [{
 *     "version": "2.31.0", "requires": ["urllib3>=1.21.1,<3"], "extras": {"socks": ["PySocks>=1.5.6"]},
 *     "requiresPython": ">=3.7", "yanked": false, "uploadTime": "2023-05-22T15:12:44Z",
 *     "summary": "...", "projectUrls": ["Homepage, https://..."],
 *     "wheels": ["py3-none-any"], "sdist": {"metadataVersion": "2.2", "dynamic": []}}]}]}
 * }</pre>
 *
 * <p>{@code yanked} is {@code false}, {@code true} or a reason string. Omitted fields take the DSL's
 * defaults (no {@code wheels} and no {@code sdist}: one pure wheel).
 */
public final class ScenarioJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioJson() {}

    public static Scenario read(Path file) throws IOException {
        return parse(MAPPER.readTree(file.toFile()));
    }

    public static void write(Scenario scenario, Path file) throws IOException {
        Files.write(file, MAPPER.writeValueAsBytes(toJson(scenario)));
    }

    static Scenario parse(JsonNode root) {
        Scenario.Builder builder = Scenario.builder();
        for (JsonNode project : required(root, "projects")) {
            builder.project(required(project, "name").asText(), p -> {
                for (JsonNode release : required(project, "releases")) {
                    p.release(required(release, "version").asText(), r -> release(release, r));
                }
            });
        }
        return builder.build();
    }

    private static void release(JsonNode json, ReleaseSpec.Builder r) {
        json.path("requires").forEach(req -> r.requires(req.asText()));
        json.path("extras").fields().forEachRemaining(e -> {
            List<String> reqs = new ArrayList<>();
            e.getValue().forEach(req -> reqs.add(req.asText()));
            r.extra(e.getKey(), reqs.toArray(String[]::new));
        });
        if (json.hasNonNull("requiresPython")) {
            r.requiresPython(json.get("requiresPython").asText());
        }
        JsonNode yanked = json.path("yanked");
        if (yanked.isTextual()) {
            r.yanked(yanked.asText());
        } else if (yanked.asBoolean(false)) {
            r.yanked();
        }
        if (json.hasNonNull("uploadTime")) {
            r.uploaded(Instant.parse(json.get("uploadTime").asText()));
        }
        if (json.hasNonNull("summary")) {
            r.summary(json.get("summary").asText());
        }
        json.path("projectUrls").forEach(u -> {
            String[] parts = u.asText().split(",\\s*", 2);
            r.projectUrl(parts[0], parts.length > 1 ? parts[1] : "");
        });
        json.path("wheels").forEach(w -> r.wheel(w.asText()));
        if (json.hasNonNull("sdist")) {
            JsonNode sdist = json.get("sdist");
            List<String> dynamic = new ArrayList<>();
            sdist.path("dynamic").forEach(d -> dynamic.add(d.asText()));
            r.sdist(sdist.path("metadataVersion").asText("2.2"), dynamic.toArray(String[]::new));
        }
    }

    static ObjectNode toJson(Scenario scenario) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode projects = root.putArray("projects");
        for (ProjectSpec p : scenario.projects()) {
            ObjectNode project = projects.addObject();
            project.put("name", p.name());
            ArrayNode releases = project.putArray("releases");
            for (ReleaseSpec r : p.releases()) {
                ObjectNode release = releases.addObject();
                release.put("version", r.version());
                ArrayNode requires = release.putArray("requires");
                ObjectNode extras = release.putObject("extras");
                r.providesExtra().forEach(extras::putArray);
                for (Dependency d : r.dependencies()) {
                    if (d.extra().isPresent()) {
                        ((ArrayNode) extras.get(d.extra().get())).add(d.requirement());
                    } else {
                        requires.add(d.requirement());
                    }
                }
                r.requiresPython().ifPresent(rp -> release.put("requiresPython", rp));
                Optional<String> reason = r.yank().reason();
                if (reason.isPresent()) {
                    release.put("yanked", reason.get());
                } else {
                    release.put("yanked", r.yank().yanked());
                }
                release.put("uploadTime", r.uploadTime().toString());
                release.put("summary", r.summary());
                ArrayNode urls = release.putArray("projectUrls");
                r.projectUrls().forEach(urls::add);
                ArrayNode wheels = release.putArray("wheels");
                for (DistributionSpec d : r.distributions()) {
                    if (d instanceof DistributionSpec.Wheel w) {
                        wheels.add(w.tags());
                    } else if (d instanceof DistributionSpec.Sdist s) {
                        ObjectNode sdist = release.putObject("sdist");
                        sdist.put("metadataVersion", s.metadataVersion());
                        ArrayNode dynamic = sdist.putArray("dynamic");
                        s.dynamic().forEach(dynamic::add);
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("scenario file: missing \"" + field + "\" in " + node);
        }
        return value;
    }
}
