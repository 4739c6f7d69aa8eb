package dev.relock.verify;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.BuildFailedException;
import dev.relock.index.MetadataUnavailableException;
import dev.relock.index.ProjectPage;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Target;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the index says about a lockfile's pins, fetched all at once and concurrently: every pinned
 * project's page and, when asked, the core metadata of every pinned version.
 */
public final class IndexSnapshot {
    /**
     * The core metadata of one pinned version, or why it is not known.
     *
     * @param metadata the metadata, when it could be read
     * @param problem why not (for example an sdist that needs a build); empty when present
     */
    public record MetadataOutcome(Optional<CoreMetadata> metadata, String problem) {}

    /** A pinned version. */
    record Key(PackageName name, Version version) {}

    private final Map<PackageName, ProjectPage> pages;
    private final Map<Key, MetadataOutcome> metadata;

    IndexSnapshot(Map<PackageName, ProjectPage> pages, Map<Key, MetadataOutcome> metadata) {
        this.pages = Map.copyOf(pages);
        this.metadata = Map.copyOf(metadata);
    }

    /**
     * Fetches the pages of {@code pins} (and their metadata when {@code withMetadata}) concurrently
     * through {@code client}'s async API.
     *
     * @throws RelockException (NETWORK) when the index cannot be reached
     */
    public static IndexSnapshot fetch(IndexClient client, Collection<LockedPin> pins, Target target,
            boolean withMetadata) {
        return fetch(client, pins, target, withMetadata, (done, total) -> { });
    }

    /** {@link #fetch(IndexClient, Collection, Target, boolean)}, reporting answers received so far and the total. */
    public static IndexSnapshot fetch(IndexClient client, Collection<LockedPin> pins, Target target,
            boolean withMetadata, java.util.function.BiConsumer<Integer, Integer> progress) {
        Map<PackageName, CompletableFuture<ProjectPage>> pageFutures = new LinkedHashMap<>();
        for (LockedPin pin : pins) {
            pageFutures.computeIfAbsent(pin.name(), client::projectAsync);
        }
        Map<Key, CompletableFuture<MetadataOutcome>> metadataFutures = new LinkedHashMap<>();
        if (withMetadata) {
            for (LockedPin pin : pins) {
                Key key = new Key(pin.name(), pin.version());
                metadataFutures.computeIfAbsent(key, k -> pageFutures.get(k.name())
                        .thenCompose(page -> metadataOf(client, page, k.version(), target)));
            }
        }
        int total = pageFutures.size() + metadataFutures.size();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.Stream.concat(pageFutures.values().stream(), metadataFutures.values().stream())
                .forEach(f -> f.whenComplete((v, e) -> progress.accept(done.incrementAndGet(), total)));
        Map<PackageName, ProjectPage> pages = new LinkedHashMap<>();
        Map<Key, MetadataOutcome> outcomes = new LinkedHashMap<>();
        try {
            CompletableFuture.allOf(pageFutures.values().toArray(CompletableFuture[]::new)).join();
            CompletableFuture.allOf(metadataFutures.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        pageFutures.forEach((name, f) -> pages.put(name, f.join()));
        metadataFutures.forEach((key, f) -> outcomes.put(key, f.join()));
        return new IndexSnapshot(pages, outcomes);
    }

    private static CompletableFuture<MetadataOutcome> metadataOf(IndexClient client, ProjectPage page, Version version,
            Target target) {
        Optional<DistFile> source = bestMetadataSource(page.filesOf(version), target);
        if (source.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new MetadataOutcome(Optional.empty(), page.name() + " " + version + " has no files on the index"));
        }
        return client.metadataAsync(source.get(), Optional.of(target.python()))
                .thenApply(m -> new MetadataOutcome(Optional.of(m), ""))
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof MetadataUnavailableException m) {
                        return new MetadataOutcome(Optional.empty(), m.getMessage());
                    }
                    if (cause instanceof BuildFailedException b) {
                        // a finding of the pin, not a failure of the whole verify
                        return new MetadataOutcome(Optional.empty(), b.getMessage().lines().findFirst().orElse(""));
                    }
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new CompletionException(cause);
                });
    }

    /** A wheel for the target first (its metadata is what installs), then any wheel, then the sdist. */
    private static Optional<DistFile> bestMetadataSource(List<DistFile> files, Target target) {
        return files.stream().min(Comparator.comparingInt(f -> metadataCost(f, target)));
    }

    private static int metadataCost(DistFile f, Target target) {
        if (f.parsed() instanceof WheelFilename w) {
            int base = w.isCompatible(target) ? 0 : 2;
            return base + (f.coreMetadata().isPresent() ? 0 : 1);
        }
        return 4;
    }

    /** The project's page; an empty page for a project the index does not know or that was not fetched. */
    public ProjectPage page(PackageName name) {
        return pages.getOrDefault(name, new ProjectPage(name, List.of()));
    }

    /** The metadata of a pinned version, when it was fetched. */
    public Optional<MetadataOutcome> metadata(PackageName name, Version version) {
        return Optional.ofNullable(metadata.get(new Key(name, version)));
    }
}
