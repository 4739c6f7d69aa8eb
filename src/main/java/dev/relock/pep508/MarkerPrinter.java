package dev.relock.pep508;

import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerDiagram.Leaf;
import dev.relock.pep508.MarkerDiagram.Node;
import dev.relock.pep508.MarkerNode.Constant;
import dev.relock.pep508.MarkerNode.Junction;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import dev.relock.ranges.Ranges.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@link MarkerDiagram} back into a PEP 508 expression: a disjunction of conjunctions.
 *
 * <p>The conjunctions start as the diagram's paths to "true" (disjoint, so {@code A or B} starts
 * as {@code A or (not A and B)}). Each is then expanded to a prime implicant (every condition as
 * wide as the marker allows, key by key; conditions that cover everything vanish), conjunctions
 * the others cover are dropped, and finally a condition is narrowed or widened by the values
 * another conjunction already covers when that makes it print shorter ({@code (python_version <
 * "3.11" and (sys_platform == "linux" or sys_platform == "win32")) or sys_platform == "linux"}
 * becomes {@code (python_version < "3.11" and sys_platform == "win32") or sys_platform ==
 * "linux"}). As the diagram is canonical and every step runs in a fixed order, equivalent markers
 * print the same text.
 */
final class MarkerPrinter {
    private MarkerPrinter() {
    }

    /**
     * The expression for {@code diagram}.
     *
     * @throws MarkerDiagram.TooComplex when it has more than {@link MarkerDiagram#MAX_CLAUSES} paths
     */
    static MarkerNode toNode(Node diagram) {
        if (diagram instanceof Leaf leaf) {
            return new Constant(leaf.value());
        }
        List<TreeMap<MarkerKey, MarkerValueSet>> clauses = MarkerDiagram.paths(diagram);
        MarkerDiagram algebra = new MarkerDiagram();
        expand(algebra, clauses, diagram);
        removeRedundant(algebra, clauses);
        simplify(clauses);
        clauses.sort(MarkerPrinter::compareClauses);
        List<MarkerNode> terms = new ArrayList<>();
        for (TreeMap<MarkerKey, MarkerValueSet> clause : clauses) {
            MarkerNode term = clauseNode(clause, clauses.size() > 1);
            if (term instanceof Junction junction && junction.isOr()) {
                terms.addAll(junction.children());
            } else {
                terms.add(term);
            }
        }
        return terms.size() == 1 ? terms.get(0) : new Junction(true, terms, false);
    }

    // ---- simplifying the conjunctions ---------------------------------------------------------

    /**
     * Makes every conjunction a prime implicant of {@code f}: key by key (in key order), its
     * condition grows to every value for which the rest of the conjunction still implies
     * {@code f}, and a condition that grows to every value is dropped.
     */
    private static void expand(MarkerDiagram algebra, List<TreeMap<MarkerKey, MarkerValueSet>> clauses, Node f) {
        Node notF = algebra.not(f);
        List<TreeMap<MarkerKey, MarkerValueSet>> primes = new ArrayList<>();
        for (TreeMap<MarkerKey, MarkerValueSet> clause : clauses) {
            if (primes.stream().anyMatch(prime -> implies(clause, prime))) {
                continue;
            }
            primes.add(clause);
            for (MarkerKey key : new ArrayList<>(clause.keySet())) {
                TreeMap<MarkerKey, MarkerValueSet> rest = new TreeMap<>(clause);
                rest.remove(key);
                Node outside = algebra.and(conjunction(algebra, rest), notF);
                MarkerValueSet allowed = MarkerDiagram.projection(outside, key).not();
                if (allowed.isFull()) {
                    clause.remove(key);
                } else {
                    clause.put(key, allowed);
                }
            }
        }
        clauses.clear();
        for (TreeMap<MarkerKey, MarkerValueSet> prime : primes) {
            if (!clauses.contains(prime)) {
                clauses.add(prime);
            }
        }
    }

