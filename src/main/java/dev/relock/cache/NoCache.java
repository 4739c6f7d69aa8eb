package dev.relock.cache;

import java.nio.file.Path;
import java.util.Optional;

/** The cache of {@code --no-cache}: stores nothing. */
enum NoCache implements Cache {
    INSTANCE;

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public boolean mayHold(CacheBucket bucket) {
        return false;
    }

    @Override
    public Optional<CacheEntry> read(CacheBucket bucket, String key) {
        return Optional.empty();
    }

    @Override
    public void write(CacheBucket bucket, String key, CacheMeta meta, byte[] body) {
        // Nothing is remembered in --no-cache mode.
    }

    @Override
    public void refresh(CacheBucket bucket, String key, CacheMeta notModified) {
        // Nothing is remembered in --no-cache mode.
    }

    @Override
    public void remove(CacheBucket bucket, String key) {
        // Nothing is remembered in --no-cache mode.
    }

    @Override
    public Optional<Path> blob(CacheBucket bucket, String key) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> putBlob(CacheBucket bucket, String key, Path source) {
        return Optional.empty();
    }
}
