package dev.relock.index;

import dev.relock.filename.DistFilename;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One distribution file (wheel or sdist) of a project, as an index or find-links location lists it.
 *
 * @param filename the file name as listed (percent-decoded)
 * @param parsed the interpreted file name (name, version, tags)
 * @param url where to download it (no fragment)
 * @param hashes published hashes, algorithm name (lower case) to lower-case hex; may be empty
 * @param requiresPython the raw {@code Requires-Python} specifier the index published, unparsed
 *     because indexes publish malformed ones that a resolver should treat leniently
 * @param yanked PEP 592 status
 * @param coreMetadata whether PEP 658 metadata is served at {@code url + ".metadata"}
 * @param size the size in bytes, if published (JSON API only)
 * @param uploadTime the upload time, if published (JSON API only)
 * @param source the index or find-links location that listed it
 */
public record DistFile(
        String filename,
        DistFilename parsed,
        URI url,
        Map<String, String> hashes,
        Optional<String> requiresPython,
        Yanked yanked,
        CoreMetadataRef coreMetadata,
        OptionalLong size,
        Optional<Instant> uploadTime,
        IndexSource source) {

    public DistFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(url, "url");
        hashes = Map.copyOf(hashes);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yanked, "yanked");
        Objects.requireNonNull(coreMetadata, "coreMetadata");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(uploadTime, "uploadTime");
        Objects.requireNonNull(source, "source");
    }

    /** The published SHA-256 in lower-case hex, if any (what {@code --hash=sha256:} lines record). */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    /** True for {@code .whl} files. */
    public boolean isWheel() {
        return filename.toLowerCase(java.util.Locale.ROOT).endsWith(".whl");
    }

    @Override
    public String toString() {
        return filename + " from " + UrlRedaction.redact(url.toString());
    }
}
