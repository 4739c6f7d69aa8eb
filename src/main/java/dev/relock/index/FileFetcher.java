package dev.relock.index;

import dev.relock.cache.CacheBucket;
import dev.relock.common.RelockException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;

/** Downloads distribution files, verifies them and keeps them in the wheels bucket. */
final class FileFetcher {
    private final ClientContext ctx;

    FileFetcher(ClientContext ctx) {
        this.ctx = ctx;
    }

    /** Downloads {@code file} into {@code dest}: verified first, then moved into place atomically. */
    void download(DistFile file, Path dest) {
        Path target = dest.toAbsolutePath();
        try (LocalCopy copy = verifiedCopy(file)) {
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), ".relock-", ".part");
            try {
                Files.copy(copy.path(), part, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK,
                    "cannot write " + target + ": " + HttpTransport.describe(e));
        }
    }

    /**
     * A local copy of {@code file} whose bytes match the index's hash: the file itself for
     * find-links directories, the cached copy, or a fresh download.
     */
    LocalCopy verifiedCopy(DistFile file) {
        Optional<Hashes.Expected> expected = Hashes.choose(file.hashes());
        if ("file".equalsIgnoreCase(file.url().getScheme())) {
            Path path = Path.of(file.url());
            if (expected.isPresent() && !matches(path, expected.get())) {
                throw new RelockException(RelockException.Kind.NETWORK,
                        file.filename() + ": " + path + " changed since it was listed (hash mismatch)");
            }
            return new LocalCopy(path, false);
        }
        Optional<String> key = expected.map(Hashes.Expected::toString);
        if (key.isPresent()) {
            Optional<Path> blob = ctx.cache().blob(CacheBucket.WHEELS, key.get());
            if (blob.isPresent() && matches(blob.get(), expected.get())) {
                return new LocalCopy(blob.get(), false);
            }
            blob.ifPresent(b -> ctx.cache().remove(CacheBucket.WHEELS, key.get()));
        }
        if (ctx.offline()) {
            throw new RelockException(RelockException.Kind.NETWORK,
                    "offline: " + file.filename() + " is not in the cache");
        }
        if (expected.isEmpty()) {
            ctx.log().debug(file.filename() + " has no published hash; it cannot be verified");
        }
        Request request = new Request.Builder().url(file.url().toString()).build();
        return ctx.transport().execute(request, "download of " + file.filename(), response -> {
            if (response.code() != 200) {
                throw new RelockException(RelockException.Kind.NETWORK, "download of " + file.filename() + ": "
                        + UrlRedaction.redact(file.url().toString()) + " answered HTTP " + response.code());
            }
            return receive(file, response, expected);
        });
    }

    /** Streams a 200 response's body to a verified local copy (cached when the file has a hash). */
    LocalCopy receive(DistFile file, Response response, Optional<Hashes.Expected> expected) throws IOException {
        Path temp = Files.createTempFile("relock-", ".part");
        try {
            Bodies.toFile(response, temp, expected);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (expected.isPresent()) {
            Optional<Path> stored = ctx.cache().putBlob(CacheBucket.WHEELS, expected.get().toString(), temp);
            if (stored.isPresent()) {
                Files.deleteIfExists(temp);
                return new LocalCopy(stored.get(), false);
            }
        }
        return new LocalCopy(temp, true);
    }

    private static boolean matches(Path path, Hashes.Expected expected) {
        var digest = expected.newDigest();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return Hashes.hex(digest.digest()).equalsIgnoreCase(expected.hex());
    }
}
