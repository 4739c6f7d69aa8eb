package dev.relock.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** {@link Cache} in a directory tree; see the package documentation for the layout. */
final class DirectoryCache implements Cache {
    private static final byte[] MAGIC = "relock-cache-entry 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    DirectoryCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    @Override
    public boolean enabled() {
        return true;
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
            Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
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

    private static byte[] encode(CacheMeta meta, byte[] body) {
        ObjectNode header = JSON.createObjectNode();
        meta.etag().ifPresent(v -> header.put("etag", v));
        meta.lastModified().ifPresent(v -> header.put("lastModified", v));
        header.put("fetchedAt", meta.fetchedAt().toString());
        meta.maxAge().ifPresent(v -> header.put("maxAgeSeconds", v.toSeconds()));
        header.put("immutable", meta.immutable());
        meta.contentType().ifPresent(v -> header.put("contentType", v));
        header.put("bodyLength", body.length);
        header.put("bodySha256", sha256Hex(body));
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + headerBytes.length + 1 + body.length);
        out.writeBytes(MAGIC);
        out.writeBytes(headerBytes);
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
        try {
            JsonNode h = JSON.readTree(bytes, MAGIC.length, newline - MAGIC.length);
            byte[] body = java.util.Arrays.copyOfRange(bytes, newline + 1, bytes.length);
            if (h.path("bodyLength").asLong(-1) != body.length
                    || !h.path("bodySha256").asText("").equals(sha256Hex(body))) {
                return Optional.empty();
            }
            CacheMeta meta = new CacheMeta(
                    text(h, "etag"),
                    text(h, "lastModified"),
                    Instant.parse(h.path("fetchedAt").asText()),
                    h.has("maxAgeSeconds")
                            ? Optional.of(Duration.ofSeconds(h.get("maxAgeSeconds").asLong()))
                            : Optional.empty(),
                    h.path("immutable").asBoolean(false),
                    text(h, "contentType"));
            return Optional.of(new CacheEntry(meta, body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode header, String field) {
        JsonNode node = header.get(field);
        return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.asText());
    }

    private static void writeAtomically(Path target, byte[] content) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
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

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
