package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.solver.NoSolutionException;
import dev.relock.solver.Solver;
import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A universal resolution: one version set per fork of the marker space, merged into pins with
 * markers. It starts with one fork (the {@link Universe#space()}); when a package's requirements on
 * one dependency differ in specifiers and in markers, that fork is split into the regions where the
 * same of them apply, and each part is solved on its own by the generic solver, as uv's fork
 * strategy does. Forks do not steer each other (each takes the newest versions its environments
 * allow, as a lock for one of them would), except through the existing lockfile's pins, which each
 * fork prefers where their markers overlap it. The merge gives one pin per package and version, whose marker
 * is the OR over the forks of where the package is reachable in them; different versions of one
 * package come from disjoint forks, so at most one applies in any environment.
 */
final class UniversalResolution {
    /** More forks than this is an explosion, not a lock. */
    private static final int MAX_FORKS = 64;
    /** The platforms a required environment is checked on: one per common OS and machine. */
    private static final List<String> PLATFORMS = List.of("x86_64-manylinux_2_28", "aarch64-manylinux_2_28",
            "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc");

    private final IndexClient client;
    private final ResolverListener listener;
    private final ResolveRequest request;
    private final Universe universe;

    UniversalResolution(IndexClient client, ResolverListener listener, ResolveRequest request) {
        this.client = client;
        this.listener = listener;
        this.request = request;
        this.universe = request.universe().orElseThrow();
    }

    Resolution resolve() {
        MarkerTree space = universe.space();
        Deque<MarkerTree> pending = new ArrayDeque<>();
        pending.add(space);
        List<Resolution> solved = new ArrayList<>();
        while (!pending.isEmpty()) {
            MarkerTree marker = pending.poll();
            PythonProvider.Fork fork = new PythonProvider.Fork(marker, required(marker), locked(marker));
            PythonProvider provider = new PythonProvider(client, request, listener, Optional.of(fork));
            try {
                Map<Node, Version> solution = Solver.resolve(provider, Node.ROOT, PythonProvider.ROOT_VERSION);
                Resolution r = provider.resolution(solution);
                solved.add(r);
            } catch (PythonProvider.ForkNeeded split) {
                List<MarkerTree> parts = new ArrayList<>();
                MarkerTree covered = MarkerTree.FALSE;
                for (MarkerTree m : split.markers) {
                    parts.add(marker.and(m));
                    covered = covered.or(m);
                }
                parts.add(marker.and(MarkerAlgebra.not(covered)));
                parts.removeIf(MarkerAlgebra::empty);
                if (solved.size() + pending.size() + parts.size() > MAX_FORKS) {
                    throw new RelockException(RelockException.Kind.UNRESOLVABLE, "Cannot resolve universally: more"
                            + " than " + MAX_FORKS + " forks of the environments are needed (last: " + split.why
                            + "); narrow the environments with --environment");
                }
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
            } catch (NoSolutionException e) {
                int index = solved.size() + 1;
                int total = solved.size() + pending.size() + 1;
                String where = "in the environment " + describe(marker) + " (fork " + index + " of " + total + ")";
                throw new RelockException(RelockException.Kind.UNRESOLVABLE, PythonReport.explain(e.derivationTree(),
                        where, provider.rootOrigins(), provider::onlyVersion, provider::hint), e);
            }
        }
        return merge(solved);
    }

    /** The existing lockfile's versions whose markers overlap {@code fork}: the first such pin per package. */
    private Map<PackageName, Version> locked(MarkerTree fork) {
        Map<PackageName, Version> out = new LinkedHashMap<>();
        for (Universe.Locked pin : universe.locked()) {
            if (!out.containsKey(pin.name()) && !MarkerAlgebra.disjoint(fork, pin.marker())) {
                out.put(pin.name(), pin.version());
            }
        }
        return out;
    }

    /** {@code marker} as printed in messages: simplified under the Python range; "every environment" when true. */
    private String describe(MarkerTree marker) {
        MarkerTree m = MarkerAlgebra.simplifyUnder(marker, universe.pythonRange());
        return m.isTrue() ? "requires-python " + universe.requiresPython() : m.toString();
    }

    /**
     * The targets of the required environments {@code fork} overlaps: for each, the common
     * platforms where it and the fork can hold, at the oldest Python they share.
     */
    private List<Target> required(MarkerTree fork) {
        List<Target> out = new ArrayList<>();
        for (MarkerTree env : universe.required()) {
            MarkerTree both = fork.and(env);
            if (MarkerAlgebra.empty(both)) {
                continue;
            }
            Optional<PythonVersion> python = Universe.lowestPython(both);
            if (python.isEmpty()) {
                continue;
            }
            for (String name : PLATFORMS) {
                Target t = new Target(python.get(), TargetPlatform.parse(name));
                try {
                    if (both.evaluate(MarkerEnvironment.fromMap(t.markerValues())) && !out.contains(t)) {
                        out.add(t);
                    }
                } catch (RuntimeException unevaluable) {
                    // a marker pip cannot evaluate on this platform does not hold there
                }
            }
        }
        return out;
    }

    /** One pin per package and version, its marker the OR of the forks' markers, simplified under the range. */
    private Resolution merge(List<Resolution> solved) {
        record Key(PackageName name, Version version) {}
        Map<Key, List<ResolvedPackage>> groups = new LinkedHashMap<>();
        for (Resolution r : solved) {
            for (ResolvedPackage p : r.packages()) {
                groups.computeIfAbsent(new Key(p.name(), p.version()), k -> new ArrayList<>()).add(p);
            }
        }
        MarkerTree assumption = universe.space();
        List<ResolvedPackage> merged = new ArrayList<>();
        for (List<ResolvedPackage> same : groups.values()) {
            ResolvedPackage first = same.get(0);
            MarkerTree marker = MarkerTree.FALSE;
            Set<ExtraName> extras = new TreeSet<>();
            Set<Via> via = new LinkedHashSet<>();
            for (ResolvedPackage p : same) {
                marker = marker.or(p.directMarker().orElse(MarkerTree.TRUE));
                extras.addAll(p.extras());
                via.addAll(p.via());
            }
            MarkerTree simple = MarkerAlgebra.simplifyUnder(marker, assumption);
            merged.add(new ResolvedPackage(first.name(), first.version(), new TreeSet<>(extras), first.files(),
                    orderedVia(via), simple.isTrue() ? Optional.empty() : Optional.of(simple), first.metadata(),
                    first.direct()));
        }
        merged.sort(java.util.Comparator.comparing(ResolvedPackage::name).thenComparing(ResolvedPackage::version));
        return new Resolution(request.targets(), merged, List.of());
    }

    /** Sources first, then parents by name. */
    private static List<Via> orderedVia(Set<Via> via) {
        List<Via> out = new ArrayList<>();
        via.stream().filter(v -> v instanceof Via.Source).forEach(out::add);
        Map<String, Via> parents = new java.util.TreeMap<>();
        via.stream().filter(v -> v instanceof Via.Parent).forEach(v -> parents.put(((Via.Parent) v).name().toString(), v));
        out.addAll(parents.values());
        return out;
    }
}
