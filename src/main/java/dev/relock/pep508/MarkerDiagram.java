package dev.relock.pep508;

import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerNode.Constant;
import dev.relock.pep508.MarkerNode.Junction;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The marker algebra: markers as reduced, ordered multi-valued decision diagrams.
 *
 * <p>A diagram node decides on one {@link MarkerKey}: its branches partition the key's values
 * ({@link MarkerValueSet}) and lead to distinct children, keys are tested in {@link MarkerKey}
 * order along every path, and a node with a single child is replaced by that child. Such a
 * diagram is canonical: two markers that hold in the same environments (under the model of
 * {@link MarkerTree}) have equal diagrams, so "always true" is exactly the {@code TRUE} leaf.
 *
 * <p>An instance carries a work budget; an operation that exceeds it throws {@link TooComplex},
 * and callers then fall back to an unsimplified (but still correct) form.
 */
final class MarkerDiagram {
    /** Work units (node visits) one algebra operation may spend. */
    static final int BUDGET = 20_000;
    /** Conjunctions a printed marker may have before printing gives up on simplifying. */
    static final int MAX_CLAUSES = 64;

    /** A diagram node. */
    sealed interface Node permits Leaf, Split {
    }

    /** Always true or always false. */
    record Leaf(boolean value) implements Node {
    }

    /** One branch of a {@link Split}: where the key's value lies in {@code set}, {@code child} decides. */
    record Branch(MarkerValueSet set, Node child) {
    }

    /** A decision on {@code key}. */
    static final class Split implements Node {
        final MarkerKey key;
        final List<Branch> branches;
        private final int hash;

        Split(MarkerKey key, List<Branch> branches) {
            this.key = key;
            this.branches = List.copyOf(branches);
            this.hash = Objects.hash(key, this.branches);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Split s && hash == s.hash && key.equals(s.key)
                    && branches.equals(s.branches));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Thrown when an operation would exceed the work budget. */
    static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex() {
            super("marker too complex to simplify", null, false, false);
        }
    }

    static final Leaf TRUE = new Leaf(true);
    static final Leaf FALSE = new Leaf(false);

    private int budget = BUDGET;
    private final Map<List<Object>, Node> memo = new HashMap<>();

    private void spend() {
        if (--budget < 0) {
            throw new TooComplex();
        }
    }

    /** The diagram of a parsed or built marker expression. */
    Node build(MarkerNode node) {
        spend();
        if (node instanceof Constant constant) {
            return constant.value() ? TRUE : FALSE;
        }
        if (node instanceof MarkerExpression expression) {
            MarkerAtoms.Atom atom = MarkerAtoms.of(expression);
            return atom(atom.key(), atom.set());
        }
        Junction junction = (Junction) node;
        Node result = junction.isOr() ? FALSE : TRUE;
        for (MarkerNode child : junction.children()) {
            result = apply(junction.isOr(), result, build(child));
        }
        return result;
    }

    Node and(Node a, Node b) {
        return apply(false, a, b);
    }

    Node or(Node a, Node b) {
        return apply(true, a, b);
    }

    private Node apply(boolean isOr, Node a, Node b) {
        spend();
        if (a instanceof Leaf leaf) {
            return leaf.value() == isOr ? leaf : b;
        }
        if (b instanceof Leaf leaf) {
            return leaf.value() == isOr ? leaf : a;
        }
        if (a.equals(b)) {
            return a;
        }
        List<Object> memoKey = List.of(isOr, a, b);
        Node known = memo.get(memoKey);
        if (known != null) {
            return known;
        }
        MarkerKey key = min(((Split) a).key, ((Split) b).key);
        List<Branch> out = new ArrayList<>();
        for (Branch x : branchesAt(a, key)) {
            for (Branch y : branchesAt(b, key)) {
                MarkerValueSet both = x.set().and(y.set());
                if (!both.isEmpty()) {
                    out.add(new Branch(both, apply(isOr, x.child(), y.child())));
                }
            }
        }
        Node result = split(key, out);
        memo.put(memoKey, result);
        return result;
    }

    Node not(Node a) {
        spend();
        if (a instanceof Leaf leaf) {
            return leaf.value() ? FALSE : TRUE;
        }
        Split split = (Split) a;
        List<Branch> out = new ArrayList<>();
        for (Branch b : split.branches) {
            out.add(new Branch(b.set(), not(b.child())));
        }
        return new Split(split.key, out);
    }

    /**
     * A diagram that agrees with {@code f} wherever {@code care} holds, and is free to differ
     * elsewhere; used to drop the parts of a marker that an assumption already decides. On each
     * key, the values {@code care} rules out are given to a neighbouring branch (an adjacent
     * interval, or the branch of "any other string"), so their boundaries disappear.
     */
    Node restrict(Node f, Node care) {
        spend();
        if (f instanceof Leaf || care instanceof Leaf) {
            return f;
        }
        Split fs = (Split) f;
        Split cs = (Split) care;
        int order = fs.key.compareTo(cs.key);
        if (order > 0) {
            Node any = FALSE;
            for (Branch b : cs.branches) {
                any = or(any, b.child());
            }
            return restrict(f, any);
        }
        List<Branch> careBranches = order < 0 ? List.of(new Branch(fs.key.full(), care)) : cs.branches;
        MarkerValueSet cared = fs.key.full().not();
        for (Branch c : careBranches) {
            if (!c.child().equals(FALSE)) {
                cared = cared.or(c.set());
            }
        }
        List<Branch> kept = new ArrayList<>();
        List<MarkerValueSet> original = new ArrayList<>();
        for (Branch b : fs.branches) {
            MarkerValueSet part = b.set().and(cared);
            if (part.isEmpty()) {
                continue;
            }
            Node where = FALSE;
            for (Branch c : careBranches) {
                if (!b.set().and(c.set()).isEmpty()) {
                    where = or(where, c.child());
                }
            }
            kept.add(new Branch(part, restrict(b.child(), where)));
            original.add(b.set());
        }
        if (kept.isEmpty()) {
            return f;
        }
        MarkerValueSet free = cared.not();
        if (!free.isEmpty()) {
            reassign(kept, original, free);
        }
        return split(fs.key, kept);
    }

