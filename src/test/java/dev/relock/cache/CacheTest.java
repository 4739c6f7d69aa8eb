package dev.relock.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;

    static Stream<Arguments> cacheControlCases() {
        return Stream.of(
                Arguments.of("max-age=600, public", 599, Freshness.FRESH),
                Arguments.of("max-age=600, public", 600, Freshness.STALE),
                Arguments.of("no-cache", 0, Freshness.STALE),
                Arguments.of("max-age=600, no-cache", 1, Freshness.STALE),
                Arguments.of("max-age=31536000, immutable", 999_999_999, Freshness.FRESH),
                Arguments.of("", 0, Freshness.STALE),
                Arguments.of("max-age=bogus", 0, Freshness.STALE));
    }

    @ParameterizedTest(name = "Cache-Control \"{0}\" after {1}s is {2}")
    @MethodSource("cacheControlCases")
    void cacheControlDecidesFreshness(String header, long ageSeconds, Freshness expected) {
        CacheMeta meta = CacheMeta.fromHeaders(
                Optional.empty(), Optional.empty(), Optional.of(header), Optional.empty(), T0);
        assertThat(meta.freshness(T0.plusSeconds(ageSeconds))).isEqualTo(expected);
    }

    @Test
    void noStoreForbidsStoringButNoCacheDoesNot() {
        assertThat(CacheMeta.forbidsStoring(Optional.of("private, no-store"))).isTrue();
        assertThat(CacheMeta.forbidsStoring(Optional.of("no-cache"))).isFalse();
        assertThat(CacheMeta.forbidsStoring(Optional.empty())).isFalse();
    }

    @Test
    void anEntryRoundTripsWithItsMetadata() {
        Cache cache = Cache.at(root);
        CacheMeta meta = new CacheMeta(Optional.of("\"abc\""), Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"),
                T0, Optional.of(Duration.ofSeconds(600)), false, Optional.of("text/html"));
        cache.write(CacheBucket.SIMPLE, "https://example.org/simple/a/", meta, bytes("<html>"));

        assertThat(cache.read(CacheBucket.SIMPLE, "https://example.org/simple/a/"))
                .contains(new CacheEntry(meta, bytes("<html>")));
        assertThat(cache.freshness(CacheBucket.SIMPLE, "https://example.org/simple/a/", T0.plusSeconds(10)))
                .isEqualTo(Freshness.FRESH);
        assertThat(cache.freshness(CacheBucket.METADATA, "https://example.org/simple/a/", T0))
                .isEqualTo(Freshness.MISSING);
        assertThat(root.resolve("simple-v1")).isDirectory();
    }

    @Test
    void refreshKeepsTheBodyAndTakesTheNewDates() {
        Cache cache = Cache.at(root);
        CacheMeta old = new CacheMeta(Optional.of("\"v1\""), Optional.empty(), T0,
                Optional.of(Duration.ofSeconds(60)), false, Optional.of("application/json"));
        cache.write(CacheBucket.SIMPLE, "k", old, bytes("{}"));
        Instant later = T0.plusSeconds(3600);
        cache.refresh(CacheBucket.SIMPLE, "k", CacheMeta.fromHeaders(
                Optional.empty(), Optional.empty(), Optional.of("max-age=60"), Optional.empty(), later));

        CacheEntry entry = cache.read(CacheBucket.SIMPLE, "k").orElseThrow();
        assertThat(entry.body()).isEqualTo(bytes("{}"));
        assertThat(entry.meta().etag()).contains("\"v1\"");
        assertThat(entry.meta().contentType()).contains("application/json");
        assertThat(entry.freshness(later.plusSeconds(30))).isEqualTo(Freshness.FRESH);
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("truncated body", (Corruptor) b -> java.util.Arrays.copyOf(b, b.length - 3)),
                Arguments.of("flipped body byte", (Corruptor) b -> {
                    b[b.length - 1] ^= 1;
                    return b;
                }),
                Arguments.of("garbage", (Corruptor) b -> bytes("not a cache entry")),
                Arguments.of("empty file", (Corruptor) b -> new byte[0]),
                Arguments.of("header cut off", (Corruptor) b -> java.util.Arrays.copyOf(b, 30)),
                Arguments.of("the format of an older relock", (Corruptor) b -> bytes(new String(b,
                        java.nio.charset.StandardCharsets.UTF_8).replace("relock-cache-entry 2", "relock-cache-entry 1"))));
    }

    interface Corruptor {
        byte[] corrupt(byte[] original);
    }

    @ParameterizedTest(name = "a cache entry with {0} is deleted and reads as missing")
    @MethodSource("corruptions")
    void aCorruptEntryIsDeletedAndReadsAsMissing(String what, Corruptor corruptor) throws IOException {
        DirectoryCache cache = new DirectoryCache(root);
        cache.write(CacheBucket.METADATA, "k", CacheMeta.immutable(T0), bytes("Metadata-Version: 2.1\n"));
        Path file = cache.entryPath(CacheBucket.METADATA, "k");
        Files.write(file, corruptor.corrupt(Files.readAllBytes(file)));

        assertThat(cache.read(CacheBucket.METADATA, "k")).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        Cache cache = Cache.at(root);
        for (int i = 0; i < 20; i++) {
            cache.write(CacheBucket.SIMPLE, "k" + i, CacheMeta.immutable(T0), bytes("body " + i));
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .hasSize(20)
                    .allMatch(name -> name.endsWith(".entry"));
        }
    }

    @Test
    void blobsAreCopiedInAndFoundAgain() throws IOException {
        Cache cache = Cache.at(root);
        Path source = Files.writeString(root.resolve("a.whl"), "wheel bytes");
        Path stored = cache.putBlob(CacheBucket.WHEELS, "sha256=00ff", source).orElseThrow();

        assertThat(cache.blob(CacheBucket.WHEELS, "sha256=00ff")).contains(stored);
        assertThat(stored).hasContent("wheel bytes");
        assertThat(cache.blob(CacheBucket.WHEELS, "sha256=other")).isEmpty();
    }

    @Test
    void aBucketMayHoldEntriesOnlyOnceOneWasWritten() {
        DirectoryCache cache = new DirectoryCache(root);
        assertThat(cache.mayHold(CacheBucket.SIMPLE)).isFalse();
        cache.write(CacheBucket.SIMPLE, "k", CacheMeta.immutable(T0), bytes("{}"));
        assertThat(cache.mayHold(CacheBucket.SIMPLE)).isTrue();
        assertThat(cache.mayHold(CacheBucket.METADATA)).isFalse();
        assertThat(Cache.disabled().mayHold(CacheBucket.SIMPLE)).isFalse();
    }

    @Test
    void theDisabledCacheRemembersNothing() throws IOException {
        Cache cache = Cache.disabled();
        cache.write(CacheBucket.SIMPLE, "k", CacheMeta.immutable(T0), bytes("x"));
        Path source = Files.writeString(root.resolve("a.whl"), "wheel bytes");

        assertThat(cache.enabled()).isFalse();
        assertThat(cache.read(CacheBucket.SIMPLE, "k")).isEmpty();
        assertThat(cache.freshness(CacheBucket.SIMPLE, "k", T0)).isEqualTo(Freshness.MISSING);
        assertThat(cache.putBlob(CacheBucket.WHEELS, "k", source)).isEmpty();
    }

    @Test
    void anUnwritableCacheDirectoryIsNotAnError() throws IOException {
        Path file = Files.writeString(root.resolve("occupied"), "a file where the cache should be");
        Cache cache = Cache.at(file);
        cache.write(CacheBucket.SIMPLE, "k", CacheMeta.immutable(T0), bytes("x"));
        assertThat(cache.read(CacheBucket.SIMPLE, "k")).isEmpty();
    }

    static Stream<Arguments> defaultRoots() {
        Path home = Path.of("/home/u");
        return Stream.of(
                Arguments.of(Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", home, Path.of("/xdg/relock")),
                Arguments.of(Map.of("XDG_CACHE_HOME", "relative"), "Linux", home, Path.of("/home/u/.cache/relock")),
                Arguments.of(Map.of(), "Linux", home, Path.of("/home/u/.cache/relock")),
                Arguments.of(Map.of(), "Mac OS X", home, Path.of("/home/u/Library/Caches/relock")),
                Arguments.of(Map.of("LOCALAPPDATA", "/appdata"), "Windows 11", home,
                        Path.of("/appdata/relock/cache")));
    }

    @ParameterizedTest(name = "{0} on {1} caches in {3}")
    @MethodSource("defaultRoots")
    void theDefaultRootFollowsPlatformConventions(Map<String, String> env, String os, Path home, Path expected) {
        assertThat(Cache.defaultRoot(env, home, os)).isEqualTo(expected);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
