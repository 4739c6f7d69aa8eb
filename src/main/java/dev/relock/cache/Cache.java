package dev.relock.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * relock's persistent cache. Entries are addressed by a bucket and a caller-chosen key (usually
 * a URL without credentials, plus a hash for immutable files). Reads never fail: an unreadable
 * or corrupt entry is deleted and reported as absent. Writes are atomic and best-effort: a full
 * disk or a read-only cache directory only costs the caching, never the command.
 *
 * <p>Thread-safe; several threads and several relock processes may share one directory.
 */
public interface Cache {

    /** A cache stored under {@code root} (created on first write). */
    static Cache at(Path root) {
        return new DirectoryCache(root);
    }

    /**
     * Loads and initializes the entry codec (the JSON header's parser and generator, and through
     * them {@code java.math.BigDecimal}, whose initializer alone costs about 20 ms on JDK 25; the
     * body checksum), in memory, touching no file. A run calls it on a background thread so that
     * this one-time cost overlaps its start-up instead of delaying its first cache read.
     */
    static void prepare() {
        DirectoryCache.prepare();
    }

    /** The {@code --no-cache} cache: remembers nothing, every read misses. */
    static Cache disabled() {
        return NoCache.INSTANCE;
    }

    /**
     * The platform's default cache directory for relock: {@code $XDG_CACHE_HOME/relock} when set,
     * else {@code %LOCALAPPDATA%\relock\cache} on Windows, {@code ~/Library/Caches/relock} on
     * macOS and {@code ~/.cache/relock} elsewhere.
     *
     * @param env the environment (injected so tests need not touch the real one)
     * @param userHome the user's home directory
     * @param osName the value of the {@code os.name} system property
     */
    static Path defaultRoot(Map<String, String> env, Path userHome, String osName) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "relock");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        String localAppData = env.getOrDefault("LOCALAPPDATA", "");
        if (os.startsWith("windows") && !localAppData.isBlank()) {
            return Path.of(localAppData, "relock", "cache");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Caches").resolve("relock");
        }
        return userHome.resolve(".cache").resolve("relock");
    }

    /** False for {@link #disabled()}. */
    boolean enabled();

    /**
     * Whether {@code bucket} may hold entries: a cheap look (no entry is read), for guessing early
     * whether a run will be answered from the cache. Always false for {@link #disabled()}.
     */
    boolean mayHold(CacheBucket bucket);

    /** The entry stored under {@code key}, if present and intact. */
    Optional<CacheEntry> read(CacheBucket bucket, String key);

    /** FRESH, STALE or MISSING for {@code key} at {@code now}. */
    default Freshness freshness(CacheBucket bucket, String key, Instant now) {
        return read(bucket, key).map(e -> e.freshness(now)).orElse(Freshness.MISSING);
    }

    /** Stores (or replaces) {@code key} atomically. */
    void write(CacheBucket bucket, String key, CacheMeta meta, byte[] body);

    /**
     * Replaces only the metadata of an existing entry (after a 304 Not Modified), keeping its
     * body. Does nothing if the entry is gone.
     */
    void refresh(CacheBucket bucket, String key, CacheMeta notModified);

    /** Removes the entry and the blob stored under {@code key}, if present. */
    void remove(CacheBucket bucket, String key);

    /** The path of a stored whole file (see {@link #putBlob}), if present. */
    Optional<Path> blob(CacheBucket bucket, String key);

    /**
     * Moves the already verified file {@code source} into the cache under {@code key}.
     *
     * @return the cached file, or empty if the cache is disabled or the move failed (the source
     *     is then left where it was)
     */
    Optional<Path> putBlob(CacheBucket bucket, String key, Path source);
}
