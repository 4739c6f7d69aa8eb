package dev.relock.solver;

import dev.relock.ranges.Ranges;
import dev.relock.solver.DerivationTree.Custom;
import dev.relock.solver.DerivationTree.External;
import dev.relock.solver.DerivationTree.FromDependencyOf;
import dev.relock.solver.DerivationTree.NoVersions;
import dev.relock.solver.DerivationTree.NotRoot;
import dev.relock.solver.DerivationTree.Unavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of terms that must not all hold at once, with the reason it is known. Either external
 * (a fact from the provider or the root requirement) or derived from two earlier
 * incompatibilities, referred to by their ids in the solver's append-only store.
 */
final class Incompatibility<P, V extends Comparable<? super V>> {
    /** Results of {@link #relation}: non-negative values are the index of the one undecided term. */
    static final int SATISFIED = -1;
    static final int CONTRADICTED = -2;
    static final int INCONCLUSIVE = -3;

    private final List<P> packages;
    private final List<Term<V>> terms;
    private final Optional<External<P, V>> external;
    private final int cause1;
    private final int cause2;

    private Incompatibility(List<P> packages, List<Term<V>> terms, Optional<External<P, V>> external,
            int cause1, int cause2) {
        this.packages = packages;
        this.terms = terms;
        this.external = external;
        this.cause1 = cause1;
        this.cause2 = cause2;
    }

    private static <P, V extends Comparable<? super V>> Incompatibility<P, V> external(
            External<P, V> kind, List<P> packages, List<Term<V>> terms) {
        return new Incompatibility<>(packages, terms, Optional.of(kind), -1, -1);
    }

    /** The root must be selected at {@code version}: {@code {root: not ==version}}. */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> notRoot(P root, V version) {
        return external(new NotRoot<>(root, version), List.of(root), List.of(Term.negative(Ranges.singleton(version))));
    }

    /** No version of {@code pkg} in {@code set} exists. */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> noVersions(P pkg, Ranges<V> set) {
        return external(new NoVersions<>(pkg, set), List.of(pkg), List.of(Term.positive(set)));
    }

    /** No version of {@code pkg} in {@code set} can be used, for {@code reason}. */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> custom(P pkg, Ranges<V> set, String reason) {
        return external(new Custom<>(pkg, set, reason), List.of(pkg), List.of(Term.positive(set)));
    }

    /** {@code pkg} at {@code version} cannot be used for {@code reason}. */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> unavailable(P pkg, V version, String reason) {
        Ranges<V> set = Ranges.singleton(version);
        return external(new Unavailable<>(pkg, set, reason), List.of(pkg), List.of(Term.positive(set)));
    }

    /**
     * {@code pkg} in {@code set} depends on {@code dep} in {@code depSet}. A dependency on nothing
     * (empty {@code depSet}) forbids {@code set}; so does a dependency on the package itself, which
     * callers only pass when {@code depSet} excludes every version of {@code set}.
     */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> fromDependency(
            P pkg, Ranges<V> set, P dep, Ranges<V> depSet) {
        FromDependencyOf<P, V> kind = new FromDependencyOf<>(pkg, set, dep, depSet);
        if (depSet.isEmpty() || dep.equals(pkg)) {
            return external(kind, List.of(pkg), List.of(Term.positive(set)));
        }
        return external(kind, List.of(pkg, dep), List.of(Term.positive(set), Term.negative(depSet)));
    }

    /**
     * The incompatibility that follows from {@code incompat} and {@code satisfierCause}, which have
     * opposite-leaning terms on {@code pkg}: all other terms joined, and the union of both terms on
     * {@code pkg} unless that union always holds.
     */
    static <P, V extends Comparable<? super V>> Incompatibility<P, V> priorCause(
            int incompatId, Incompatibility<P, V> incompat, int causeId, Incompatibility<P, V> cause, P pkg) {
        List<P> ps = new ArrayList<>(incompat.size() + cause.size());
        List<Term<V>> ts = new ArrayList<>(incompat.size() + cause.size());
        for (int i = 0; i < incompat.size(); i++) {
            if (!incompat.packages.get(i).equals(pkg)) {
                ps.add(incompat.packages.get(i));
                ts.add(incompat.terms.get(i));
            }
        }
        for (int i = 0; i < cause.size(); i++) {
            P p = cause.packages.get(i);
            if (p.equals(pkg)) {
                continue;
            }
            int at = ps.indexOf(p);
            if (at >= 0) {
                ts.set(at, ts.get(at).intersection(cause.terms.get(i)));
            } else {
                ps.add(p);
                ts.add(cause.terms.get(i));
            }
        }
        Term<V> joined = incompat.get(pkg).union(cause.get(pkg));
        if (!joined.equals(Term.any())) {
            ps.add(pkg);
            ts.add(joined);
        }
        return new Incompatibility<>(List.copyOf(ps), List.copyOf(ts), Optional.empty(), incompatId, causeId);
    }

