package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Helpers shared by the index client's integration tests. */
final class Support {
    private Support() {}

    /** Short back-offs so fault tests stay fast. */
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(200));

    /** An {@link IndexLog} that remembers what it was told. */
    static final class RecordingLog implements IndexLog {
        final List<String> debug = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void debug(String message) {
            debug.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * Checks, independently of the cache's own reader, that every entry's body matches the
     * length and CRC-32C in its header, every blob holds the bytes whose hash is its key, and no
     * temporary file was left behind.
     */
    static void assertCacheIntact(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(name).as("leftover file %s", file).matches("[0-9a-f]{64}\\.(entry|blob)");
            if (name.endsWith(".entry")) {
                byte[] bytes = Files.readAllBytes(file);
                int first = indexOf(bytes, 0);
                int second = indexOf(bytes, first + 1);
                JsonNode header = json.readTree(Arrays.copyOfRange(bytes, first + 1, second));
                byte[] body = Arrays.copyOfRange(bytes, second + 1, bytes.length);
                assertThat(body.length).as("body length of %s", file).isEqualTo(header.get("bodyLength").asInt());
                CRC32C crc = new CRC32C();
                crc.update(body);
                assertThat(Long.toHexString(crc.getValue())).as("body checksum of %s", file)
                        .isEqualTo(header.get("bodyCrc32c").asText());
            } else {
                String key = "sha256=" + sha256(Files.readAllBytes(file));
                assertThat(name).as("blob %s holds the bytes its key names", file)
                        .isEqualTo(sha256(key.getBytes(StandardCharsets.UTF_8)) + ".blob");
            }
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        throw new AssertionError("cache entry without header line");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
