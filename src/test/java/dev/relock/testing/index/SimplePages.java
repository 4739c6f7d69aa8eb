package dev.relock.testing.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders the simple repository API: PEP 503 HTML and PEP 691 JSON, with the PEP 592 (yank),
 * PEP 658/714 (core metadata) and PEP 700 (versions, size, upload time) additions.
 */
final class SimplePages {
    static final String API_VERSION = "1.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** How a page refers to the files and which lies it tells. */
    record Options(boolean coreMetadata, boolean wrongMetadataHash, boolean wrongFileHash) {}

    /** The sha256 the page advertises for {@code d}: its own, or with {@code wrongFileHash} another file's. */
    private static String fileHash(BuiltDistribution d, Options options) {
        return options.wrongFileHash()
                ? Hashing.sha256Hex(("not the bytes of " + d.filename()).getBytes(StandardCharsets.UTF_8))
                : d.sha256();
    }

    private SimplePages() {}

    static byte[] projectListHtml(Scenario scenario) {
        StringBuilder b = new StringBuilder(head("Simple index"));
        for (ProjectSpec p : scenario.projects()) {
            b.append("    <a href=\"").append(escape(p.normalizedName())).append("/\">").append(escape(p.name()))
                    .append("</a>\n");
        }
        return utf8(b.append("  </body>\n</html>\n"));
    }

    static byte[] projectListJson(Scenario scenario) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("meta").put("api-version", API_VERSION);
        ArrayNode projects = root.putArray("projects");
        scenario.projects().forEach(p -> projects.addObject().put("name", p.name()));
        return write(root);
    }

    /**
     * The project page in HTML; hrefs are relative ({@code ../../files/…}) to exercise URL joining in
     * clients.
     */
    static byte[] projectHtml(ProjectSpec project, List<ArtifactStore.IndexedFile> files, Options options) {
        StringBuilder b = new StringBuilder(head("Links for " + project.name()));
        b.append("    <h1>Links for ").append(escape(project.name())).append("</h1>\n");
        for (ArtifactStore.IndexedFile f : files) {
            BuiltDistribution d = f.dist();
            b.append("    <a href=\"").append(escape(relativeUrl(project, d))).append("#sha256=").append(fileHash(d, options))
                    .append('"');
            f.release().requiresPython().ifPresent(rp ->
                    b.append(" data-requires-python=\"").append(escape(rp)).append('"'));
            if (f.release().yank().yanked()) {
                b.append(" data-yanked=\"").append(escape(f.release().yank().reason().orElse(""))).append('"');
            }
            if (options.coreMetadata() && d.servedMetadata().isPresent()) {
                String value = "sha256=" + metadataHash(d, options);
                b.append(" data-dist-info-metadata=\"").append(value).append('"');
                b.append(" data-core-metadata=\"").append(value).append('"');
            }
            b.append('>').append(escape(d.filename())).append("</a><br />\n");
        }
        return utf8(b.append("  </body>\n</html>\n"));
    }

    /** The project page in JSON; file URLs are absolute, like PyPI's. */
    static byte[] projectJson(ProjectSpec project, List<ArtifactStore.IndexedFile> files, Options options,
            String baseUrl) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("meta").put("api-version", API_VERSION);
        root.put("name", project.normalizedName());
        ArrayNode list = root.putArray("files");
        Set<String> versions = new LinkedHashSet<>();
        for (ArtifactStore.IndexedFile f : files) {
            BuiltDistribution d = f.dist();
            ReleaseSpec r = f.release();
            versions.add(r.version());
            ObjectNode file = list.addObject();
            file.put("filename", d.filename());
            file.put("url", baseUrl + fileUrlPath(project, d));
            file.putObject("hashes").put("sha256", fileHash(d, options));
            if (r.requiresPython().isPresent()) {
                file.put("requires-python", r.requiresPython().get());
            } else {
                file.putNull("requires-python");
            }
            if (r.yank().reason().isPresent()) {
                file.put("yanked", r.yank().reason().get());
            } else {
                file.put("yanked", r.yank().yanked());
            }
            if (options.coreMetadata() && d.servedMetadata().isPresent()) {
                String hash = metadataHash(d, options);
                file.putObject("core-metadata").put("sha256", hash);
                file.putObject("data-dist-info-metadata").put("sha256", hash);
            } else {
                file.put("core-metadata", false);
                file.put("data-dist-info-metadata", false);
            }
            file.put("size", d.size());
            file.put("upload-time", UPLOAD_TIME.format(r.uploadTime()));
        }
        ArrayNode versionList = root.putArray("versions");
        versions.forEach(versionList::add);
        return write(root);
    }

    /** Server path of a file, from the server root. */
    static String fileUrlPath(ProjectSpec project, BuiltDistribution d) {
        return "/files/" + project.normalizedName() + "/" + d.filename();
    }

    /** Find-links page listing files that sit next to it. */
    static byte[] findLinksHtml(List<BuiltDistribution> files) {
        StringBuilder b = new StringBuilder(head("Find links"));
        for (BuiltDistribution d : files) {
            b.append("    <a href=\"").append(escape(d.filename())).append("#sha256=").append(d.sha256()).append("\">")
                    .append(escape(d.filename())).append("</a><br />\n");
        }
        return utf8(b.append("  </body>\n</html>\n"));
    }

    private static String relativeUrl(ProjectSpec project, BuiltDistribution d) {
        return "../.." + fileUrlPath(project, d);
    }

    private static String metadataHash(BuiltDistribution d, Options options) {
        return options.wrongMetadataHash()
                ? Hashing.sha256Hex(("not the metadata of " + d.filename()).getBytes(StandardCharsets.UTF_8))
                : d.coreMetadataSha256();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\""
                + API_VERSION + "\">\n    <title>" + escape(title) + "</title>\n  </head>\n  <body>\n";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] utf8(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
