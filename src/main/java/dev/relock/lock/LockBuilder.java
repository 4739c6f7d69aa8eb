package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.common.Sha256;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.reqtxt.Hash;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.Pin;
import dev.relock.reqtxt.PipOptions;
import dev.relock.reqtxt.Trailer;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.ResolvedPackage;
import dev.relock.resolve.Resolution;
import dev.relock.resolve.Via;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link Resolution} into the {@link Lockfile} a compile writes. The options block states
 * the compile's {@link BinaryPolicy} as pip-compile does (the final state, {@code :all:} first, then
 * sorted names). Hashes cover every file of each pinned version (all platforms) except those the
 * policy rules out for the package: pip-compile hashes the candidates its package finder returns,
 * and pip's finder drops wheels under {@code --no-binary} and sdists under {@code --only-binary}
 * (pip-compile 7.x; older releases took every file from PyPI's JSON API).
 */
final class LockBuilder {
    private final CompileRequest request;
    private final IndexSettings index;
    private final PipOptions fileOptions;
    private final BinaryPolicy binary;
    private final IndexClient client;
    private final Map<PackageName, DirectReferences.Output> direct;

    LockBuilder(CompileRequest request, IndexSettings index, PipOptions fileOptions, BinaryPolicy binary,
            IndexClient client, Map<PackageName, DirectReferences.Output> direct) {
        this.request = request;
        this.index = index;
        this.fileOptions = fileOptions;
        this.binary = binary;
        this.client = client;
        this.direct = Map.copyOf(direct);
    }

    Lockfile build(Resolution resolution) {
        Map<DistFile, String> computed = request.settings().generateHashes() ? computeMissingHashes(resolution) : Map.of();
        List<Pin> pins = new ArrayList<>();
        List<Pin> unsafe = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            boolean isUnsafe = Compiler.UNSAFE.contains(p.name());
            Pin pin = pin(p, computed, request.settings().generateHashes() && (request.settings().allowUnsafe() || !isUnsafe));
            (isUnsafe ? unsafe : pins).add(pin);
        }
        boolean hashed = request.settings().generateHashes();
        Optional<Trailer> trailer = unsafe.isEmpty() ? Optional.empty()
                : Optional.of(Compiler.unsafeTrailer(unsafe, request.settings().allowUnsafe(), hashed && !pins.isEmpty()));
        List<String> header = request.settings().header() ? header() : List.of();
        return Lockfile.pipCompile(header, options(), pins, trailer, request.settings().annotationStyle());
    }

    private Pin pin(ResolvedPackage p, Map<DistFile, String> computed, boolean withHashes) {
        List<String> via = new ArrayList<>();
        for (Via v : p.via()) {
            if (v instanceof Via.Parent parent) {
                via.add(parent.name().toString());
            } else if (v instanceof Via.Source source && !source.label().equals(Compiler.UPGRADE_LABEL)) {
                via.add(source.label());
            }
        }
        List<String> extras = p.extras().stream().map(ExtraName::toString).toList();
        Optional<String> marker = p.directMarker().filter(m -> !m.isTrue()).map(Object::toString);
        if (p.direct().isPresent()) {
            DirectReferences.Output output = direct.get(p.name());
            List<Hash> digest = withHashes ? output.sha256().map(d -> List.of(new Hash("sha256", d))).orElse(List.of())
                    : List.of();
            return output.pin(p.name(), extras).withMarker(marker).withHashes(digest).withVia(via);
        }
        List<Hash> hashes = new ArrayList<>();
        if (withHashes) {
            TreeSet<String> digests = new TreeSet<>();
            for (DistFile f : hashed(p)) {
                digests.add(f.sha256().orElseGet(() -> computed.get(f)));
            }
            digests.forEach(d -> hashes.add(new Hash("sha256", d)));
        }
        return Pin.pinned(p.name().toString(), p.version().toString())
                .withExtras(extras)
                .withMarker(marker)
                .withHashes(hashes)
                .withVia(via);
    }

    /**
     * SHA-256 digests of the pinned files whose index listing publishes none (an index with only
     * md5 or sha512, a find-links directory): pip-compile downloads those files and hashes them.
     */
    private Map<DistFile, String> computeMissingHashes(Resolution resolution) {
        List<DistFile> missing = resolution.packages().stream()
                .filter(p -> request.settings().allowUnsafe() || !Compiler.UNSAFE.contains(p.name()))
                .flatMap(p -> hashed(p).stream())
                .filter(f -> f.sha256().isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return Map.of();
        }
        Map<DistFile, String> digests = new ConcurrentHashMap<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("relock-hash");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<CompletableFuture<Void>> downloads = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                DistFile f = missing.get(i);
                Path dest = dir.resolve(i + "-" + f.filename());
                downloads.add(client.downloadAsync(f, dest).thenAccept(path -> {
                    digests.put(f, sha256(path));
                    delete(path);
                }));
            }
            try {
                CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
            return digests;
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(LockBuilder::delete);
            } catch (IOException e) {
                // best effort: the directory lives under the system temp dir
            }
            delete(dir);
        }
    }

    /** The files of {@code p} whose hashes are written: those in a format the binary policy allows for it. */
    private List<DistFile> hashed(ResolvedPackage p) {
        boolean wheels = binary.allowsWheel(p.name());
        boolean sdists = binary.allowsSdist(p.name());
        return p.files().stream().filter(f -> f.isWheel() ? wheels : sdists).toList();
    }

    static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK, "cannot hash " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }

    private LockfileOptions options() {
        Optional<String> indexUrl = request.settings().emitIndexUrl() ? index.recordedIndexUrl() : Optional.empty();
        List<String> extra = request.settings().emitIndexUrl() ? index.recordedExtraIndexUrls() : List.of();
        return new LockfileOptions(indexUrl, extra, index.findLinks(), fileOptions.trustedHosts(),
                binary.noBinaryValues(), binary.onlyBinaryValues());
    }

    private List<String> header() {
        String command = request.customCommand().orElseGet(() -> RecordedCommand.normalized(request.settings(), request.sources(), request.output(), request.workingDirectory()));
        return List.of(
                "#",
                "# This file is autogenerated by relock with Python " + request.target().python(),
                "# by the following command:",
                "#",
                "#    " + command,
                "#");
    }
}
