package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * PubGrub version solving: finds versions for the root package and everything it transitively
 * depends on such that every dependency is met, or explains why none exist.
 *
 * <p>The algorithm alternates unit propagation (deriving what must hold from the known
 * incompatibilities), decisions (picking a version for the highest-priority undecided package)
 * and, on conflicts, conflict resolution: it derives a new incompatibility that explains the
 * conflict and backjumps to the decision level where that incompatibility first applies.
 */
public final class Solver<P, V extends Comparable<? super V>, Q extends Comparable<? super Q>> {

    /** Dependency facts that can be merged share the dependent, the dependency and its range. */
    private record DependencyKey<P, V extends Comparable<? super V>>(P dependent, P dependency, Ranges<V> range) {}

    private record Learned<P>(int id, P pkg) {}

    private final DependencyProvider<P, V, Q> provider;
    private final P root;
    private final V rootVersion;
    private final List<Incompatibility<P, V>> store = new ArrayList<>();
    private final Map<P, List<Integer>> incompatibilitiesOf = new HashMap<>();
    /** The current (possibly merged) incompatibility id per mergeable dependency fact. */
    private final Map<DependencyKey<P, V>, Integer> mergedDependencies = new HashMap<>();
    private final PartialSolution<P, V, Q> solution = new PartialSolution<>();
    private final Map<P, PackageStatistics> statistics = new HashMap<>();
    private final Map<P, Set<V>> versionsWithDependencies = new HashMap<>();
    /** Per incompatibility id: the decision level at which it was found contradicted, or -1. */
    private int[] contradictedAt = new int[64];
    /** Per decision level: the incompatibility ids found contradicted at that level. */
    private final List<List<Integer>> contradictedByLevel = new ArrayList<>();