    /** Adds the values of {@code free} to neighbouring branches of {@code kept}. */
    private static void reassign(List<Branch> kept, List<MarkerValueSet> original, MarkerValueSet free) {
        if (free instanceof MarkerValueSet.Versions versions) {
            for (Ranges.Segment<Version> segment : versions.ranges().segments()) {
                MarkerValueSet piece = new MarkerValueSet.Versions(Ranges.ofSegments(List.of(segment)));
                int target = 0;
                for (int i = 0; i < kept.size(); i++) {
                    Ranges<Version> own = ((MarkerValueSet.Versions) kept.get(i).set()).ranges();
                    Ranges<Version> joined = own.union(((MarkerValueSet.Versions) piece).ranges());
                    if (joined.segments().size() <= own.segments().size()) {
                        target = i;
                        break;
                    }
                }
                kept.set(target, new Branch(kept.get(target).set().or(piece), kept.get(target).child()));
            }
            return;
        }
        int target = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (((MarkerValueSet.Strings) original.get(i)).cofinite()) {
                target = i;
            }
        }
        kept.set(target, new Branch(kept.get(target).set().or(free), kept.get(target).child()));
    }

    /**
     * The values of {@code key} for which {@code node} holds somewhere: the projection of
     * {@code node} onto {@code key}.
     */
    static MarkerValueSet projection(Node node, MarkerKey key) {
        if (node instanceof Leaf leaf) {
            return leaf.value() ? key.full() : key.full().not();
        }
        Split split = (Split) node;
        int order = split.key.compareTo(key);
        if (order > 0) {
            return key.full(); // a reduced node other than FALSE holds somewhere
        }
        MarkerValueSet out = key.full().not();
        for (Branch b : split.branches) {
            if (order == 0) {
                if (!b.child().equals(FALSE)) {
                    out = out.or(b.set());
                }
            } else {
                out = out.or(projection(b.child(), key));
            }
            if (out.isFull()) {
                break;
            }
        }
        return out;
    }

    /** The diagram of "the value of {@code key} lies in {@code set}". */
    static Node atom(MarkerKey key, MarkerValueSet set) {
        if (set.isEmpty()) {
            return FALSE;
        }
        if (set.isFull()) {
            return TRUE;
        }
        return split(key, List.of(new Branch(set, TRUE), new Branch(set.not(), FALSE)));
    }

    /** The reduced node deciding on {@code key} with {@code branches} (whose sets partition it). */
    private static Node split(MarkerKey key, List<Branch> branches) {
        Map<Node, MarkerValueSet> byChild = new LinkedHashMap<>();
        for (Branch b : branches) {
            byChild.merge(b.child(), b.set(), MarkerValueSet::or);
        }
        if (byChild.size() == 1) {
            return byChild.keySet().iterator().next();
        }
        List<Branch> out = new ArrayList<>();
        byChild.forEach((child, set) -> out.add(new Branch(set, child)));
        out.sort((x, y) -> MarkerValueSet.ORDER.compare(x.set(), y.set()));
        return new Split(key, out);
    }

    private static List<Branch> branchesAt(Node node, MarkerKey key) {
        if (node instanceof Split split && split.key.equals(key)) {
            return split.branches;
        }
        return List.of(new Branch(key.full(), node));
    }

    private static MarkerKey min(MarkerKey a, MarkerKey b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The paths to {@code TRUE}, each as the value sets it requires per key (keys it does not
     * test are absent), in branch order; disjoint conjunctions whose union is the marker.
     *
     * @throws TooComplex past {@link #MAX_CLAUSES} paths (or 16 times as many nodes visited)
     */
    static List<TreeMap<MarkerKey, MarkerValueSet>> paths(Node node) {
        List<TreeMap<MarkerKey, MarkerValueSet>> out = new ArrayList<>();
        collect(node, new TreeMap<>(), out, new int[] {MAX_CLAUSES * 16});
        return out;
    }

    private static void collect(Node node, TreeMap<MarkerKey, MarkerValueSet> prefix,
            List<TreeMap<MarkerKey, MarkerValueSet>> out, int[] visits) {
        if (--visits[0] < 0) {
            throw new TooComplex();
        }
        if (node instanceof Leaf leaf) {
            if (leaf.value()) {
                if (out.size() >= MAX_CLAUSES) {
                    throw new TooComplex();
                }
                out.add(new TreeMap<>(prefix));
            }
            return;
        }
        Split split = (Split) node;
        for (Branch b : split.branches) {
            prefix.put(split.key, b.set());
            collect(b.child(), prefix, out, visits);
        }
        prefix.remove(split.key);
    }
}
