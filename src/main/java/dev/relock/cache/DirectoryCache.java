package dev.relock.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relock.common.FileReplacement;
import dev.relock.common.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/** {@link Cache} in a directory tree; see the package documentation for the layout. */
final class DirectoryCache implements Cache {
    private static final byte[] MAGIC = "relock-cache-entry 2\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final String TEMP_START = ".tmp-";
    private static final String TEMP_SUFFIX = ".part";
    private static final String TEMP_PREFIX = TEMP_START + ProcessHandle.current().pid() + "-";
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final Path root;
    /** Directories whose leftover temporary files this run has already removed. */
    private final Set<Path> swept = ConcurrentHashMap.newKeySet();

    DirectoryCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean mayHold(CacheBucket bucket) {
        return Files.isDirectory(root.resolve(bucket.directoryName()));
    }

    @Override
    public Optional<CacheEntry> read(CacheBucket bucket, String key) {
        Path file = entryPath(bucket, key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(file);
            return Optional.empty();
        }
        Optional<CacheEntry> entry = decode(bytes);
        if (entry.isEmpty()) {
            deleteQuietly(file);
        }
        return entry;
    }

    @Override
    public void write(CacheBucket bucket, String key, CacheMeta meta, byte[] body) {
        writeAtomically(entryPath(bucket, key), encode(meta, body));
    }

    @Override
    public void refresh(CacheBucket bucket, String key, CacheMeta notModified) {
        read(bucket, key).ifPresent(old ->
                write(bucket, key, old.meta().revalidated(notModified), old.body()));
    }

    @Override
    public void remove(CacheBucket bucket, String key) {
        deleteQuietly(entryPath(bucket, key));
        deleteQuietly(blobPath(bucket, key));
    }