    int size() {
        return packages.size();
    }

    P packageAt(int i) {
        return packages.get(i);
    }

    Term<V> termAt(int i) {
        return terms.get(i);
    }

    /** The term on {@code pkg}; only called for packages this incompatibility mentions. */
    Term<V> get(P pkg) {
        int i = packages.indexOf(pkg);
        if (i < 0) {
            throw new IllegalStateException("incompatibility " + this + " says nothing about " + pkg);
        }
        return terms.get(i);
    }

    Optional<External<P, V>> external() {
        return external;
    }

    int cause1() {
        return cause1;
    }

    int cause2() {
        return cause2;
    }

    /** The dependency fact this is, when it says "some versions of p depend on another package q". */
    Optional<FromDependencyOf<P, V>> asDependency() {
        if (external.isPresent() && external.get() instanceof FromDependencyOf<P, V> f && size() == 2) {
            return Optional.of(f);
        }
        return Optional.empty();
    }

    /**
     * "p in S1 depends on q in R" and "p in S2 depends on q in R" merged into "p in S1 ∪ S2
     * depends on q in R", when both have that shape with the same p, q and R.
     */
    Optional<Incompatibility<P, V>> mergeDependents(Incompatibility<P, V> other) {
        Optional<FromDependencyOf<P, V>> mine = asDependency();
        Optional<FromDependencyOf<P, V>> theirs = other.asDependency();
        if (mine.isEmpty() || theirs.isEmpty()) {
            return Optional.empty();
        }
        FromDependencyOf<P, V> a = mine.get();
        FromDependencyOf<P, V> b = theirs.get();
        if (!a.pkg().equals(b.pkg()) || !a.dependency().equals(b.dependency())
                || !a.dependencySet().equals(b.dependencySet())) {
            return Optional.empty();
        }
        return Optional.of(fromDependency(a.pkg(), a.set().union(b.set()), a.dependency(), a.dependencySet()));
    }

    /** Whether this says the root cannot be selected at its version, or that nothing can be done at all. */
    boolean isTerminal(P root, V rootVersion) {
        if (packages.isEmpty()) {
            return true;
        }
        return packages.size() == 1 && packages.get(0).equals(root) && terms.get(0).contains(rootVersion);
    }

    /**
     * How the partial solution relates to this incompatibility: {@link #SATISFIED} (a conflict),
     * {@link #CONTRADICTED}, {@link #INCONCLUSIVE}, or the index of the only term not yet satisfied
     * while all others are ("almost satisfied": that term's negation can be derived).
     */
    int relation(PartialSolution<P, V, ?> solution) {
        int almost = SATISFIED;
        for (int i = 0; i < packages.size(); i++) {
            Term<V> assigned = solution.termFor(packages.get(i));
            Term.Relation r = assigned == null ? Term.Relation.INCONCLUSIVE : terms.get(i).relationWith(assigned);
            if (r == Term.Relation.CONTRADICTED) {
                return CONTRADICTED;
            }
            if (r == Term.Relation.INCONCLUSIVE) {
                if (almost != SATISFIED) {
                    return INCONCLUSIVE;
                }
                almost = i;
            }
        }
        return almost;
    }

    /** Whether deciding {@code pkg} at {@code exact} would make this incompatibility satisfied. */
    boolean satisfiedIfDecided(PartialSolution<P, V, ?> solution, P pkg, Term<V> exact) {
        for (int i = 0; i < packages.size(); i++) {
            P p = packages.get(i);
            Term<V> assigned = p.equals(pkg) ? exact : solution.termFor(p);
            if (assigned == null || terms.get(i).relationWith(assigned) != Term.Relation.SATISFIED) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < packages.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(packages.get(i)).append(' ').append(terms.get(i));
        }
        return sb.append('}').toString();
    }
}
