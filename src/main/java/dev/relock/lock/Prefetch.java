package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.ProjectPage;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.tags.Target;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, before resolving, the requests a compile will almost surely make, so that they run in
 * parallel instead of level by level as the resolver discovers the graph: the page of every root
 * and pinned package, then the metadata of the version the resolver will try first (the pin, else
 * the highest final release the requirement allows), then the same for each dependency whose
 * marker holds for the target. The index client memoizes requests, so the resolver joins these
 * instead of sending its own; a wrong guess (the resolver backtracks) costs one request per
 * project and never changes the result. Failures are left for the resolver to meet (the client
 * forgets failed requests). Files the {@link BinaryPolicy} rules out are skipped as the resolver
 * skips them.
 */
final class Prefetch {
    private final IndexClient client;
    private final Target target;
    private final Map<PackageName, Version> pins;
    private final BinaryPolicy binary;
    private final MarkerEnvironment environment;
    private final Version python;
    private final Set<PackageName> seen = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private Prefetch(IndexClient client, Target target, Map<PackageName, Version> pins, BinaryPolicy binary) {
        this.client = client;
        this.target = target;
        this.pins = Map.copyOf(pins);
        this.binary = binary;
        this.environment = MarkerEnvironment.fromMap(target.markerValues());
        this.python = Version.parse(target.python().fullVersion());
    }

    /**
     * Starts prefetching for {@code roots} and {@code pins}; the {@code direct} packages come from
     * direct references, so their index pages are never asked for; {@code binary} is the compile's
     * {@code --no-binary} / {@code --only-binary} policy.
     */
    static Prefetch start(IndexClient client, Target target, Collection<Requirement> roots,
            Map<PackageName, Version> pins, Set<PackageName> direct, BinaryPolicy binary) {
        Prefetch p = new Prefetch(client, target, pins, binary);
        p.seen.addAll(direct);
        roots.forEach(p::visit);
        pins.keySet().forEach(name -> p.visit(new Requirement(name, List.of(), VersionSpecifiers.parse(""),
                Optional.empty(), MarkerTree.TRUE)));
        return p;
    }

    /**
     * Starts nothing more and waits (at most {@code limit}) for the requests already sent, so that
     * closing the client does not interrupt them half-way.
     */
    void stopAndWait(Duration limit) {
        stopped = true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .exceptionally(failure -> null).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void visit(Requirement requirement) {
        PackageName name = requirement.name();
        if (stopped || !seen.add(name)) {
            return;
        }
        track(client.projectAsync(name).thenAccept(page -> candidate(page, requirement)
                .flatMap(version -> metadataSource(page, version, target, binary))
                .filter(source -> !stopped)
                .ifPresent(source -> track(client.metadataAsync(source, Optional.of(target.python())).thenAccept(md -> {
                    Set<ExtraName> extras = Set.copyOf(requirement.extras());
                    for (Requirement dep : md.requiresDist()) {
                        if (applies(dep, extras)) {
                            visit(dep);
                        }
                    }
                })))));
    }

    private void track(CompletableFuture<?> future) {
        pending.add(future);
        future.whenComplete((value, failure) -> pending.remove(future));
    }

    private boolean applies(Requirement dep, Set<ExtraName> extras) {
        try {
            return dep.url().isEmpty() && dep.marker().evaluate(environment, extras);
        } catch (RelockException unevaluable) {
            return false;
        }
    }

    /** The version the resolver tries first: the pin if it still fits, else the highest usable final release. */
    private Optional<Version> candidate(ProjectPage page, Requirement requirement) {
        Version pin = pins.get(requirement.name());
        if (pin != null && requirement.specifiers().contains(pin)) {
            return Optional.of(pin);
        }
        List<Version> versions = page.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            Version v = versions.get(i);
            if (!v.isPrerelease() && requirement.specifiers().contains(v)
                    && page.filesOf(v).stream().anyMatch(f -> !f.yanked().isYanked() && usable(f, page.name()))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private boolean usable(DistFile f, PackageName name) {
        if (!allowed(f, name, target, binary)) {
            return false;
        }
        return f.requiresPython().flatMap(Prefetch::lenient).map(s -> s.contains(python)).orElse(true);
    }

    private static Optional<VersionSpecifiers> lenient(String raw) {
        try {
            return Optional.of(VersionSpecifiers.parse(raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code f} is a wheel for the target or an sdist, in a format {@code binary} allows for {@code name}. */
    private static boolean allowed(DistFile f, PackageName name, Target target, BinaryPolicy binary) {
        return f.parsed() instanceof WheelFilename w
                ? binary.allowsWheel(name) && w.isCompatible(target)
                : binary.allowsSdist(name);
    }

    /**
     * The file the resolver reads {@code version}'s metadata from: a compatible wheel (PEP 658 first),
     * else the sdist, among the formats {@code binary} allows.
     */
    static Optional<DistFile> metadataSource(ProjectPage page, Version version, Target target, BinaryPolicy binary) {
        return page.filesOf(version).stream()
                .filter(f -> allowed(f, page.name(), target, binary))
                .min(Comparator.comparing((DistFile f) -> f.yanked().isYanked())
                        .thenComparingInt(f -> f.isWheel() ? (f.coreMetadata().isPresent() ? 0 : 1) : 2)
                        .thenComparing(DistFile::filename));
    }
}
