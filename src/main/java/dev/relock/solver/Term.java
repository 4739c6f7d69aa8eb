package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.Objects;

/**
 * A statement about one package: a <em>positive</em> term says the package is selected with a
 * version in {@link #ranges()}; a <em>negative</em> term says the package is not selected with a
 * version in {@link #ranges()} (it may be absent altogether).
 *
 * @param <V> the version type
 */
public final class Term<V extends Comparable<? super V>> {
    private final boolean positive;
    private final Ranges<V> ranges;

    private Term(boolean positive, Ranges<V> ranges) {
        this.positive = positive;
        this.ranges = Objects.requireNonNull(ranges, "ranges");
    }

    /** The package is selected with a version in {@code ranges}. */
    public static <V extends Comparable<? super V>> Term<V> positive(Ranges<V> ranges) {
        return new Term<>(true, ranges);
    }

    /** The package is not selected with a version in {@code ranges}. */
    public static <V extends Comparable<? super V>> Term<V> negative(Ranges<V> ranges) {
        return new Term<>(false, ranges);
    }

    /** The package is selected at exactly {@code version}. */
    public static <V extends Comparable<? super V>> Term<V> exact(V version) {
        return positive(Ranges.singleton(version));
    }

    /** The term that holds whatever happens to the package. */
    static <V extends Comparable<? super V>> Term<V> any() {
        return negative(Ranges.<V>empty());
    }

    /** Whether this term requires the package to be selected. */
    public boolean isPositive() {
        return positive;
    }

    /** The versions this term is about (allowed when positive, forbidden when negative). */
    public Ranges<V> ranges() {
        return ranges;
    }

    /** The opposite statement. */
    public Term<V> negate() {
        return new Term<>(!positive, ranges);
    }

    /** Whether choosing {@code version} for the package satisfies this term. */
    public boolean contains(V version) {
        return ranges.contains(version) == positive;
    }

    /** The statement that both terms hold. */
    public Term<V> intersection(Term<V> other) {
        if (positive && other.positive) {
            return positive(ranges.intersection(other.ranges));
        }
        if (positive) {
            return positive(ranges.intersection(other.ranges.complement()));
        }
        if (other.positive) {
            return positive(other.ranges.intersection(ranges.complement()));
        }
        return negative(ranges.union(other.ranges));
    }

    /** The statement that at least one of the terms holds. */
    public Term<V> union(Term<V> other) {
        return negate().intersection(other.negate()).negate();
    }

    /** Whether this term can never hold together with {@code other}. */
    boolean isDisjoint(Term<V> other) {
        if (positive && other.positive) {
            return ranges.isDisjoint(other.ranges);
        }
        if (positive) {
            return ranges.isSubsetOf(other.ranges);
        }
        if (other.positive) {
            return other.ranges.isSubsetOf(ranges);
        }
        return false;
    }

    /** Whether this term implies {@code other}. */
    boolean isSubsetOf(Term<V> other) {
        if (positive && other.positive) {
            return ranges.isSubsetOf(other.ranges);
        }
        if (positive) {
            return ranges.isDisjoint(other.ranges);
        }
        if (other.positive) {
            // "not in A" allows the package to be absent, which no positive term allows.
            return false;
        }
        return other.ranges.isSubsetOf(ranges);
    }

    /** How {@code assigned} (what the partial solution knows about the package) relates to this term. */
    Relation relationWith(Term<V> assigned) {
        if (assigned.isSubsetOf(this)) {
            return Relation.SATISFIED;
        }
        if (assigned.isDisjoint(this)) {
            return Relation.CONTRADICTED;
        }
        return Relation.INCONCLUSIVE;
    }

    /** Outcome of comparing a term with what is known about its package. */
    enum Relation {
        SATISFIED,
        CONTRADICTED,
        INCONCLUSIVE
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term<?> t && t.positive == positive && t.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode() * 2 + (positive ? 1 : 0);
    }

    /** {@code >=1, <2} for a positive term, {@code not (>=1, <2)} for a negative one. */
    @Override
    public String toString() {
        return positive ? ranges.toString() : "not (" + ranges + ")";
    }
}
