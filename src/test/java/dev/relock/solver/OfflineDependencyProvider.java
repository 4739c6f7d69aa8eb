package dev.relock.solver;

import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory registry for tests: packages, versions and their dependencies, all known up
 * front. Chooses the newest version in range and decides first the packages with the most
 * conflicts, then those with the fewest versions left. Records the calls it receives.
 */
public final class OfflineDependencyProvider<P, V extends Comparable<? super V>>
        implements DependencyProvider<P, V, OfflineDependencyProvider.Priority> {

    /** More conflicts first, then fewer matching versions. */
    public record Priority(int conflicts, int matchingVersions) implements Comparable<Priority> {
        @Override
        public int compareTo(Priority o) {
            int c = Integer.compare(conflicts, o.conflicts);
            return c != 0 ? c : Integer.compare(o.matchingVersions, matchingVersions);
        }
    }

    private final Map<P, NavigableMap<V, Dependencies<P, V>>> registry = new HashMap<>();
    private final List<P> prefetched = new ArrayList<>();
    private final List<String> dependencyRequests = new ArrayList<>();

    /** Adds {@code pkg} at {@code version} with the given dependencies (iteration order kept). */
    public OfflineDependencyProvider<P, V> add(P pkg, V version, Map<P, Ranges<V>> dependencies) {
        registry.computeIfAbsent(pkg, k -> new TreeMap<>()).put(version, Dependencies.available(dependencies));
        return this;
    }

    /** Adds {@code pkg} at {@code version} with no dependencies. */
    public OfflineDependencyProvider<P, V> add(P pkg, V version) {
        return add(pkg, version, Map.of());
    }

    /** Adds {@code pkg} at {@code version}, unusable for {@code reason}. */
    public OfflineDependencyProvider<P, V> addUnavailable(P pkg, V version, String reason) {
        registry.computeIfAbsent(pkg, k -> new TreeMap<>()).put(version, Dependencies.unavailable(reason));
        return this;
    }

    /** The registered versions of {@code pkg}, ascending. */
    public List<V> versions(P pkg) {
        return List.copyOf(registry.getOrDefault(pkg, Collections.emptyNavigableMap()).keySet());
    }

    /** What {@link #getDependencies} answers, without recording a request. */
    public Optional<Dependencies<P, V>> lookup(P pkg, V version) {
        return Optional.ofNullable(registry.getOrDefault(pkg, Collections.emptyNavigableMap()).get(version));
    }

    /** Packages passed to {@link #prefetch}, in call order. */
    public List<P> prefetched() {
        return Collections.unmodifiableList(prefetched);
    }

    /** "pkg version" for each {@link #getDependencies} call, in call order. */
    public List<String> dependencyRequests() {
        return Collections.unmodifiableList(dependencyRequests);
    }

    @Override
    public Priority prioritize(P pkg, Ranges<V> range, PackageStatistics statistics) {
        NavigableMap<V, Dependencies<P, V>> versions = registry.getOrDefault(pkg, Collections.emptyNavigableMap());
        int matching = 0;
        for (Ranges.Segment<V> s : range.segments()) {
            NavigableMap<V, Dependencies<P, V>> part = versions;
            if (s.lower() instanceof Bound.Included<V> b) {
                part = part.tailMap(b.value(), true);
            } else if (s.lower() instanceof Bound.Excluded<V> b) {
                part = part.tailMap(b.value(), false);
            }
            if (s.upper() instanceof Bound.Included<V> b) {
                part = part.headMap(b.value(), true);
            } else if (s.upper() instanceof Bound.Excluded<V> b) {
                part = part.headMap(b.value(), false);
            }
            matching += part.size();
        }
        return new Priority(statistics.conflictCount(), matching);
    }

    @Override
    public Optional<V> chooseVersion(P pkg, Ranges<V> range) {
        NavigableMap<V, Dependencies<P, V>> versions = registry.getOrDefault(pkg, Collections.emptyNavigableMap());
        List<Ranges.Segment<V>> segments = range.segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Ranges.Segment<V> s = segments.get(i);
            V candidate;
            if (s.upper() instanceof Bound.Included<V> inc) {
                candidate = versions.floorKey(inc.value());
            } else if (s.upper() instanceof Bound.Excluded<V> exc) {
                candidate = versions.lowerKey(exc.value());
            } else {
                candidate = versions.isEmpty() ? null : versions.lastKey();
            }
            if (candidate != null && s.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public Dependencies<P, V> getDependencies(P pkg, V version) {
        dependencyRequests.add(pkg + " " + version);
        return lookup(pkg, version).orElseThrow(() -> new IllegalStateException("unknown " + pkg + " " + version));
    }

    @Override
    public void prefetch(P pkg, Ranges<V> range) {
        prefetched.add(pkg);
    }

    /** A dependency map keeping the order of the pairs given: package, range, package, range... */
    @SuppressWarnings("unchecked")
    public static <P, V extends Comparable<? super V>> Map<P, Ranges<V>> deps(Object... pairs) {
        Map<P, Ranges<V>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((P) pairs[i], (Ranges<V>) pairs[i + 1]);
        }
        return out;
    }
}
