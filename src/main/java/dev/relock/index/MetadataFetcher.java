package dev.relock.index;

import dev.relock.cache.CacheBucket;
import dev.relock.cache.CacheMeta;
import dev.relock.common.RelockException;
import dev.relock.metadata.CoreMetadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import okhttp3.Request;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Finds the core metadata of a distribution file, cheapest way first: the cache; PEP 658
 * {@code .metadata} (hash-checked, distrusted on mismatch); a range read of the wheel's zip
 * directory; a full, hash-verified download. Sdists are read for PKG-INFO, which is only
 * trustworthy from Metadata-Version 2.2 on and when the dependencies are not {@code Dynamic}.
 */
final class MetadataFetcher {
    /** Bytes fetched from the end of a wheel in the first range request. */
    static final int TAIL_BYTES = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final ClientContext ctx;
    private final FileFetcher files;

    MetadataFetcher(ClientContext ctx, FileFetcher files) {
        this.ctx = ctx;
        this.files = files;
    }

    /**
     * The validated core metadata of {@code file}: parsed, and naming the file's own project and
     * version. Nothing is cached before it is validated; a cached entry that does not validate is
     * dropped and fetched again.
     */
    CoreMetadata metadata(DistFile file) {
        if ("file".equalsIgnoreCase(file.url().getScheme())) {
            try (LocalCopy copy = files.verifiedCopy(file)) {
                return validated(readLocal(copy.path(), file), file, file.filename());
            }
        }
        String key = cacheKey(file);
        Optional<byte[]> cached = ctx.cache().read(CacheBucket.METADATA, key).map(e -> e.body());
        if (cached.isPresent()) {
            Optional<CoreMetadata> valid = quietlyValidated(cached.get(), file);
            if (valid.isPresent()) {
                return valid.get();
            }
            ctx.log().debug("removing invalid cached metadata of " + file.filename());
            ctx.cache().remove(CacheBucket.METADATA, key);
        }
        if (ctx.offline()) {
            throw new RelockException(RelockException.Kind.NETWORK,
                    "offline: the metadata of " + file.filename() + " is not in the cache");
        }
        Validated found = file.isWheel() ? wheel(file) : sdist(file);
        ctx.cache().write(CacheBucket.METADATA, key, CacheMeta.immutable(ctx.clock().instant()), found.raw());
        return found.parsed();
    }

    /**
     * The core metadata {@code builder} produces for the sdist {@code file}, cached by the sdist's
     * sha256 (a recompile or an {@code --offline} run builds nothing). What the backend wrote must
     * parse and name the sdist's own project and version; anything else fails the build and is
     * never cached.
     */
    CoreMetadata built(DistFile file, SdistBuilder builder, Optional<dev.relock.tags.PythonVersion> targetPython) {
        Optional<String> published = Optional.ofNullable(file.hashes().get("sha256"));
        Optional<CoreMetadata> cached = published.flatMap(hex -> cachedBuild(file, hex));
        if (cached.isPresent()) {
            return cached.get();
        }
        if (ctx.offline() && published.isPresent()) {
            throw new RelockException(RelockException.Kind.NETWORK, "offline: the metadata built from "
                    + file.filename() + " is not in the cache");
        }
        try (LocalCopy copy = files.verifiedCopy(file)) {
            String hex = published.isPresent() ? published.get() : sha256(copy.path());
            if (published.isEmpty()) {
                Optional<CoreMetadata> byContent = cachedBuild(file, hex);
                if (byContent.isPresent()) {
                    return byContent.get();
                }
            }
            byte[] raw = builder.buildMetadata(file, copy.path(), targetPython);
            CoreMetadata parsed;
            try {
                parsed = CoreMetadata.parse(raw, file.filename() + " (built)");
            } catch (RuntimeException e) {
                throw new BuildFailedException(file, "the backend wrote metadata relock cannot read: "
                        + e.getMessage().lines().findFirst().orElse(""), "");
            }
            contradiction(parsed, file).ifPresent(c -> {
                throw new BuildFailedException(file, "the metadata the backend wrote " + c
                        + ", which contradicts the sdist's file name", "");
            });
            ctx.cache().write(CacheBucket.METADATA, builtKey(file, hex), CacheMeta.immutable(ctx.clock().instant()), raw);
            return parsed;
        }
    }

