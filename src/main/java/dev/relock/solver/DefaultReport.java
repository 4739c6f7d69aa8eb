package dev.relock.solver;

import dev.relock.ranges.Ranges;
import dev.relock.solver.DerivationTree.Derived;
import dev.relock.solver.DerivationTree.External;
import dev.relock.solver.DerivationTree.FromDependencyOf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Explains a {@link DerivationTree} as numbered English sentences, one per line, ending in
 * "version solving failed".
 *
 * <p>Each line combines two causes into a conclusion; a line starting "And because" continues
 * from the previous line's conclusion. Conclusions used more than once get a number "(n)" at the
 * end of the line that explains them, and later lines refer to that number instead of explaining
 * them again. Two dependency facts forming a chain are told in chain order ("a depends on b and
 * b depends on c"). The root package (the one the final conclusion is about) is printed without
 * its version. The output depends only on the tree, so it is deterministic.
 *
 * @param <P> the package type
 * @param <V> the version type
 */
public final class DefaultReport<P, V extends Comparable<? super V>> {
    private final ReportFormatter<P, V> formatter;
    private final Map<Integer, Integer> refOfShared = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int refCount;

    private DefaultReport(ReportFormatter<P, V> formatter) {
        this.formatter = formatter;
    }

    /** The explanation with the default English {@link ReportFormatter}. */
    public static <P, V extends Comparable<? super V>> String report(DerivationTree<P, V> tree) {
        return report(tree, new ReportFormatter<>() {});
    }

    /** The explanation with sentences from {@code formatter}. */
    public static <P, V extends Comparable<? super V>> String report(
            DerivationTree<P, V> tree, ReportFormatter<P, V> formatter) {
        if (tree instanceof External<P, V> external) {
            return formatter.formatExternal(external) + ".";
        }
        Derived<P, V> top = (Derived<P, V>) tree;
        if (top.terms().size() == 1) {
            P root = top.terms().keySet().iterator().next();
            top = (Derived<P, V>) withoutRootVersion(top, root, new IdentityHashMap<>());
        }
        DefaultReport<P, V> report = new DefaultReport<>(formatter);
        report.explain(top, Map.of());
        return String.join("\n", report.lines);
    }

    /** Explains {@code node}, concluding {@code conclusion}, and numbers it if it is shared. */
    private void explain(Derived<P, V> node, Map<P, Term<V>> conclusion) {
        explainCauses(node, conclusion);
        if (node.sharedId().isPresent() && !refOfShared.containsKey(node.sharedId().getAsInt())) {
            addLineRef();
            refOfShared.put(node.sharedId().getAsInt(), refCount);
        }
    }

    private void explain(Derived<P, V> node) {
        explain(node, node.terms());
    }

    private void explainCauses(Derived<P, V> node, Map<P, Term<V>> conclusion) {
        DerivationTree<P, V> c1 = node.cause1();
        DerivationTree<P, V> c2 = node.cause2();
        if (c1 instanceof External<P, V> e1 && c2 instanceof External<P, V> e2) {
            if (follows(e1, e2)) {
                lines.add(formatter.explainBothExternal(e2, e1, conclusion));
            } else {
                lines.add(formatter.explainBothExternal(e1, e2, conclusion));
            }
        } else if (c1 instanceof Derived<P, V> d && c2 instanceof External<P, V> e) {
            explainOneEach(d, e, conclusion);
        } else if (c1 instanceof External<P, V> e && c2 instanceof Derived<P, V> d) {
            explainOneEach(d, e, conclusion);
        } else {
            Derived<P, V> d1 = (Derived<P, V>) c1;
            Derived<P, V> d2 = (Derived<P, V>) c2;
            Optional<Integer> ref1 = refOf(d1);
            Optional<Integer> ref2 = refOf(d2);
            if (ref1.isPresent() && ref2.isPresent()) {
                lines.add(formatter.explainBothRef(ref1.get(), d1, ref2.get(), d2, conclusion));
            } else if (ref1.isPresent()) {
                explain(d2);
                lines.add(formatter.andExplainRef(ref1.get(), d1, conclusion));
            } else if (ref2.isPresent()) {
                explain(d1);
                lines.add(formatter.andExplainRef(ref2.get(), d2, conclusion));
            } else if (d1.sharedId().isPresent()) {
                // Explaining the shared cause numbers it; then this node has one numbered cause.
                explain(d1);
                lines.add("");
                explainCauses(node, conclusion);
            } else {
                explain(d1);
                addLineRef();
                int ref = refCount;
                lines.add("");
                explain(d2);
                lines.add(formatter.andExplainRef(ref, d1, conclusion));
            }
        }
    }

    private void explainOneEach(Derived<P, V> derived, External<P, V> external, Map<P, Term<V>> conclusion) {
        Optional<Integer> ref = refOf(derived);
        if (ref.isPresent()) {
            lines.add(formatter.explainRefAndExternal(ref.get(), derived, external, conclusion));
            return;
        }
        // Chain through a derived cause that itself has one fact as a cause, unless that cause is
        // shared and must get its own numbered line.
        if (derived.sharedId().isEmpty()) {
            if (derived.cause1() instanceof Derived<P, V> prior && derived.cause2() instanceof External<P, V> pe) {
                explainPriorAndExternal(prior, pe, external, conclusion);
                return;
            }
            if (derived.cause1() instanceof External<P, V> pe && derived.cause2() instanceof Derived<P, V> prior) {
                explainPriorAndExternal(prior, pe, external, conclusion);
                return;
            }
        }
        explain(derived);
        lines.add(formatter.andExplainExternal(external, conclusion));
    }

    private void explainPriorAndExternal(Derived<P, V> prior, External<P, V> priorExternal,
            External<P, V> external, Map<P, Term<V>> conclusion) {
        explain(prior);
        if (follows(priorExternal, external)) {
            lines.add(formatter.andExplainPriorAndExternal(external, priorExternal, conclusion));
        } else {
            lines.add(formatter.andExplainPriorAndExternal(priorExternal, external, conclusion));
        }
    }

    /**
     * Whether {@code first} continues a chain that {@code second} starts ("b depends on c" after
     * "a depends on b"), so the two read better swapped.
     */
    private static <P, V extends Comparable<? super V>> boolean follows(External<P, V> first, External<P, V> second) {
        return first instanceof FromDependencyOf<P, V> f1
                && second instanceof FromDependencyOf<P, V> f2
                && f2.dependency().equals(f1.pkg())
                && !f1.dependency().equals(f2.pkg());
    }

    private Optional<Integer> refOf(Derived<P, V> node) {
        OptionalInt id = node.sharedId();
        return id.isPresent() ? Optional.ofNullable(refOfShared.get(id.getAsInt())) : Optional.empty();
    }

    private void addLineRef() {
        refCount++;
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + " (" + refCount + ")");
    }

    /** The tree with the root's single version dropped from dependency facts and positive terms. */
    private static <P, V extends Comparable<? super V>> DerivationTree<P, V> withoutRootVersion(
            DerivationTree<P, V> tree, P root, Map<DerivationTree<P, V>, DerivationTree<P, V>> done) {
        DerivationTree<P, V> cached = done.get(tree);
        if (cached != null) {
            return cached;
        }
        DerivationTree<P, V> result = tree;
        if (tree instanceof FromDependencyOf<P, V> f && f.pkg().equals(root)) {
            result = new FromDependencyOf<>(root, Ranges.full(), f.dependency(), f.dependencySet());
        } else if (tree instanceof Derived<P, V> d) {
            Map<P, Term<V>> terms = new LinkedHashMap<>(d.terms());
            terms.computeIfPresent(root, (p, t) -> t.isPositive() ? Term.positive(Ranges.<V>full()) : t);
            result = new Derived<>(terms, d.sharedId(),
                    withoutRootVersion(d.cause1(), root, done), withoutRootVersion(d.cause2(), root, done));
        }
        done.put(tree, result);
        return result;
    }
}