    /**
     * Drops conjunctions that the others cover, the longest-printing first (then the later one
     * in key order); duplicates go too.
     */
    private static void removeRedundant(MarkerDiagram algebra, List<TreeMap<MarkerKey, MarkerValueSet>> clauses) {
        clauses.sort(MarkerPrinter::compareClauses);
        List<TreeMap<MarkerKey, MarkerValueSet>> byCost = new ArrayList<>(clauses);
        byCost.sort((x, y) -> Integer.compare(cost(y), cost(x)));
        for (TreeMap<MarkerKey, MarkerValueSet> candidate : byCost) {
            Node others = MarkerDiagram.FALSE;
            for (TreeMap<MarkerKey, MarkerValueSet> clause : clauses) {
                if (clause != candidate) {
                    others = algebra.or(others, conjunction(algebra, clause));
                }
            }
            if (algebra.and(conjunction(algebra, candidate), algebra.not(others)).equals(MarkerDiagram.FALSE)) {
                clauses.remove(candidate);
            }
        }
    }

    private static Node conjunction(MarkerDiagram algebra, Map<MarkerKey, MarkerValueSet> clause) {
        Node out = MarkerDiagram.TRUE;
        for (Map.Entry<MarkerKey, MarkerValueSet> e : clause.entrySet()) {
            out = algebra.and(out, MarkerDiagram.atom(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static int cost(TreeMap<MarkerKey, MarkerValueSet> clause) {
        int n = 0;
        for (Map.Entry<MarkerKey, MarkerValueSet> e : clause.entrySet()) {
            n += cost(e.getKey(), e.getValue());
        }
        return n;
    }

    static void simplify(List<TreeMap<MarkerKey, MarkerValueSet>> clauses) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < clauses.size(); i++) {
                for (int j = 0; j < clauses.size(); j++) {
                    if (i != j && widen(clauses.get(i), clauses.get(j))) {
                        changed = true;
                    }
                }
            }
            for (int j = 0; j < clauses.size(); j++) {
                for (int i = 0; i < clauses.size(); i++) {
                    if (i != j && implies(clauses.get(j), clauses.get(i))) {
                        clauses.remove(j);
                        j--;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Rewrites {@code c} using {@code d}: for a key k of c, if c's other conditions imply d's other
     * conditions, the part of c where k's value is in d's set lies inside d, so c may add d's
     * values for k (widen) or drop them (narrow) without changing the disjunction. Either is done
     * only when it makes c's condition on k shorter to print, so the loop ends.
     */
    private static boolean widen(TreeMap<MarkerKey, MarkerValueSet> c, TreeMap<MarkerKey, MarkerValueSet> d) {
        boolean changed = false;
        for (MarkerKey k : new ArrayList<>(c.keySet())) {
            boolean applies = true;
            for (Map.Entry<MarkerKey, MarkerValueSet> e : d.entrySet()) {
                if (!e.getKey().equals(k)) {
                    MarkerValueSet own = c.get(e.getKey());
                    if (own == null || !own.isSubsetOf(e.getValue())) {
                        applies = false;
                        break;
                    }
                }
            }
            if (!applies) {
                continue;
            }
            MarkerValueSet own = c.get(k);
            MarkerValueSet other = d.get(k) == null ? k.full() : d.get(k);
            MarkerValueSet best = own;
            int bestCost = cost(k, own);
            for (MarkerValueSet candidate : List.of(own.or(other), own.and(other.not()))) {
                int candidateCost = candidate.isEmpty() ? Integer.MAX_VALUE : cost(k, candidate);
                if (candidateCost < bestCost) {
                    best = candidate;
                    bestCost = candidateCost;
                }
            }
            if (best.isFull()) {
                c.remove(k);
                changed = true;
            } else if (best != own) {
                c.put(k, best);
                changed = true;
            }
        }
        return changed;
    }

    /** The number of comparisons {@code set} prints as; 0 for every value. */
    private static int cost(MarkerKey key, MarkerValueSet set) {
        return set.isFull() ? 0 : countComparisons(constraintNode(key, set));
    }

    private static int countComparisons(MarkerNode node) {
        if (node instanceof Junction junction) {
            int n = 0;
            for (MarkerNode child : junction.children()) {
                n += countComparisons(child);
            }
            return n;
        }
        return 1;
    }

    /**
     * Orders conjunctions by their conditions in key order: one that tests an earlier key comes
     * first, and on the same key the set with the lower values (or the named strings) first.
     */
    private static int compareClauses(TreeMap<MarkerKey, MarkerValueSet> a, TreeMap<MarkerKey, MarkerValueSet> b) {
        TreeSet<MarkerKey> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (MarkerKey k : keys) {
            MarkerValueSet x = a.get(k);
            MarkerValueSet y = b.get(k);
            if (x == null || y == null) {
                return x == null ? 1 : -1;
            }
            int c = MarkerValueSet.ORDER.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return clauseNode(a, false).toString().compareTo(clauseNode(b, false).toString());
    }

    /** Whether conjunction {@code a} implies conjunction {@code b}. */
    private static boolean implies(TreeMap<MarkerKey, MarkerValueSet> a, TreeMap<MarkerKey, MarkerValueSet> b) {
        for (Map.Entry<MarkerKey, MarkerValueSet> e : b.entrySet()) {
            MarkerValueSet own = a.get(e.getKey());
            if (own == null || !own.isSubsetOf(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    // ---- printing -----------------------------------------------------------------------------

    private static MarkerNode clauseNode(TreeMap<MarkerKey, MarkerValueSet> clause, boolean grouped) {
        List<MarkerNode> parts = new ArrayList<>();
        clause.forEach((key, set) -> {
            MarkerNode part = constraintNode(key, set);
            if (part instanceof Junction junction && !junction.isOr()) {
                parts.addAll(junction.children());
            } else {
                parts.add(part);
            }
        });
        return parts.size() == 1 ? parts.get(0) : new Junction(false, parts, grouped);
    }

    private static MarkerNode constraintNode(MarkerKey key, MarkerValueSet set) {
        return switch (key.kind()) {
            case OPAQUE -> {
                MarkerExpression positive = key.opaque().orElseThrow();
                yield MarkerAtoms.isOpaqueTrue(set) ? positive : MarkerAtoms.negate(positive);
            }
            case STRING -> {
                MarkerValueSet.Strings strings = (MarkerValueSet.Strings) set;
                MarkerOperator op = strings.cofinite() ? MarkerOperator.NOT_EQUAL : MarkerOperator.EQUAL;
                List<MarkerNode> atoms = new ArrayList<>();
                for (String value : strings.sortedValues()) {
                    atoms.add(new MarkerExpression(key.variable(), op, value, true));
                }
                yield junction(!strings.cofinite(), atoms);
            }
            case VERSION -> versionNode(key.variable(), ((MarkerValueSet.Versions) set).ranges());
        };
    }

    private static MarkerNode junction(boolean isOr, List<MarkerNode> parts) {
        return parts.size() == 1 ? parts.get(0) : new Junction(isOr, parts, false);
    }

    /**
     * A version set: one interval as its bounds, several as bounds plus {@code !=} exclusions when
     * every gap is one version or one X.Y series, otherwise as a disjunction of intervals.
     */
    private static MarkerNode versionNode(MarkerVariable variable, Ranges<Version> ranges) {
        List<Segment<Version>> segments = ranges.segments();
        if (segments.size() > 1) {
            List<MarkerNode> parts = new ArrayList<>();
            boundAtom(variable, segments.get(0).lower(), true).ifPresent(parts::add);
            boolean expressible = true;
            for (int i = 0; i + 1 < segments.size() && expressible; i++) {
                Optional<MarkerNode> hole = holeAtom(variable, segments.get(i).upper(),
                        segments.get(i + 1).lower());
                hole.ifPresent(parts::add);
                expressible = hole.isPresent();
            }
            boundAtom(variable, segments.get(segments.size() - 1).upper(), false).ifPresent(parts::add);
            if (expressible) {
                return junction(false, parts);
            }
        }
        List<MarkerNode> alternatives = new ArrayList<>();
        for (Segment<Version> s : segments) {
            alternatives.add(segmentNode(variable, s));
        }
        return junction(true, alternatives);
    }

    private static MarkerNode segmentNode(MarkerVariable variable, Segment<Version> s) {
        if (s.lower() instanceof Bound.Included<Version> lo && s.upper() instanceof Bound.Included<Version> hi
                && lo.value().equals(hi.value())) {
            return atom(variable, MarkerOperator.EQUAL, lo.value(), false);
        }
        if (s.lower().isUnbounded() && s.upper() instanceof Bound.Included<Version> hi
                && hi.value().equals(Version.of(0))) {
            // No release is below 0, so "up to 0" is just 0.
            return atom(variable, MarkerOperator.EQUAL, hi.value(), false);
        }
        if (variable == MarkerVariable.PYTHON_FULL_VERSION && s.lower() instanceof Bound.Included<Version> lo
                && MarkerAtoms.isMinorBoundary(lo.value()) && s.upper() instanceof Bound.Excluded<Version> hi
                && hi.value().equals(MarkerAtoms.nextMinor(lo.value()))) {
            return atom(variable, MarkerOperator.EQUAL, lo.value(), true);
        }
        List<MarkerNode> parts = new ArrayList<>();
        boundAtom(variable, s.lower(), true).ifPresent(parts::add);
        boundAtom(variable, s.upper(), false).ifPresent(parts::add);
        return junction(false, parts);
    }

    /**
     * The comparison for one end of an interval; an end where a minor series starts (a lower end
     * that includes X.Y, an upper end that excludes it) prints as {@code python_version}.
     */
    private static Optional<MarkerNode> boundAtom(MarkerVariable variable, Bound<Version> bound, boolean lower) {
        if (bound instanceof Bound.Included<Version> b) {
            return Optional.of(atom(variable, lower ? MarkerOperator.GREATER_EQUAL : MarkerOperator.LESS_EQUAL,
                    b.value(), lower && MarkerAtoms.isMinorBoundary(b.value())));
        }
        if (bound instanceof Bound.Excluded<Version> b) {
            return Optional.of(atom(variable, lower ? MarkerOperator.GREATER : MarkerOperator.LESS, b.value(),
                    !lower && MarkerAtoms.isMinorBoundary(b.value())));
        }
        return Optional.empty();
    }

    /** The {@code !=} comparison for the gap between two intervals, if the gap is one. */
    private static Optional<MarkerNode> holeAtom(MarkerVariable variable, Bound<Version> before,
            Bound<Version> after) {
        if (before instanceof Bound.Excluded<Version> a && after instanceof Bound.Excluded<Version> b
                && a.value().equals(b.value())) {
            return Optional.of(atom(variable, MarkerOperator.NOT_EQUAL, a.value(), false));
        }
        if (variable == MarkerVariable.PYTHON_FULL_VERSION && before instanceof Bound.Excluded<Version> a
                && MarkerAtoms.isMinorBoundary(a.value()) && after instanceof Bound.Included<Version> b
                && b.value().equals(MarkerAtoms.nextMinor(a.value()))) {
            return Optional.of(atom(variable, MarkerOperator.NOT_EQUAL, a.value(), true));
        }
        return Optional.empty();
    }

    /**
     * {@code variable op v}; for the Python key, {@code asMinor} prints {@code python_version}
     * with X.Y, otherwise {@code python_full_version} with X.Y.Z.
     */
    private static MarkerExpression atom(MarkerVariable variable, MarkerOperator op, Version v, boolean asMinor) {
        if (variable != MarkerVariable.PYTHON_FULL_VERSION) {
            return new MarkerExpression(variable, op, MarkerAtoms.plain(v.release()).toString(), true);
        }
        if (asMinor) {
            return new MarkerExpression(MarkerVariable.PYTHON_VERSION, op, v.major() + "." + v.minor(), true);
        }
        List<Long> release = new ArrayList<>(MarkerAtoms.plain(v.release()).release());
        while (release.size() < 3) {
            release.add(0L);
        }
        StringBuilder text = new StringBuilder();
        for (Long n : release) {
            text.append(text.length() == 0 ? "" : ".").append(n);
        }
        return new MarkerExpression(variable, op, text.toString(), true);
    }
}
