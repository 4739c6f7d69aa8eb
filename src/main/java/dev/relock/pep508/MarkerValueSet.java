package dev.relock.pep508;

import dev.relock.pep440.Version;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values one marker variable may take on a branch of a {@link MarkerDiagram}: a set of
 * versions (a union of intervals) or a set of strings (finite, or everything but a finite set).
 */
sealed interface MarkerValueSet permits MarkerValueSet.Versions, MarkerValueSet.Strings {

    MarkerValueSet and(MarkerValueSet other);

    MarkerValueSet or(MarkerValueSet other);

    MarkerValueSet not();

    boolean isEmpty();

    boolean isFull();

    default boolean isSubsetOf(MarkerValueSet other) {
        return and(other.not()).isEmpty();
    }

    /**
     * Orders disjoint sets deterministically: versions by their lowest value, strings with the
     * finite sets first (by their smallest member) and the co-finite set last.
     */
    Comparator<MarkerValueSet> ORDER = (a, b) -> {
        if (a instanceof Versions x && b instanceof Versions y) {
            return Versions.compareLowest(x, y);
        }
        Strings x = (Strings) a;
        Strings y = (Strings) b;
        if (x.cofinite() != y.cofinite()) {
            return x.cofinite() ? 1 : -1;
        }
        String fx = x.values().isEmpty() ? "" : x.values().first();
        String fy = y.values().isEmpty() ? "" : y.values().first();
        return fx.compareTo(fy);
    };

    /** A set of versions; the ends are plain releases without trailing zeros. */
    record Versions(Ranges<Version> ranges) implements MarkerValueSet {
        static final Versions FULL = new Versions(Ranges.full());

        @Override
        public MarkerValueSet and(MarkerValueSet other) {
            return new Versions(ranges.intersection(((Versions) other).ranges));
        }

        @Override
        public MarkerValueSet or(MarkerValueSet other) {
            return new Versions(ranges.union(((Versions) other).ranges));
        }

        @Override
        public MarkerValueSet not() {
            return new Versions(ranges.complement());
        }

        @Override
        public boolean isEmpty() {
            return ranges.isEmpty();
        }

        @Override
        public boolean isFull() {
            return ranges.isFull();
        }

        @Override
        public boolean isSubsetOf(MarkerValueSet other) {
            return ranges.isSubsetOf(((Versions) other).ranges);
        }

        private static int compareLowest(Versions x, Versions y) {
            if (x.ranges.isEmpty() || y.ranges.isEmpty()) {
                return Boolean.compare(x.ranges.isEmpty(), y.ranges.isEmpty());
            }
            Bound<Version> a = x.ranges.segments().get(0).lower();
            Bound<Version> b = y.ranges.segments().get(0).lower();
            Version va = value(a);
            Version vb = value(b);
            if (va == null || vb == null) {
                return Boolean.compare(va != null, vb != null);
            }
            int c = va.compareTo(vb);
            return c != 0 ? c : Boolean.compare(a instanceof Bound.Excluded, b instanceof Bound.Excluded);
        }

        static Version value(Bound<Version> bound) {
            if (bound instanceof Bound.Included<Version> included) {
                return included.value();
            }
            if (bound instanceof Bound.Excluded<Version> excluded) {
                return excluded.value();
            }
            return null;
        }
    }

    /**
     * A set of strings: exactly {@code values}, or when {@code cofinite} every string except them.
     */
    record Strings(boolean cofinite, SortedSet<String> values) implements MarkerValueSet {
        static final Strings FULL = new Strings(true, new TreeSet<>());

        public Strings {
            values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }

        static Strings of(String value) {
            return new Strings(false, new TreeSet<>(List.of(value)));
        }

        @Override
        public MarkerValueSet and(MarkerValueSet other) {
            Strings o = (Strings) other;
            TreeSet<String> out;
            if (!cofinite && !o.cofinite) {
                out = new TreeSet<>(values);
                out.retainAll(o.values);
                return new Strings(false, out);
            }
            if (cofinite && o.cofinite) {
                out = new TreeSet<>(values);
                out.addAll(o.values);
                return new Strings(true, out);
            }
            Strings finite = cofinite ? o : this;
            Strings excluded = cofinite ? this : o;
            out = new TreeSet<>(finite.values);
            out.removeAll(excluded.values);
            return new Strings(false, out);
        }

        @Override
        public MarkerValueSet or(MarkerValueSet other) {
            return not().and(other.not()).not();
        }

        @Override
        public MarkerValueSet not() {
            return new Strings(!cofinite, values);
        }

        @Override
        public boolean isEmpty() {
            return !cofinite && values.isEmpty();
        }

        @Override
        public boolean isFull() {
            return cofinite && values.isEmpty();
        }

        List<String> sortedValues() {
            return new ArrayList<>(values);
        }
    }
}
