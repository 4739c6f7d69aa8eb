package dev.relock.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Reads a PEP 691 JSON project page ({@code application/vnd.pypi.simple.v1+json}). */
final class SimpleJsonPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimpleJsonPage() {}

    /**
     * The files listed on the page.
     *
     * @throws PageFormatException if the body is not a PEP 691 v1 project page
     */
    static List<ListedFile> parse(byte[] body, URI pageUrl, IndexLog log) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new PageFormatException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new PageFormatException("not a JSON object");
        }
        String apiVersion = root.path("meta").path("api-version").asText("1.0");
        if (!apiVersion.equals("1") && !apiVersion.startsWith("1.")) {
            throw new PageFormatException("unsupported simple API version " + apiVersion + " (relock reads 1.x)");
        }
        JsonNode files = root.path("files");
        if (!files.isArray()) {
            throw new PageFormatException("no \"files\" array");
        }
        List<ListedFile> out = new ArrayList<>();
        for (JsonNode file : files) {
            String filename = file.path("filename").asText("");
            String href = file.path("url").asText("");
            if (filename.isEmpty() || href.isEmpty()) {
                log.debug("skipping a file entry without filename or url on " + UrlRedaction.redact(pageUrl.toString()));
                continue;
            }
            Optional<URI> url = Links.resolve(pageUrl, href);
            if (url.isEmpty()) {
                log.debug("skipping " + filename + ": unusable url " + UrlRedaction.redact(href));
                continue;
            }
            out.add(new ListedFile(
                    filename,
                    Links.withoutFragment(url.get()),
                    hashes(file.path("hashes")),
                    text(file.get("requires-python")),
                    yanked(file.get("yanked")),
                    coreMetadata(file.has("core-metadata") ? file.get("core-metadata") : file.get("dist-info-metadata")),
                    file.path("size").canConvertToLong() && file.path("size").isIntegralNumber()
                            ? OptionalLong.of(file.get("size").asLong()) : OptionalLong.empty(),
                    instant(text(file.get("upload-time")))));
        }
        return out;
    }

    private static Map<String, String> hashes(JsonNode node) {
        Map<String, String> hashes = new TreeMap<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (e.getValue().isTextual()) {
                    hashes.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText().toLowerCase(Locale.ROOT));
                }
            }
        }
        return hashes;
    }

    private static Yanked yanked(JsonNode node) {
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return Yanked.no();
        }
        return Yanked.withReason(node.isTextual() ? Optional.of(node.asText()) : Optional.empty());
    }

    private static CoreMetadataRef coreMetadata(JsonNode node) {
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return CoreMetadataRef.absent();
        }
        return CoreMetadataRef.present(node.isObject() ? hashes(node) : Map.of());
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank()
                ? Optional.empty() : Optional.of(node.asText().strip());
    }

    private static Optional<Instant> instant(Optional<String> text) {
        try {
            return text.map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
