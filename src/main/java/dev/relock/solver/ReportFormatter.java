package dev.relock.solver;

import dev.relock.ranges.Ranges;
import dev.relock.solver.DerivationTree.Custom;
import dev.relock.solver.DerivationTree.Derived;
import dev.relock.solver.DerivationTree.External;
import dev.relock.solver.DerivationTree.FromDependencyOf;
import dev.relock.solver.DerivationTree.NoVersions;
import dev.relock.solver.DerivationTree.NotRoot;
import dev.relock.solver.DerivationTree.Unavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the pieces of a {@link DerivationTree} into sentences for {@link DefaultReport}. Every
 * method has a default producing English like "Because a 1 depends on b >=2 and there is no
 * version of b >=2, a 1 is forbidden."; a caller that knows its domain overrides the leaves
 * ({@link #formatRequirement}, {@link #formatExternal}, {@link #formatTerms}) and keeps the
 * sentence structure.
 *
 * <p>In the {@code explain*} methods, {@code conclusion} holds the terms the sentence concludes;
 * an empty map means version solving failed.
 *
 * @param <P> the package type
 * @param <V> the version type
 */
public interface ReportFormatter<P, V extends Comparable<? super V>> {

    /**
     * A package restricted to a set: {@code foo} for every version, {@code foo 1.2} for exactly one,
     * {@code foo >=1, <2} otherwise.
     */
    default String formatRequirement(P pkg, Ranges<V> set) {
        if (set.isFull()) {
            return String.valueOf(pkg);
        }
        return pkg + " " + set.asSingleton().map(String::valueOf).orElseGet(set::toString);
    }

    /** One fact, without final period. */
    default String formatExternal(External<P, V> external) {
        if (external instanceof NotRoot<P, V> n) {
            return "we are solving dependencies of " + formatRequirement(n.pkg(), Ranges.singleton(n.version()));
        }
        if (external instanceof NoVersions<P, V> n) {
            return n.set().isFull()
                    ? "there is no available version for " + formatRequirement(n.pkg(), n.set())
                    : "there is no version of " + formatRequirement(n.pkg(), n.set());
        }
        if (external instanceof Unavailable<P, V> u) {
            return formatRequirement(u.pkg(), u.set()) + " is unavailable (" + u.reason() + ")";
        }
        if (external instanceof Custom<P, V> c) {
            return formatRequirement(c.pkg(), c.set()) + " is unavailable (" + c.reason() + ")";
        }
        FromDependencyOf<P, V> f = (FromDependencyOf<P, V>) external;
        return formatRequirement(f.pkg(), f.set()) + " depends on " + formatRequirement(f.dependency(), f.dependencySet());
    }

    /** What a set of incompatible terms means, without final period. */
    default String formatTerms(Map<P, Term<V>> terms) {
        if (terms.isEmpty()) {
            return "version solving failed";
        }
        List<Map.Entry<P, Term<V>>> entries = new ArrayList<>(terms.entrySet());
        if (entries.size() == 1) {
            Map.Entry<P, Term<V>> only = entries.get(0);
            String req = formatRequirement(only.getKey(), only.getValue().ranges());
            return only.getValue().isPositive() ? req + " is forbidden" : req + " is mandatory";
        }
        if (entries.size() == 2 && entries.get(0).getValue().isPositive() != entries.get(1).getValue().isPositive()) {
            Map.Entry<P, Term<V>> pos = entries.get(0).getValue().isPositive() ? entries.get(0) : entries.get(1);
            Map.Entry<P, Term<V>> neg = entries.get(0).getValue().isPositive() ? entries.get(1) : entries.get(0);
            return formatExternal(new FromDependencyOf<>(
                    pos.getKey(), pos.getValue().ranges(), neg.getKey(), neg.getValue().ranges()));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<P, Term<V>> e : entries) {
            String req = formatRequirement(e.getKey(), e.getValue().ranges());
            parts.add(e.getValue().isPositive() ? req : "not " + req);
        }
        return String.join(", ", parts) + " are incompatible";
    }

    /** Two facts give the conclusion. */
    default String explainBothExternal(External<P, V> first, External<P, V> second, Map<P, Term<V>> conclusion) {
        return "Because " + formatExternal(first) + " and " + formatExternal(second) + ", "
                + formatTerms(conclusion) + ".";
    }

    /** Two conclusions explained earlier (on lines {@code ref1} and {@code ref2}) give the conclusion. */
    default String explainBothRef(int ref1, Derived<P, V> first, int ref2, Derived<P, V> second,
            Map<P, Term<V>> conclusion) {
        return "Because " + formatTerms(first.terms()) + " (" + ref1 + ") and " + formatTerms(second.terms())
                + " (" + ref2 + "), " + formatTerms(conclusion) + ".";
    }

    /** A conclusion explained earlier (on line {@code ref}) and a fact give the conclusion. */
    default String explainRefAndExternal(int ref, Derived<P, V> derived, External<P, V> external,
            Map<P, Term<V>> conclusion) {
        return "Because " + formatTerms(derived.terms()) + " (" + ref + ") and " + formatExternal(external) + ", "
                + formatTerms(conclusion) + ".";
    }

    /** The previous line's conclusion and a fact give the conclusion. */
    default String andExplainExternal(External<P, V> external, Map<P, Term<V>> conclusion) {
        return "And because " + formatExternal(external) + ", " + formatTerms(conclusion) + ".";
    }

    /** The previous line's conclusion and one explained on line {@code ref} give the conclusion. */
    default String andExplainRef(int ref, Derived<P, V> derived, Map<P, Term<V>> conclusion) {
        return "And because " + formatTerms(derived.terms()) + " (" + ref + "), " + formatTerms(conclusion) + ".";
    }

    /** The previous line's conclusion and two more facts give the conclusion. */
    default String andExplainPriorAndExternal(External<P, V> prior, External<P, V> external,
            Map<P, Term<V>> conclusion) {
        return "And because " + formatExternal(prior) + " and " + formatExternal(external) + ", "
                + formatTerms(conclusion) + ".";
    }
}