    @Override
    public Optional<Path> blob(CacheBucket bucket, String key) {
        Path file = blobPath(bucket, key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<Path> putBlob(CacheBucket bucket, String key, Path source) {
        Path target = blobPath(bucket, key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = newTempFile(target.getParent());
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                moveIntoPlace(temp, target);
            } finally {
                deleteQuietly(temp);
            }
            return Optional.of(target);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    Path entryPath(CacheBucket bucket, String key) {
        String digest = sha256Hex(key.getBytes(StandardCharsets.UTF_8));
        return root.resolve(bucket.directoryName()).resolve(digest.substring(0, 2)).resolve(digest + ".entry");
    }

    private Path blobPath(CacheBucket bucket, String key) {
        String digest = sha256Hex(key.getBytes(StandardCharsets.UTF_8));
        return root.resolve(bucket.directoryName()).resolve(digest.substring(0, 2)).resolve(digest + ".blob");
    }

    /** See {@link Cache#prepare()}: one entry encoded and decoded in memory. */
    static void prepare() {
        CacheMeta meta = new CacheMeta(Optional.of("\"warm-up\""), Optional.empty(), Instant.EPOCH,
                Optional.of(Duration.ZERO), false, Optional.of("text/html"));
        decode(encode(meta, new byte[] {'<', '/', '>'}));
    }

    private static byte[] encode(CacheMeta meta, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 256 + body.length);
        out.writeBytes(MAGIC);
        try (JsonGenerator header = JSON.createGenerator(out)) {
            header.writeStartObject();
            if (meta.etag().isPresent()) {
                header.writeStringField("etag", meta.etag().get());
            }
            if (meta.lastModified().isPresent()) {
                header.writeStringField("lastModified", meta.lastModified().get());
            }
            header.writeNumberField("fetchedAtMillis", meta.fetchedAt().toEpochMilli());
            if (meta.maxAge().isPresent()) {
                header.writeNumberField("maxAgeSeconds", meta.maxAge().get().toSeconds());
            }
            header.writeBooleanField("immutable", meta.immutable());
            if (meta.contentType().isPresent()) {
                header.writeStringField("contentType", meta.contentType().get());
            }
            header.writeNumberField("bodyLength", body.length);
            header.writeStringField("bodyCrc32c", crc32c(body));
            header.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Decodes an entry file; empty if anything about it is off (it will be deleted). */
    private static Optional<CacheEntry> decode(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return Optional.empty();
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return Optional.empty();
            }
        }
        int newline = -1;
        for (int i = MAGIC.length; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(bytes, MAGIC.length, newline - MAGIC.length)) {
            Header h = Header.read(p);
            int bodyLength = bytes.length - newline - 1;
            if (h.bodyLength != bodyLength || h.fetchedAt.isEmpty()) {
                return Optional.empty();
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, newline + 1, bytes.length);
            if (!h.bodyCrc32c.equals(crc32c(body))) {
                return Optional.empty();
            }
            CacheMeta meta = new CacheMeta(h.etag, h.lastModified, h.fetchedAt.get(), h.maxAge,
                    h.immutable, h.contentType);
            return Optional.of(CacheEntry.adopt(meta, body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The header line's fields; unknown fields are skipped, missing ones keep these defaults. */
    private static final class Header {
        Optional<String> etag = Optional.empty();
        Optional<String> lastModified = Optional.empty();
        Optional<Instant> fetchedAt = Optional.empty();
        Optional<Duration> maxAge = Optional.empty();
        boolean immutable;
        Optional<String> contentType = Optional.empty();
        long bodyLength = -1;
        String bodyCrc32c = "";

        static Header read(JsonParser p) throws IOException {
            Header h = new Header();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("header is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                boolean text = value == JsonToken.VALUE_STRING;
                switch (field) {
                    case "etag" -> h.etag = text ? Optional.of(p.getText()) : Optional.empty();
                    case "lastModified" -> h.lastModified = text ? Optional.of(p.getText()) : Optional.empty();
                    case "fetchedAtMillis" -> h.fetchedAt = value == JsonToken.VALUE_NUMBER_INT
                            ? Optional.of(Instant.ofEpochMilli(p.getLongValue())) : Optional.empty();
                    case "maxAgeSeconds" -> h.maxAge = value == JsonToken.VALUE_NUMBER_INT
                            ? Optional.of(Duration.ofSeconds(p.getLongValue())) : Optional.empty();
                    case "immutable" -> h.immutable = value == JsonToken.VALUE_TRUE;
                    case "contentType" -> h.contentType = text ? Optional.of(p.getText()) : Optional.empty();
                    case "bodyLength" -> h.bodyLength = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "bodyCrc32c" -> h.bodyCrc32c = text ? p.getText() : "";
                    default -> p.skipChildren();
                }
            }
            return h;
        }
    }

    private void writeAtomically(Path target, byte[] content) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = newTempFile(target.getParent());
            Files.write(temp, content);
            moveIntoPlace(temp, target);
        } catch (IOException | UncheckedIOException e) {
            // Best effort: an unwritable cache must not fail the command.
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * A new empty file in {@code dir} for a write to be moved into place. Named by process and a
     * counter rather than {@link Files#createTempFile}'s random names, whose SecureRandom set-up is
     * a noticeable cost on a short run; creation still fails rather than reuse an existing file.
     */
    private Path newTempFile(Path dir) throws IOException {
        if (swept.add(dir)) {
            // the first write into a directory removes what killed runs left (their process is gone)
            FileReplacement.removeStale(dir, TEMP_START, TEMP_SUFFIX);
        }
        while (true) {
            Path temp = dir.resolve(TEMP_PREFIX + TEMP_COUNTER.incrementAndGet() + TEMP_SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // left behind by an earlier process that had the same id: take the next number
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            // A file we cannot delete is skipped on the next read the same way.
        }
    }

    /**
     * The body's CRC-32C in hex: it catches truncation and disk corruption, which is all it is
     * for (bodies with a published hash are checked against that hash by their readers), and
     * unlike SHA-256 it costs next to nothing on the start-up path.
     */
    static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Long.toHexString(crc.getValue());
    }

    static String sha256Hex(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
