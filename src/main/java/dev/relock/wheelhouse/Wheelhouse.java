package dev.relock.wheelhouse;

import dev.relock.common.FileReplacement;
import dev.relock.common.RelockException;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.ProjectPage;
import dev.relock.name.PackageName;
import dev.relock.reqtxt.Hash;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a verified wheelhouse: a flat directory of the files a lockfile's hashes allow, chosen
 * for one or more targets, so that pip can install the lockfile from it without a network.
 *
 * <p>Steps: read the pins (every pin needs hashes), fetch the project pages in parallel, choose
 * the files ({@link FileChoice}), then for each file either keep the copy already in the
 * directory when its hash matches (no request at all) or download it in parallel to a hidden
 * temporary file in the directory, check it against the lockfile's hash and only then rename it
 * into place. A file whose bytes do not match never appears under its real name. The manifest is
 * written last, only when every file is in place.
 *
 * <p>Failures are {@link RelockException}s: BAD_INPUT for a lockfile that cannot be bundled or
 * cannot serve a target, NETWORK for index failures and for files whose bytes do not match the
 * lockfile (the index served something other than what was locked).
 */
public final class Wheelhouse {
    private static final String PART_PREFIX = ".relock-";
    private static final String PART_SUFFIX = ".part";

    private final IndexClient client;
    private final Consumer<String> status;