    private Solver(DependencyProvider<P, V, Q> provider, P root, V rootVersion) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.root = Objects.requireNonNull(root, "root");
        this.rootVersion = Objects.requireNonNull(rootVersion, "rootVersion");
        Arrays.fill(contradictedAt, -1);
    }

    /**
     * Selects a version of {@code root} ({@code rootVersion}) and of every package it transitively
     * depends on.
     *
     * @return each selected package with its version, the root included (immutable)
     * @throws NoSolutionException when no selection satisfies all dependencies; it carries the
     *     explanation as a {@link DerivationTree}
     * @throws IllegalStateException when the provider chooses a version outside the range asked
     * @throws RuntimeException anything the provider throws, unchanged
     */
    public static <P, V extends Comparable<? super V>, Q extends Comparable<? super Q>> Map<P, V> resolve(
            DependencyProvider<P, V, Q> provider, P root, V rootVersion) {
        return new Solver<>(provider, root, rootVersion).run();
    }

    private Map<P, V> run() {
        addIncompatibility(Incompatibility.notRoot(root, rootVersion));
        P next = root;
        while (true) {
            provider.checkCancelled();
            unitPropagation(next);
            Optional<P> picked = solution.pickHighestPriority((p, range) -> {
                provider.prefetch(p, range);
                return provider.prioritize(p, range, statistics.getOrDefault(p, PackageStatistics.NONE));
            });
            if (picked.isEmpty()) {
                return Map.copyOf(solution.extractSolution());
            }
            next = picked.get();
            Ranges<V> range = solution.termFor(next).ranges();
            Optional<V> choice = provider.chooseVersion(next, range);
            if (choice.isEmpty()) {
                Optional<String> reason = provider.unavailableReason(next, range);
                addIncompatibility(reason.isPresent()
                        ? Incompatibility.custom(next, range, reason.get())
                        : Incompatibility.noVersions(next, range));
                continue;
            }
            V version = choice.get();
            if (!range.contains(version)) {
                throw new IllegalStateException("provider chose " + next + " " + version + " outside " + range);
            }
            if (!versionsWithDependencies.computeIfAbsent(next, k -> new HashSet<>()).add(version)) {
                // Its dependency incompatibilities are known and not satisfied, or propagation
                // would have excluded this version.
                solution.addDecision(next, version);
                continue;
            }
            Dependencies<P, V> deps = provider.getDependencies(next, version);
            if (deps instanceof Dependencies.Unavailable<P, V> u) {
                addIncompatibility(Incompatibility.unavailable(next, version, u.reason()));
                continue;
            }
            Map<P, Ranges<V>> available = ((Dependencies.Available<P, V>) deps).dependencies();
            int[] ids = addDependencies(next, version, available);
            int clash = solution.addVersion(next, version, ids, store);
            if (clash >= 0) {
                Incompatibility<P, V> bad = store.get(clash);
                bump(next, false);
                bump(bad.packageAt(bad.size() - 1), true);
            }
        }
    }

    /** Adds one incompatibility per dependency (merged with earlier ones where possible); returns their ids. */
    private int[] addDependencies(P pkg, V version, Map<P, Ranges<V>> dependencies) {
        Ranges<V> self = Ranges.singleton(version);
        List<Integer> ids = new ArrayList<>(dependencies.size());
        for (Map.Entry<P, Ranges<V>> e : dependencies.entrySet()) {
            P dep = Objects.requireNonNull(e.getKey(), "dependency");
            Ranges<V> depRange = Objects.requireNonNull(e.getValue(), "dependency range");
            if (dep.equals(pkg) && depRange.contains(version)) {
                continue;
            }
            int id = alloc(Incompatibility.fromDependency(pkg, self, dep, depRange));
            ids.add(id);
            mergeIncompatibility(id);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private void addIncompatibility(Incompatibility<P, V> incompat) {
        mergeIncompatibility(alloc(incompat));
    }

    private int alloc(Incompatibility<P, V> incompat) {
        store.add(incompat);
        int id = store.size() - 1;
        if (id >= contradictedAt.length) {
            int old = contradictedAt.length;
            contradictedAt = Arrays.copyOf(contradictedAt, old * 2);
            Arrays.fill(contradictedAt, old, contradictedAt.length, -1);
        }
        return id;
    }

    /**
     * Makes the incompatibility visible to unit propagation; a dependency fact that differs from an
     * earlier one only in the dependent's versions replaces it by their merge.
     */
    private void mergeIncompatibility(int id) {
        Incompatibility<P, V> incompat = store.get(id);
        var dependency = incompat.asDependency();
        if (dependency.isPresent()) {
            var f = dependency.get();
            var key = new DependencyKey<>(f.pkg(), f.dependency(), f.dependencySet());
            Integer pastId = mergedDependencies.get(key);
            Optional<Incompatibility<P, V>> merged = pastId == null
                    ? Optional.empty()
                    : incompat.mergeDependents(store.get(pastId));
            if (merged.isPresent()) {
                id = alloc(merged.get());
                incompat = merged.get();
                for (int k = 0; k < incompat.size(); k++) {
                    incompatibilitiesOf.get(incompat.packageAt(k)).remove(pastId);
                }
            }
            mergedDependencies.put(key, id);
        }
        for (int k = 0; k < incompat.size(); k++) {
            incompatibilitiesOf.computeIfAbsent(incompat.packageAt(k), p -> new ArrayList<>()).add(id);
        }
    }

    /** Derives everything that follows from the change to {@code start}, resolving conflicts on the way. */
    private void unitPropagation(P start) {
        Deque<P> buffer = new ArrayDeque<>();
        Set<P> inBuffer = new HashSet<>();
        buffer.push(start);
        inBuffer.add(start);
        while (!buffer.isEmpty()) {
            P current = buffer.pop();
            inBuffer.remove(current);
            int conflict = -1;
            List<Integer> ids = incompatibilitiesOf.getOrDefault(current, List.of());
            for (int k = ids.size() - 1; k >= 0; k--) {
                int id = ids.get(k);
                if (contradictedAt[id] >= 0) {
                    continue;
                }
                Incompatibility<P, V> incompat = store.get(id);
                int relation = incompat.relation(solution);
                if (relation == Incompatibility.SATISFIED) {
                    conflict = id;
                    break;
                }
                if (relation == Incompatibility.CONTRADICTED) {
                    markContradicted(id);
                } else if (relation >= 0) {
                    P almost = incompat.packageAt(relation);
                    if (inBuffer.add(almost)) {
                        buffer.push(almost);
                    }
                    solution.addDerivation(almost, id, incompat);
                    markContradicted(id);
                }
            }
            if (conflict >= 0) {
                Incompatibility<P, V> incompat = store.get(conflict);
                for (int k = 0; k < incompat.size(); k++) {
                    bump(incompat.packageAt(k), false);
                }
                Learned<P> learned = conflictResolution(conflict);
                // After backjumping, the learned incompatibility is almost satisfied: only the
                // satisfier's package is undecided, and the term's negation is the new derivation.
                P almost = learned.pkg();
                buffer.clear();
                inBuffer.clear();
                buffer.push(almost);
                inBuffer.add(almost);
                solution.addDerivation(almost, learned.id(), store.get(learned.id()));
                markContradicted(learned.id());
            }
        }
    }

    /**
     * Turns a satisfied incompatibility into one that is almost satisfied after backjumping, by
     * resolving it with the causes of its satisfiers; returns that incompatibility and the
     * package whose term it will force.
     */
    private Learned<P> conflictResolution(int conflict) {
        int current = conflict;
        boolean derived = false;
        while (true) {
            Incompatibility<P, V> incompat = store.get(current);
            if (incompat.isTerminal(root, rootVersion)) {
                throw new NoSolutionException(buildTree(current));
            }
            PartialSolution.SatisfierSearch<P> search = solution.satisfierSearch(incompat, store);
            bump(search.pkg(), true);
            if (!search.sameLevels()) {
                backtrack(current, derived, search.previousLevel());
                return new Learned<>(current, search.pkg());
            }
            Incompatibility<P, V> prior = Incompatibility.priorCause(
                    current, incompat, search.satisfierCause(), store.get(search.satisfierCause()), search.pkg());
            current = alloc(prior);
            derived = true;
        }
    }

    private void backtrack(int incompat, boolean isNew, int level) {
        solution.backtrack(level);
        for (int l = contradictedByLevel.size() - 1; l > level; l--) {
            for (int id : contradictedByLevel.get(l)) {
                contradictedAt[id] = -1;
            }
            contradictedByLevel.remove(l);
        }
        if (isNew) {
            mergeIncompatibility(incompat);
        }
    }

    private void markContradicted(int id) {
        int level = solution.currentLevel();
        contradictedAt[id] = level;
        while (contradictedByLevel.size() <= level) {
            contradictedByLevel.add(new ArrayList<>());
        }
        contradictedByLevel.get(level).add(id);
    }

    private void bump(P pkg, boolean culprit) {
        PackageStatistics s = statistics.getOrDefault(pkg, PackageStatistics.NONE);
        statistics.put(pkg, culprit ? s.withCulprit() : s.withAffected());
    }

    /** The explanation rooted at the terminal incompatibility {@code terminal}. */
    private DerivationTree<P, V> buildTree(int terminal) {
        // Count how often each derived incompatibility is used as a cause, to mark shared ones.
        Map<Integer, Integer> uses = new HashMap<>();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(terminal);
        while (!todo.isEmpty()) {
            int id = todo.pop();
            Incompatibility<P, V> incompat = store.get(id);
            if (incompat.external().isPresent()) {
                continue;
            }
            for (int cause : new int[] {incompat.cause1(), incompat.cause2()}) {
                if (uses.merge(cause, 1, Integer::sum) == 1) {
                    todo.push(cause);
                }
            }
        }
        // Build bottom-up without recursion: derivation chains can be long.
        Map<Integer, DerivationTree<P, V>> built = new HashMap<>();
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(terminal);
        while (!stack.isEmpty()) {
            int id = stack.peek();
            if (built.containsKey(id)) {
                stack.pop();
                continue;
            }
            Incompatibility<P, V> incompat = store.get(id);
            if (incompat.external().isPresent()) {
                built.put(id, incompat.external().get());
                stack.pop();
                continue;
            }
            DerivationTree<P, V> c1 = built.get(incompat.cause1());
            DerivationTree<P, V> c2 = built.get(incompat.cause2());
            if (c1 == null || c2 == null) {
                if (c1 == null) {
                    stack.push(incompat.cause1());
                }
                if (c2 == null) {
                    stack.push(incompat.cause2());
                }
                continue;
            }
            Map<P, Term<V>> terms = new LinkedHashMap<>();
            for (int k = 0; k < incompat.size(); k++) {
                terms.put(incompat.packageAt(k), incompat.termAt(k));
            }
            OptionalInt shared = uses.getOrDefault(id, 0) > 1 ? OptionalInt.of(id) : OptionalInt.empty();
            built.put(id, new DerivationTree.Derived<>(terms, shared, c1, c2));
            stack.pop();
        }
        return built.get(terminal);
    }
}
