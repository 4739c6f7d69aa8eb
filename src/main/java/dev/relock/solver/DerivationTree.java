package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Why version solving failed: a binary tree whose leaves are facts ({@link External}) and whose
 * inner nodes ({@link Derived}) combine two facts into a conclusion. The root concludes that the
 * root package cannot be selected. {@link DefaultReport} turns it into text.
 *
 * @param <P> the package type
 * @param <V> the version type
 */
public sealed interface DerivationTree<P, V extends Comparable<? super V>>
        permits DerivationTree.External, DerivationTree.Derived {

    /** A fact that does not follow from other facts. */
    sealed interface External<P, V extends Comparable<? super V>> extends DerivationTree<P, V>
            permits NotRoot, NoVersions, Unavailable, Custom, FromDependencyOf {
    }

    /** The root package must be selected at the root version ("we are solving dependencies of ..."). */
    record NotRoot<P, V extends Comparable<? super V>>(P pkg, V version) implements External<P, V> {
        public NotRoot {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The provider has no version of {@code pkg} in {@code set}. */
    record NoVersions<P, V extends Comparable<? super V>>(P pkg, Ranges<V> set) implements External<P, V> {
        public NoVersions {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(set, "set");
        }
    }

    /**
     * The versions of {@code pkg} in {@code set} (one version, as the solver builds it) cannot be
     * used, for the {@code reason} {@link Dependencies.Unavailable} gave.
     */
    record Unavailable<P, V extends Comparable<? super V>>(P pkg, Ranges<V> set, String reason)
            implements External<P, V> {
        public Unavailable {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No version of {@code pkg} in {@code set} can be used, for a {@code reason} the provider gave
     * when it had none to offer (see {@link DependencyProvider#unavailableReason}).
     */
    record Custom<P, V extends Comparable<? super V>>(P pkg, Ranges<V> set, String reason)
            implements External<P, V> {
        public Custom {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The versions of {@code pkg} in {@code set} depend on {@code dependency} in {@code dependencySet}. */
    record FromDependencyOf<P, V extends Comparable<? super V>>(
            P pkg, Ranges<V> set, P dependency, Ranges<V> dependencySet) implements External<P, V> {
        public FromDependencyOf {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(dependencySet, "dependencySet");
        }
    }

    /**
     * A conclusion drawn from two causes: the {@code terms} cannot all hold at once (no terms at all
     * means version solving failed).
     *
     * @param sharedId present when the same conclusion is used by more than one node of the tree,
     *     so a report can explain it once and refer back to it
     */
    record Derived<P, V extends Comparable<? super V>>(
            Map<P, Term<V>> terms, OptionalInt sharedId, DerivationTree<P, V> cause1, DerivationTree<P, V> cause2)
            implements DerivationTree<P, V> {
        public Derived {
            terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
            Objects.requireNonNull(sharedId, "sharedId");
            Objects.requireNonNull(cause1, "cause1");
            Objects.requireNonNull(cause2, "cause2");
        }
    }

    /** Every package mentioned anywhere in the tree, in first-mention order. */
    default Set<P> packages() {
        Set<P> out = new LinkedHashSet<>();
        collectPackages(this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Collections.unmodifiableSet(out);
    }

    private static <P, V extends Comparable<? super V>> void collectPackages(
            DerivationTree<P, V> tree, Set<P> out, Set<DerivationTree<P, V>> seen) {
        if (!seen.add(tree)) {
            return;
        }
        if (tree instanceof Derived<P, V> d) {
            out.addAll(d.terms().keySet());
            collectPackages(d.cause1(), out, seen);
            collectPackages(d.cause2(), out, seen);
        } else if (tree instanceof FromDependencyOf<P, V> f) {
            out.add(f.pkg());
            out.add(f.dependency());
        } else if (tree instanceof NoVersions<P, V> n) {
            out.add(n.pkg());
        } else if (tree instanceof Unavailable<P, V> u) {
            out.add(u.pkg());
        } else if (tree instanceof Custom<P, V> c) {
            out.add(c.pkg());
        } else if (tree instanceof NotRoot<P, V> n) {
            out.add(n.pkg());
        }
    }

    /**
     * A shorter tree for reports: each "there is no version of X in S" leaf is folded into the fact
     * it was combined with. As S holds no versions, a range on X may include S or not without
     * changing its meaning, so a dependency fact absorbs S into its range and the pair reads as that
     * one fact; when the other cause is itself derived, the node is replaced by that cause. A leaf
     * whose S covers the whole range a dependency asks for is kept: then "there is no such version"
     * is the reason, not a gap. The top node is kept. Only valid when the provider saw every existing version (S truly holds
     * none).
     */
    default DerivationTree<P, V> collapseNoVersions() {
        Map<DerivationTree<P, V>, DerivationTree<P, V>> done = new IdentityHashMap<>();
        DerivationTree<P, V> collapsed = collapse(this, done);
        if (this instanceof Derived<P, V> d && collapsed instanceof External) {
            // The top conclusion ("version solving failed") must survive: keep both causes.
            return new Derived<>(d.terms(), d.sharedId(), collapse(d.cause1(), done), collapse(d.cause2(), done));
        }
        return collapsed;
    }

    private static <P, V extends Comparable<? super V>> DerivationTree<P, V> collapse(
            DerivationTree<P, V> tree, Map<DerivationTree<P, V>, DerivationTree<P, V>> done) {
        if (!(tree instanceof Derived<P, V> d)) {
            return tree;
        }
        DerivationTree<P, V> cached = done.get(tree);
        if (cached != null) {
            return cached;
        }
        DerivationTree<P, V> result;
        if (d.cause1() instanceof NoVersions<P, V> nv && !(d.cause2() instanceof NoVersions)) {
            result = mergeNoVersions(collapse(d.cause2(), done), nv, d);
        } else if (d.cause2() instanceof NoVersions<P, V> nv && !(d.cause1() instanceof NoVersions)) {
            result = mergeNoVersions(collapse(d.cause1(), done), nv, d);
        } else {
            result = new Derived<>(d.terms(), d.sharedId(), collapse(d.cause1(), done), collapse(d.cause2(), done));
        }
        done.put(tree, result);
        return result;
    }

    private static <P, V extends Comparable<? super V>> DerivationTree<P, V> mergeNoVersions(
            DerivationTree<P, V> other, NoVersions<P, V> nv, Derived<P, V> original) {
        if (other instanceof Derived<P, V> derived) {
            return derived;
        }
        if (other instanceof FromDependencyOf<P, V> f) {
            if (f.dependency().equals(nv.pkg()) && f.dependencySet().isSubsetOf(nv.set())) {
                // Nothing at all satisfies the dependency: that is the point of the explanation,
                // not a gap to hide, so both facts stay (both causes are leaves here).
                return original;
            }
            return f.pkg().equals(nv.pkg())
                    ? new FromDependencyOf<>(f.pkg(), f.set().union(nv.set()), f.dependency(), f.dependencySet())
                    : new FromDependencyOf<>(f.pkg(), f.set(), f.dependency(), f.dependencySet().union(nv.set()));
        }
        return original;
    }
}
