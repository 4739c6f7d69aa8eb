package dev.relock.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads a PEP 691 JSON project page ({@code application/vnd.pypi.simple.v1+json}) with a
 * streaming parser: no tree is built, and unknown keys are skipped. Pages of popular projects
 * list thousands of files, so this is on the hot path of every warm run.
 */
final class SimpleJsonPage {
    private static final JsonFactory JSON = new JsonFactory();

    private SimpleJsonPage() {}

    /**
     * The files listed on the page.
     *
     * @throws PageFormatException if the body is not a PEP 691 v1 project page
     */
    static List<ListedFile> parse(byte[] body, URI pageUrl, IndexLog log) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PageFormatException("not a JSON object");
            }
            String apiVersion = "1.0";
            List<ListedFile> files = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("meta") && value == JsonToken.START_OBJECT) {
                    apiVersion = apiVersion(p).orElse(apiVersion);
                } else if (field.equals("files") && value == JsonToken.START_ARRAY) {
                    files = files(p, pageUrl, log);
                } else {
                    p.skipChildren();
                }
            }
            if (!apiVersion.equals("1") && !apiVersion.startsWith("1.")) {
                throw new PageFormatException("unsupported simple API version " + apiVersion + " (relock reads 1.x)");
            }
            if (files == null) {
                throw new PageFormatException("no \"files\" array");
            }
            return files;
        } catch (IOException e) {
            throw new PageFormatException("not valid JSON");
        }
    }

    private static Optional<String> apiVersion(JsonParser p) throws IOException {
        Optional<String> version = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("api-version") && value == JsonToken.VALUE_STRING) {
                version = Optional.of(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return version;
    }

    private static List<ListedFile> files(JsonParser p, URI pageUrl, IndexLog log) throws IOException {
        List<ListedFile> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new PageFormatException("not valid JSON");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            file(p, pageUrl, log).ifPresent(out::add);
        }
        return out;
    }

    /** One entry of {@code files}; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    private static Optional<ListedFile> file(JsonParser p, URI pageUrl, IndexLog log) throws IOException {
        String filename = "";
        String href = "";
        Map<String, String> hashes = Map.of();
        Optional<String> requiresPython = Optional.empty();
        Yanked yanked = Yanked.no();
        Optional<CoreMetadataRef> coreMetadata = Optional.empty();
        Optional<CoreMetadataRef> legacyMetadata = Optional.empty();
        OptionalLong size = OptionalLong.empty();
        Optional<String> uploadTime = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "filename" -> filename = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "url" -> href = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "hashes" -> hashes = hashes(p, value);
                case "requires-python" -> requiresPython = text(p, value);
                case "yanked" -> yanked = yanked(p, value);
                case "core-metadata" -> coreMetadata = Optional.of(coreMetadata(p, value));
                case "dist-info-metadata" -> legacyMetadata = Optional.of(coreMetadata(p, value));
                case "size" -> size = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        ? OptionalLong.of(p.getLongValue()) : OptionalLong.empty();
                case "upload-time" -> uploadTime = text(p, value);
                default -> p.skipChildren();
            }
        }
        if (filename.isEmpty() || href.isEmpty()) {
            log.debug("skipping a file entry without filename or url on " + UrlRedaction.redact(pageUrl.toString()));
            return Optional.empty();
        }
        CoreMetadataRef metadata = coreMetadata.isPresent() ? coreMetadata.get()
                : legacyMetadata.orElse(CoreMetadataRef.absent());
        hashes = Hashes.wellFormed(hashes, filename, pageUrl, log);
        return Optional.of(new ListedFile(filename, new ListedFile.Link(pageUrl, href), hashes, requiresPython,
                yanked, metadata, size, uploadTime));
    }

    /** A {@code {"sha256": "…"}} object: algorithm to hex digest, both lower case; other values give an empty map. */
    private static Map<String, String> hashes(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> hashes = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String algorithm = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                hashes.put(algorithm.toLowerCase(Locale.ROOT), p.getText().toLowerCase(Locale.ROOT));
            } else {
                p.skipChildren();
            }
        }
        return hashes;
    }

    private static Yanked yanked(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL, VALUE_FALSE -> Yanked.no();
            case VALUE_STRING -> Yanked.withReason(Optional.of(p.getText()));
            default -> {
                p.skipChildren();
                yield Yanked.withReason(Optional.empty());
            }
        };
    }

    /** PEP 714: {@code true}, {@code false}/{@code null}, or an object of hashes of the metadata file. */
    private static CoreMetadataRef coreMetadata(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL, VALUE_FALSE -> CoreMetadataRef.absent();
            case START_OBJECT -> CoreMetadataRef.present(hashes(p, value));
            default -> {
                p.skipChildren();
                yield CoreMetadataRef.present(Map.of());
            }
        };
    }

    private static Optional<String> text(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return Optional.empty();
        }
        String s = p.getText();
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
