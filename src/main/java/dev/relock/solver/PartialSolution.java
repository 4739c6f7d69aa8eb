package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The solver's current state of knowledge: per package, the history of assignments (derivations
 * from incompatibilities and at most one decision), grouped by decision level, plus the queue of
 * undecided required packages ordered by the provider's priority.
 */
final class PartialSolution<P, V extends Comparable<? super V>, Q extends Comparable<? super Q>> {

    /** A derived assignment and the intersection of all assignments of its package up to it. */
    private record Dated<V extends Comparable<? super V>>(int globalIndex, int level, int cause, Term<V> accumulated) {}

    /** Everything assigned to one package. */
    private static final class Assignments<V extends Comparable<? super V>> {
        final int smallestLevel;
        int highestLevel;
        final ArrayList<Dated<V>> derivations = new ArrayList<>(2);
        Term<V> term;
        Optional<V> decision = Optional.empty();
        int decisionGlobalIndex;

        Assignments(int level, Term<V> term) {
            this.smallestLevel = level;
            this.highestLevel = level;
            this.term = term;
        }
    }

    /** Where the assignment that satisfies a term sits. */
    record Satisfier(int cause, int globalIndex, int level) {
        boolean isDecision() {
            return cause < 0;
        }
    }

    /** Outcome of {@link #satisfierSearch}. */
    record SatisfierSearch<P>(P pkg, int satisfierLevel, int previousLevel, int satisfierCause) {
        boolean sameLevels() {
            return previousLevel >= satisfierLevel;
        }
    }

    private record Queued<P, Q>(Q priority, int order, P pkg) {}

    private int nextGlobalIndex;
    private int currentLevel;
    private final LinkedHashMap<P, Assignments<V>> assignments = new LinkedHashMap<>();
    private final List<P> decided = new ArrayList<>();
    private final Set<P> changed = new LinkedHashSet<>();
    private final Map<P, Integer> discoveryOrder = new HashMap<>();
    private final TreeSet<Queued<P, Q>> queue = new TreeSet<>(
            Comparator.<Queued<P, Q>, Q>comparing(Queued::priority, Comparator.reverseOrder())
                    .thenComparingInt(Queued::order));
    private final Map<P, Queued<P, Q>> queued = new HashMap<>();

    int currentLevel() {
        return currentLevel;
    }

    /** What is known about {@code pkg}: the intersection of its assignments; null when nothing is. */
    Term<V> termFor(P pkg) {
        Assignments<V> a = assignments.get(pkg);
        return a == null ? null : a.term;
    }

    void addDecision(P pkg, V version) {
        Assignments<V> a = assignments.get(pkg);
        if (a == null || a.decision.isPresent() || !a.term.contains(version)) {
            throw new IllegalStateException("cannot decide " + pkg + " " + version);
        }
        currentLevel++;
        a.highestLevel = currentLevel;
        a.term = Term.exact(version);
        a.decision = Optional.of(version);
        a.decisionGlobalIndex = nextGlobalIndex++;
        decided.add(pkg);
        changed.remove(pkg);
        Queued<P, Q> q = queued.remove(pkg);
        if (q != null) {
            queue.remove(q);
        }
    }

    /** Records that {@code cause}, almost satisfied, forces the negation of its term on {@code pkg}. */
    void addDerivation(P pkg, int cause, Incompatibility<P, V> incompat) {
        Term<V> term = incompat.get(pkg).negate();
        Assignments<V> a = assignments.get(pkg);
        if (a == null) {
            a = new Assignments<>(currentLevel, term);
            assignments.put(pkg, a);
            discoveryOrder.putIfAbsent(pkg, discoveryOrder.size());
        } else {
            if (a.decision.isPresent()) {
                throw new IllegalStateException("derivation for decided package " + pkg);
            }
            a.highestLevel = currentLevel;
            a.term = a.term.intersection(term);
        }
        a.derivations.add(new Dated<>(nextGlobalIndex++, currentLevel, cause, a.term));
        if (a.term.isPositive()) {
            changed.add(pkg);
        }
    }

    /**
     * Decides {@code pkg} at {@code version} unless one of its new dependency incompatibilities would
     * then be satisfied; returns the first such incompatibility's id, or -1 after deciding.
     */
    int addVersion(P pkg, V version, int[] dependencyIds, List<Incompatibility<P, V>> store) {
        Term<V> exact = Term.exact(version);
        for (int id : dependencyIds) {
            if (store.get(id).satisfiedIfDecided(this, pkg, exact)) {
                return id;
            }
        }
        addDecision(pkg, version);
        return -1;
    }