    /**
     * A builder that downloads through {@code client} and reports progress lines to {@code status}
     * (which must be thread-safe).
     */
    public Wheelhouse(IndexClient client, Consumer<String> status) {
        this.client = Objects.requireNonNull(client, "client");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Builds or brings up to date the wheelhouse {@code request} describes.
     *
     * @throws RelockException as described in the class documentation; the directory then holds
     *     only verified files (possibly fewer than needed) and its previous manifest
     */
    public WheelhouseResult build(WheelhouseRequest request) {
        List<LockedPin> pins = Planner.lockedPins(request.lockfile(), request.targets());
        Map<PackageName, ProjectPage> pages = pages(Planner.needed(pins, request.choice()));
        Planner.Plan plan = Planner.plan(pins, pages, request.choice(), request.includeSdists());
        Path dir = request.directory().toAbsolutePath().normalize();
        checkNames(plan.files(), dir);
        prepare(dir);
        List<FileOutcome> outcomes = fetch(plan.files(), dir);
        WheelhouseManifest manifest = new WheelhouseManifest(request.relockVersion(), request.lockfileLabel(),
                lockfileSha256(request.lockfilePath()),
                request.targets().stream().map(WheelhouseManifest.TargetEntry::of).toList(),
                outcomes.stream().map(FileOutcome::entry).toList());
        try {
            manifest.writeTo(dir);
        } catch (IOException e) {
            throw local(dir.resolve(WheelhouseManifest.FILENAME), "cannot write the manifest", e);
        }
        return new WheelhouseResult(dir, manifest, outcomes, extraFiles(dir, manifest), plan.warnings());
    }

    private Map<PackageName, ProjectPage> pages(List<LockedPin> pins) {
        Map<PackageName, CompletableFuture<ProjectPage>> pending = new LinkedHashMap<>();
        for (LockedPin pin : pins) {
            pending.computeIfAbsent(pin.name(), client::projectAsync);
        }
        status.accept("wheelhouse: reading " + pending.size() + " project pages");
        Map<PackageName, ProjectPage> pages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        pending.forEach((name, future) -> {
            try {
                pages.put(name, future.join());
            } catch (CompletionException e) {
                problems.add(problem(e.getCause()));
            }
        });
        Problems.throwIfAny(RelockException.Kind.NETWORK, "cannot read the index", problems);
        return pages;
    }

    /** A malicious or broken index must not make a file land outside the directory or over the manifest. */
    private static void checkNames(List<PlannedFile> files, Path dir) {
        List<String> problems = new ArrayList<>();
        for (PlannedFile file : files) {
            String name = file.filename();
            Path resolved = dir.resolve(name).normalize();
            if (name.startsWith(".") || name.equals(WheelhouseManifest.FILENAME) || name.contains("/")
                    || name.contains("\\") || !dir.equals(resolved.getParent())) {
                problems.add(file.pin().label() + ": the index lists a file named '" + name
                        + "', which cannot be stored in a wheelhouse");
            }
        }
        Problems.throwIfAny(RelockException.Kind.NETWORK, "unusable file names", problems);
    }

    /** Creates the directory and removes temporary files an interrupted run left behind. */
    private static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            FileReplacement.removeStale(dir, PART_PREFIX, PART_SUFFIX, true);
        } catch (IOException e) {
            throw local(dir, "cannot use the wheelhouse directory", e);
        }
    }

    private List<FileOutcome> fetch(List<PlannedFile> files, Path dir) {
        List<String> problems = new ArrayList<>();
        Map<PlannedFile, FileOutcome> present = new LinkedHashMap<>();
        Map<PlannedFile, Optional<String>> missing = new LinkedHashMap<>();
        for (PlannedFile file : files) {
            Path dest = dir.resolve(file.filename());
            try {
                if (Files.isRegularFile(dest)) {
                    Map<String, String> digests = Digests.of(dest, algorithms(file.expected()));
                    if (digests.get(file.expected().algorithm()).equals(file.expected().digest())) {
                        present.put(file, new FileOutcome(entry(file, digests.get("sha256")), Action.PRESENT,
                                Optional.empty()));
                    } else {
                        missing.put(file, Optional.of(digests.get("sha256")));
                    }
                } else if (Files.exists(dest)) {
                    problems.add(dest + " exists and is not a regular file");
                } else {
                    missing.put(file, Optional.empty());
                }
            } catch (IOException e) {
                problems.add(local(dest, "cannot read", e).getMessage());
            }
        }
        Problems.throwIfAny(RelockException.Kind.BAD_INPUT, "the wheelhouse directory is unusable", problems);
        int total = missing.size();
        AtomicInteger done = new AtomicInteger();
        status.accept("wheelhouse: downloading " + total + " of " + files.size() + " files");
        Map<PlannedFile, CompletableFuture<FileOutcome>> downloads = new LinkedHashMap<>();
        missing.forEach((file, wrongSha256) -> downloads.put(file,
                download(file, dir.resolve(file.filename()), wrongSha256).whenComplete((outcome, error) ->
                        status.accept("wheelhouse: downloaded " + done.incrementAndGet() + " of " + total + " files"))));
        List<FileOutcome> outcomes = new ArrayList<>();
        for (PlannedFile file : files) {
            if (present.containsKey(file)) {
                outcomes.add(present.get(file));
                continue;
            }
            try {
                outcomes.add(downloads.get(file).join());
            } catch (CompletionException e) {
                problems.add(problem(e.getCause()));
            }
        }
        Problems.throwIfAny(RelockException.Kind.NETWORK, "the wheelhouse is incomplete", problems);
        return outcomes;
    }

    /**
     * Downloads {@code file} to a hidden temporary file next to {@code dest}, checks it against the
     * lockfile's hash and renames it into place; the temporary file never outlives the attempt.
     */
    private CompletableFuture<FileOutcome> download(PlannedFile file, Path dest, Optional<String> wrongSha256) {
        Path part;
        Optional<Set<PosixFilePermission>> mode;
        try {
            part = FileReplacement.createTemp(dest.getParent(), PART_PREFIX, PART_SUFFIX);
            // a replaced file keeps its mode, a new one gets the umask's (what the new empty file has)
            mode = FileReplacement.permissions(dest).or(() -> FileReplacement.permissions(part));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(local(dest.getParent(), "cannot write to", e));
        }
        // The client checks the bytes against the hash it is given: give it the lockfile's.
        DistFile locked = withOnlyHash(file.file(), file.expected());
        return client.downloadAsync(locked, part).handle((ignored, error) -> {
            try {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    throw new RelockException(RelockException.Kind.NETWORK, file.pin().label() + ": "
                            + file.filename() + " could not be fetched as the lockfile pins it: " + problem(cause),
                            cause);
                }
                Map<String, String> digests = Digests.of(part, algorithms(file.expected()));
                String actual = digests.get(file.expected().algorithm());
                if (!actual.equals(file.expected().digest())) {
                    throw new RelockException(RelockException.Kind.NETWORK, file.pin().label() + ": "
                            + file.filename() + " does not match the lockfile: expected " + file.expected()
                            + ", got " + file.expected().algorithm() + ":" + actual + "; it was not added");
                }
                if (mode.isPresent()) {
                    Files.setPosixFilePermissions(part, mode.get());
                }
                FileReplacement.moveIntoPlace(part, dest);
                return new FileOutcome(entry(file, digests.get("sha256")),
                        wrongSha256.isPresent() ? Action.REPLACED : Action.DOWNLOADED, wrongSha256);
            } catch (IOException e) {
                throw local(dest, "cannot write", e);
            } finally {
                deleteQuietly(part);
            }
        });
    }

    private static DistFile withOnlyHash(DistFile f, Hash hash) {
        return new DistFile(f.filename(), f.parsed(), f.url(), Map.of(hash.algorithm(), hash.digest()),
                f.requiresPython(), f.yanked(), f.coreMetadata(), f.size(), f.uploadTime(), f.source());
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // The next run removes leftover temporary files; pip ignores them meanwhile.
        }
    }

    private static Set<String> algorithms(Hash expected) {
        Set<String> algorithms = new HashSet<>(Set.of("sha256"));
        algorithms.add(expected.algorithm());
        return algorithms;
    }

    private static WheelhouseManifest.Entry entry(PlannedFile file, String sha256) {
        return new WheelhouseManifest.Entry(file.filename(), file.pin().name().toString(), file.pin().pin().target(),
                sha256, file.targets().stream().map(Target::toString).toList());
    }

    private static String lockfileSha256(Path lockfile) {
        try {
            return Digests.sha256(lockfile);
        } catch (IOException e) {
            throw local(lockfile, "cannot read", e);
        }
    }

    private static List<String> extraFiles(Path dir, WheelhouseManifest manifest) {
        Set<String> known = new HashSet<>();
        manifest.files().forEach(e -> known.add(e.filename()));
        known.add(WheelhouseManifest.FILENAME);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !known.contains(name))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw local(dir, "cannot list", e);
        }
    }

    /** The message of a user-facing failure; anything else is a bug and propagates unchanged. */
    private static String problem(Throwable error) {
        if (error instanceof RelockException re) {
            return re.getMessage();
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }

    private static RelockException local(Path path, String what, IOException e) {
        return new RelockException(RelockException.Kind.BAD_INPUT, what + " " + path + " ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
}