    private Optional<CoreMetadata> cachedBuild(DistFile file, String sha256) {
        String key = builtKey(file, sha256);
        Optional<byte[]> raw = ctx.cache().read(CacheBucket.METADATA, key).map(e -> e.body());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            CoreMetadata parsed = CoreMetadata.parse(raw.get(), file.filename() + " (built)");
            if (contradiction(parsed, file).isEmpty()) {
                return Optional.of(parsed);
            }
        } catch (RuntimeException e) {
            // dropped below and built again
        }
        ctx.log().debug("removing invalid cached built metadata of " + file.filename());
        ctx.cache().remove(CacheBucket.METADATA, key);
        return Optional.empty();
    }

    /** Built metadata is a function of the sdist's bytes: keyed by its sha256 (and name). */
    static String builtKey(DistFile file, String sha256) {
        return "built/sha256=" + sha256.toLowerCase(Locale.ROOT) + "/" + file.filename();
    }

    private static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            java.security.MessageDigest digest = Hashes.digest("sha256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return Hashes.hex(digest.digest());
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK, "cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * Metadata is a function of the file's bytes, so it is keyed by the file's published hash (and
     * name, which the metadata is checked against); a file without a published hash by its URL.
     */
    static String cacheKey(DistFile file) {
        return Hashes.choose(file.hashes())
                .map(e -> e + "/" + file.filename())
                .orElseGet(() -> UrlRedaction.withoutUserinfo(file.url().toString()));
    }

    /** Metadata bytes that parsed and matched their file. */
    private record Validated(byte[] raw, CoreMetadata parsed) {}

    /**
     * Where a wheel's metadata may come from. PEP 658 metadata is trusted when it matches its own
     * published hash (or when neither it nor the wheel has one: nothing could be checked). Bytes
     * read with ranges are never checked against the wheel's hash, so they are used only for a
     * wheel without a published hash; any other wheel is downloaded whole and verified.
     */
    private Validated wheel(DistFile file) {
        boolean fileHashed = Hashes.choose(file.hashes()).isPresent();
        if (file.coreMetadata() instanceof CoreMetadataRef.Present present) {
            Optional<Validated> pep658 = pep658(file, present, fileHashed);
            if (pep658.isPresent()) {
                return pep658.get();
            }
        }
        if (!fileHashed) {
            Optional<byte[]> ranged = rangeRead(file);
            if (ranged.isPresent()) {
                return new Validated(ranged.get(), validated(ranged.get(), file, file.filename()));
            }
        }
        return whole(file);
    }

    private Validated sdist(DistFile file) {
        return whole(file);
    }

    /** Reads the metadata from a whole, hash-verified copy of the file. */
    private Validated whole(DistFile file) {
        try (LocalCopy copy = files.verifiedCopy(file)) {
            byte[] raw = readLocal(copy.path(), file);
            return new Validated(raw, validated(raw, file, file.filename()));
        }
    }

    /**
     * {@code raw} parsed, checked to name the file's own project and version.
     *
     * @throws RelockException NETWORK when the Name or Version contradicts the file name (the index
     *     serves bad data), or the parser's error when the bytes are not core metadata
     */
    private CoreMetadata validated(byte[] raw, DistFile file, String source) {
        CoreMetadata parsed = ctx.cpu().run(() -> CoreMetadata.parse(raw, file.filename()));
        Optional<String> contradiction = contradiction(parsed, file);
        if (contradiction.isPresent()) {
            throw new RelockException(RelockException.Kind.NETWORK, source + " from "
                    + UrlRedaction.redact(file.url().toString()) + ": its METADATA " + contradiction.get()
                    + ", which contradicts the file name; the index serves bad data, refusing it");
        }
        return parsed;
    }

    /** How {@code parsed} contradicts the file's name and version ("has Name 'x'"), if it does. */
    private static Optional<String> contradiction(CoreMetadata parsed, DistFile file) {
        if (!parsed.name().equals(file.parsed().name())) {
            return Optional.of("has Name '" + sanitize(parsed.name().value()) + "'");
        }
        if (!parsed.version().equals(file.parsed().version())) {
            return Optional.of("has Version '" + sanitize(parsed.version().toString()) + "'");
        }
        return Optional.empty();
    }

    /** Like {@link #validated} but silent: for cached bytes, which are simply fetched again. */
    private Optional<CoreMetadata> quietlyValidated(byte[] raw, DistFile file) {
        try {
            return Optional.of(validated(raw, file, file.filename()));
        } catch (RelockException e) {
            return Optional.empty();
        }
    }

    private static String sanitize(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    private Optional<Validated> pep658(DistFile file, CoreMetadataRef.Present present, boolean fileHashed) {
        Optional<Hashes.Expected> expected = Hashes.choose(present.hashes());
        String what = "PEP 658 metadata of " + file.filename();
        if (expected.isEmpty() && fileHashed) {
            ctx.log().debug(what + " has no published hash; reading the verified wheel instead");
            return Optional.empty();
        }
        URI url = URI.create(file.url() + ".metadata");
        Optional<byte[]> body;
        try {
            body = ctx.transport().execute(new Request.Builder().url(url.toString()).build(), what, response -> {
                if (response.code() == 200) {
                    return Optional.of(Bodies.bytes(response));
                }
                ctx.log().debug(what + ": HTTP " + response.code() + "; reading the wheel instead");
                return Optional.empty();
            });
        } catch (RelockException e) {
            ctx.log().warn(e.getMessage() + "; reading the wheel instead");
            return Optional.empty();
        }
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (expected.isPresent()) {
            String actual = Hashes.hex(expected.get().newDigest().digest(body.get()));
            if (!actual.equalsIgnoreCase(expected.get().hex())) {
                ctx.log().warn("ignoring the " + what + ": hash mismatch (index says " + expected.get() + ", got "
                        + expected.get().algorithm() + "=" + actual + "); reading the wheel instead");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Validated(body.get(), validated(body.get(), file, "the " + what)));
        } catch (RelockException e) {
            ctx.log().warn("ignoring the " + what + ": " + (e.kind() == RelockException.Kind.NETWORK
                    ? "its Name or Version contradicts the file name" : "it is not valid core metadata")
                    + "; reading the wheel instead");
            return Optional.empty();
        }
    }

    /** The wheel's tail, or the whole wheel when the server ignored the range. */
    private sealed interface TailOrWhole permits Tail, Whole, NoRanges {}

    private record Tail(byte[] bytes, long totalSize) implements TailOrWhole {}

    private record Whole(LocalCopy copy) implements TailOrWhole {}

    private record NoRanges() implements TailOrWhole {}

    private Optional<byte[]> rangeRead(DistFile file) {
        String what = "range read of " + file.filename();
        Request request = new Request.Builder().url(file.url().toString())
                .header("Range", "bytes=-" + TAIL_BYTES)
                .header("Accept-Encoding", "identity")
                .build();
        TailOrWhole result = ctx.transport().execute(request, what, response -> {
            if (response.code() == 206) {
                Matcher m = CONTENT_RANGE.matcher(Optional.ofNullable(response.header("Content-Range")).orElse(""));
                if (!m.matches()) {
                    return new NoRanges();
                }
                byte[] bytes = Bodies.bytes(response);
                long total = Long.parseLong(m.group(3));
                if (Long.parseLong(m.group(2)) != total - 1 || bytes.length != total - Long.parseLong(m.group(1))) {
                    return new NoRanges();
                }
                return new Tail(bytes, total);
            }
            if (response.code() == 200) {
                return new Whole(files.receive(file, response, Hashes.choose(file.hashes())));
            }
            return new NoRanges();
        });
        if (result instanceof Whole whole) {
            try (LocalCopy copy = whole.copy()) {
                return Optional.of(readLocal(copy.path(), file));
            }
        }
        if (result instanceof Tail tail) {
            try {
                RemoteZip zip = new RemoteZip(tail.bytes(), tail.totalSize(), (start, end) -> fetchRange(file, start, end));
                List<RemoteZip.Entry> entries = zip.entries();
                List<String> names = entries.stream().map(RemoteZip.Entry::name).toList();
                String name = metadataEntry(names, file.filename());
                return Optional.of(zip.read(entries.get(names.indexOf(name))));
            } catch (IOException e) {
                ctx.log().debug(what + " failed (" + e.getMessage() + "); downloading the whole wheel");
                return Optional.empty();
            }
        }
        ctx.log().debug(what + ": the server does not serve ranges; downloading the whole wheel");
        return Optional.empty();
    }

    private byte[] fetchRange(DistFile file, long start, long end) throws IOException {
        Request request = new Request.Builder().url(file.url().toString())
                .header("Range", "bytes=" + start + "-" + (end - 1))
                .header("Accept-Encoding", "identity")
                .build();
        Optional<byte[]> bytes = ctx.transport().execute(request, "range read of " + file.filename(),
                response -> response.code() == 206 ? Optional.of(Bodies.bytes(response)) : Optional.empty());
        return bytes.orElseThrow(() -> new RemoteZip.ZipFormatException("the server stopped serving ranges"));
    }

    /** Reads METADATA from a local wheel or PKG-INFO from a local sdist. */
    private byte[] readLocal(Path path, DistFile file) {
        String lower = file.filename().toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".whl") || lower.endsWith(".zip")) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    List<String> names = new ArrayList<>();
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        names.add(e.nextElement().getName());
                    }
                    String name = lower.endsWith(".whl")
                            ? metadataEntry(names, file.filename()) : pkgInfoEntry(names, file.filename());
                    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                        return in.readAllBytes();
                    }
                }
            }
            if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
                try (InputStream raw = new BufferedInputStream(Files.newInputStream(path));
                        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        if (entry.isFile() && isTopLevelPkgInfo(entry.getName())) {
                            return tar.readAllBytes();
                        }
                    }
                }
                throw new MetadataUnavailableException(file.filename() + " has no PKG-INFO; relock cannot build"
                        + " source distributions to learn their dependencies");
            }
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK,
                    file.filename() + " is not a readable archive: " + HttpTransport.describe(e));
        }
        throw new MetadataUnavailableException(file.filename() + ": unsupported archive format; relock reads"
                + " wheels, .tar.gz and .zip source distributions");
    }

    /** The {@code *.dist-info/METADATA} entry of a wheel, preferring the one its file name implies. */
    static String metadataEntry(List<String> names, String filename) throws RemoteZip.ZipFormatException {
        String[] parts = filename.split("-");
        String implied = parts.length >= 2 ? parts[0] + "-" + parts[1] + ".dist-info/METADATA" : "";
        List<String> candidates = new ArrayList<>();
        for (String name : names) {
            if (name.equalsIgnoreCase(implied)) {
                return name;
            }
            int slash = name.indexOf('/');
            if (slash > 0 && name.indexOf('/', slash + 1) < 0 && name.endsWith(".dist-info/METADATA")) {
                candidates.add(name);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new RemoteZip.ZipFormatException(filename + " has " + candidates.size() + " .dist-info/METADATA entries");
    }

    private static String pkgInfoEntry(List<String> names, String filename) {
        return names.stream().filter(MetadataFetcher::isTopLevelPkgInfo).findFirst()
                .orElseThrow(() -> new MetadataUnavailableException(filename + " has no PKG-INFO; relock cannot"
                        + " build source distributions to learn their dependencies"));
    }

    private static boolean isTopLevelPkgInfo(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        int slash = n.indexOf('/');
        return slash > 0 && n.substring(slash + 1).equals("PKG-INFO");
    }
}