    /**
     * Re-prioritizes the packages whose range changed since the last call and removes the
     * undecided required package of highest priority from the queue; empty when every required
     * package is decided.
     */
    Optional<P> pickHighestPriority(BiFunction<P, Ranges<V>, Q> prioritizer) {
        for (P p : changed) {
            Assignments<V> a = assignments.get(p);
            Queued<P, Q> old = queued.remove(p);
            if (old != null) {
                queue.remove(old);
            }
            if (a != null && a.decision.isEmpty() && a.term.isPositive()) {
                Queued<P, Q> q = new Queued<>(prioritizer.apply(p, a.term.ranges()), discoveryOrder.get(p), p);
                queue.add(q);
                queued.put(p, q);
            }
        }
        changed.clear();
        Queued<P, Q> best = queue.pollFirst();
        if (best == null) {
            return Optional.empty();
        }
        queued.remove(best.pkg());
        return Optional.of(best.pkg());
    }

    /** The decided versions. */
    Map<P, V> extractSolution() {
        Map<P, V> out = new LinkedHashMap<>();
        for (P p : decided) {
            out.put(p, assignments.get(p).decision.orElseThrow());
        }
        return out;
    }

    /** Forgets every assignment made after decision level {@code level}. */
    void backtrack(int level) {
        currentLevel = level;
        Iterator<Assignments<V>> it = assignments.values().iterator();
        while (it.hasNext()) {
            Assignments<V> a = it.next();
            if (a.smallestLevel > level) {
                it.remove();
            } else if (a.highestLevel > level) {
                // A decision is always the last assignment of its package, so it is above level too.
                ArrayList<Dated<V>> ds = a.derivations;
                while (ds.get(ds.size() - 1).level() > level) {
                    ds.remove(ds.size() - 1);
                }
                Dated<V> last = ds.get(ds.size() - 1);
                a.highestLevel = last.level();
                a.term = last.accumulated();
                a.decision = Optional.empty();
            }
        }
        while (decided.size() > level) {
            decided.remove(decided.size() - 1);
        }
        queue.clear();
        queued.clear();
        changed.clear();
        for (Map.Entry<P, Assignments<V>> e : assignments.entrySet()) {
            Assignments<V> a = e.getValue();
            if (a.decision.isEmpty() && a.term.isPositive()) {
                changed.add(e.getKey());
            }
        }
    }

    /**
     * Finds the assignment that made the satisfied {@code incompat} satisfied (the satisfier), and
     * the decision level at which it was already satisfied except for the satisfier (the previous
     * satisfier level, at least 1 so that the root decision is kept).
     */
    SatisfierSearch<P> satisfierSearch(Incompatibility<P, V> incompat, List<Incompatibility<P, V>> store) {
        int n = incompat.size();
        Satisfier[] found = new Satisfier[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            found[i] = satisfier(assignments.get(incompat.packageAt(i)), incompat.termAt(i).negate());
            if (found[i].globalIndex() > found[best].globalIndex()) {
                best = i;
            }
        }
        P pkg = incompat.packageAt(best);
        Assignments<V> a = assignments.get(pkg);
        Satisfier sat = found[best];
        Term<V> satisfierTerm = sat.isDecision() ? a.term : store.get(sat.cause()).get(pkg).negate();
        found[best] = satisfier(a, satisfierTerm.intersection(incompat.termAt(best).negate()));
        int previous = 1;
        for (Satisfier s : found) {
            previous = Math.max(previous, s.level());
        }
        return new SatisfierSearch<>(pkg, sat.level(), previous, sat.cause());
    }

    /**
     * The earliest assignment of a package after which its accumulated term no longer overlaps
     * {@code start} (the negation of the term to satisfy, possibly narrowed).
     */
    private Satisfier satisfier(Assignments<V> a, Term<V> start) {
        ArrayList<Dated<V>> ds = a.derivations;
        int lo = 0;
        int hi = ds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ds.get(mid).accumulated().isDisjoint(start)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo < ds.size()) {
            Dated<V> d = ds.get(lo);
            return new Satisfier(d.cause(), d.globalIndex(), d.level());
        }
        if (a.decision.isEmpty()) {
            throw new IllegalStateException("no assignment satisfies " + start.negate());
        }
        return new Satisfier(-1, a.decisionGlobalIndex, a.highestLevel);
    }
}
