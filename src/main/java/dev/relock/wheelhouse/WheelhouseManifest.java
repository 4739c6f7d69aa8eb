package dev.relock.wheelhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relock.common.FileReplacement;
import dev.relock.common.RelockException;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code relock-wheelhouse.json}: what a wheelhouse holds and why. Written last and atomically by
 * a successful run, in a deterministic order (files by name, targets in the order requested), so
 * the same lockfile and options always produce the same bytes.
 *
 * <pre>
 * {
 *   "formatVersion": 1,
 *   "relockVersion": "0.1.0",
 *   "lockfile": "requirements.txt",
 *   "lockfileSha256": "…",
 *   "targets": [ { "name": "3.12 on x86_64-manylinux_2_17", "python": "3.12", "platform": "x86_64-manylinux_2_17" } ],
 *   "files": [ { "filename": "idna-3.7-py3-none-any.whl", "package": "idna", "version": "3.7",
 *                "sha256": "…", "targets": [ "3.12 on x86_64-manylinux_2_17" ] } ]
 * }
 * </pre>
 *
 * @param relockVersion the relock version that wrote it
 * @param lockfile the lockfile as the user named it
 * @param lockfileSha256 SHA-256 of the lockfile's bytes when the wheelhouse was built
 * @param targets the targets the wheelhouse serves
 * @param files the files, sorted by file name
 */
public record WheelhouseManifest(
        String relockVersion, String lockfile, String lockfileSha256, List<TargetEntry> targets, List<Entry> files) {

    /** The manifest's file name inside the wheelhouse directory. */
    public static final String FILENAME = "relock-wheelhouse.json";
    /** The layout version written in {@code formatVersion}; readers refuse others. */
    public static final int FORMAT_VERSION = 1;

    public WheelhouseManifest {
        Objects.requireNonNull(relockVersion, "relockVersion");
        Objects.requireNonNull(lockfile, "lockfile");
        Objects.requireNonNull(lockfileSha256, "lockfileSha256");
        targets = List.copyOf(targets);
        files = files.stream().sorted(Comparator.comparing(Entry::filename)).toList();
    }

    /**
     * One target.
     *
     * @param name {@link Target#toString()}, which file entries refer to
     * @param python the Python version, e.g. {@code 3.12}
     * @param platform the canonical platform name ({@code TargetPlatform.parse} reads it back)
     */
    public record TargetEntry(String name, String python, String platform) {
        public TargetEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(python, "python");
            Objects.requireNonNull(platform, "platform");
        }

        /** The entry describing {@code target}. */
        public static TargetEntry of(Target target) {
            return new TargetEntry(target.toString(), target.python().toString(), target.platform().name());
        }
    }

    /**
     * One file of the wheelhouse, stored flat under its own name as pip's {@code --find-links} expects.
     *
     * @param filename the file name inside the directory
     * @param packageName the normalized project name (JSON key {@code package})
     * @param version the pinned version as the lockfile writes it
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     * @param targets names of the targets pip would install this file on (empty for a file bundled
     *     by {@code --all-files} that no target prefers)
     */
    public record Entry(String filename, String packageName, String version, String sha256, List<String> targets) {
        public Entry {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(packageName, "packageName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(sha256, "sha256");
            targets = List.copyOf(targets);
        }
    }

    /** The entry of {@code filename}, if the wheelhouse has it. */
    public Optional<Entry> file(String filename) {
        return files.stream().filter(e -> e.filename().equals(filename)).findFirst();
    }

    /** The manifest as JSON text (LF line ends, final newline). */
    public String toJson() {
        return Json.write(toNode());
    }

    ObjectNode toNode() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("relockVersion", relockVersion);
        root.put("lockfile", lockfile);
        root.put("lockfileSha256", lockfileSha256);
        var targetArray = root.putArray("targets");
        for (TargetEntry t : targets) {
            targetArray.addObject().put("name", t.name()).put("python", t.python()).put("platform", t.platform());
        }
        var fileArray = root.putArray("files");
        for (Entry e : files) {
            fileArray.add(entryNode(e));
        }
        return root;
    }

    static ObjectNode entryNode(Entry e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("filename", e.filename());
        node.put("package", e.packageName());
        node.put("version", e.version());
        node.put("sha256", e.sha256());
        node.set("targets", Json.strings(e.targets()));
        return node;
    }

    /** Writes {@link #FILENAME} into {@code directory} through a temporary file and an atomic rename. */
    public void writeTo(Path directory) throws IOException {
        Path target = directory.resolve(FILENAME);
        Path temp = FileReplacement.createTemp(directory, ".relock-", ".part");
        try {
            Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
            FileReplacement.keepPermissions(target, temp);
            FileReplacement.moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads the manifest of the wheelhouse in {@code directory}; empty when there is none.
     *
     * @throws RelockException BAD_INPUT when it cannot be read or is not a manifest this version understands
     */
    public static Optional<WheelhouseManifest> read(Path directory) {
        Path file = directory.resolve(FILENAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, file + ": cannot read the wheelhouse manifest ("
                    + e.getClass().getSimpleName() + ")");
        }
        return Optional.of(parse(text, file));
    }

    /**
     * Parses manifest {@code text}; {@code source} names it in errors.
     *
     * @throws RelockException BAD_INPUT for malformed JSON, a missing field or another format version
     */
    public static WheelhouseManifest parse(String text, Path source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(source, "not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(source, "not a JSON object");
        }
        int format = root.path("formatVersion").asInt(-1);
        if (format != FORMAT_VERSION) {
            throw bad(source, "formatVersion " + root.path("formatVersion") + " is not " + FORMAT_VERSION
                    + " (written by another relock version; rebuild the wheelhouse)");
        }
        List<TargetEntry> targets = new ArrayList<>();
        for (JsonNode t : array(root, "targets", source)) {
            targets.add(new TargetEntry(text(t, "name", source), text(t, "python", source), text(t, "platform", source)));
        }
        List<Entry> files = new ArrayList<>();
        for (JsonNode f : array(root, "files", source)) {
            List<String> fileTargets = new ArrayList<>();
            for (JsonNode t : array(f, "targets", source)) {
                if (!t.isTextual()) {
                    throw bad(source, "a file's targets must be strings");
                }
                fileTargets.add(t.asText());
            }
            files.add(new Entry(text(f, "filename", source), text(f, "package", source), text(f, "version", source),
                    text(f, "sha256", source), fileTargets));
        }
        return new WheelhouseManifest(text(root, "relockVersion", source), text(root, "lockfile", source),
                text(root, "lockfileSha256", source), targets, files);
    }

    private static String text(JsonNode node, String field, Path source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(source, "\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, Path source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw bad(source, "\"" + field + "\" must be an array");
        }
        return value;
    }

    private static RelockException bad(Path source, String detail) {
        return new RelockException(RelockException.Kind.BAD_INPUT, source + ": not a relock wheelhouse manifest: "
                + detail);
    }
}
