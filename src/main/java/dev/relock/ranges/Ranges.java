package dev.relock.ranges;

import dev.relock.ranges.Bound.Excluded;
import dev.relock.ranges.Bound.Included;
import dev.relock.ranges.Bound.Unbounded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable set of values of a totally ordered type, kept as a canonical union of intervals.
 *
 * <p>The segments are sorted, non-empty, pairwise disjoint and never adjacent, so two
 * {@code Ranges} holding the same set are {@link #equals equal} (see the package doc: the order is
 * treated as dense). All operations return new instances.
 *
 * @param <V> the ordered value type; {@code compareTo} must be consistent with {@code equals}
 */
public final class Ranges<V extends Comparable<? super V>> {

    /**
     * One interval of a {@link Ranges}, from {@code lower} to {@code upper}. Segments obtained from
     * {@link Ranges#segments()} are never empty.
     */
    public record Segment<V extends Comparable<? super V>>(Bound<V> lower, Bound<V> upper) {
        public Segment {
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
        }

        /** Whether {@code value} lies inside this interval. */
        public boolean contains(V value) {
            return !belowLower(value, lower) && !aboveUpper(value, upper);
        }
    }

    private static final Ranges<?> EMPTY = new Ranges<>(List.of());
    // Bounds carry no value here, so one shared instance serves every value type.
    private static final Ranges<?> FULL = unboundedBothWays();

    private final List<Segment<V>> segments;
    /** Computed on first use; most sets built during solving are never hashed. */
    private int hash;

    private Ranges(List<Segment<V>> segments) {
        this.segments = segments;
    }

    private static <V extends Comparable<? super V>> Ranges<V> unboundedBothWays() {
        return new Ranges<>(List.of(new Segment<V>(new Unbounded<>(), new Unbounded<>())));
    }

    /** The set containing nothing. */
    @SuppressWarnings("unchecked")
    public static <V extends Comparable<? super V>> Ranges<V> empty() {
        return (Ranges<V>) EMPTY;
    }

    /** The set containing every value. */
    @SuppressWarnings("unchecked")
    public static <V extends Comparable<? super V>> Ranges<V> full() {
        return (Ranges<V>) FULL;
    }

    /** The set containing exactly {@code v}. */
    public static <V extends Comparable<? super V>> Ranges<V> singleton(V v) {
        return of(new Included<>(v), new Included<>(v));
    }

    /** {@code [v, ∞)}. */
    public static <V extends Comparable<? super V>> Ranges<V> atLeast(V v) {
        return of(new Included<>(v), new Unbounded<>());
    }

    /** {@code (v, ∞)}. */
    public static <V extends Comparable<? super V>> Ranges<V> greaterThan(V v) {
        return of(new Excluded<>(v), new Unbounded<>());
    }

    /** {@code (-∞, v]}. */
    public static <V extends Comparable<? super V>> Ranges<V> atMost(V v) {
        return of(new Unbounded<>(), new Included<>(v));
    }

    /** {@code (-∞, v)}. */
    public static <V extends Comparable<? super V>> Ranges<V> lessThan(V v) {
        return of(new Unbounded<>(), new Excluded<>(v));
    }

    /** {@code [a, b)}; empty when {@code b <= a}. */
    public static <V extends Comparable<? super V>> Ranges<V> between(V a, V b) {
        return of(new Included<>(a), new Excluded<>(b));
    }

    /** The interval from {@code lower} to {@code upper}; empty when it holds no value. */
    public static <V extends Comparable<? super V>> Ranges<V> of(Bound<V> lower, Bound<V> upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (!isValid(lower, upper)) {
            return empty();
        }
        return new Ranges<>(List.of(new Segment<>(lower, upper)));
    }

    /** The union of the given intervals; empty intervals are ignored. */
    public static <V extends Comparable<? super V>> Ranges<V> ofSegments(List<Segment<V>> intervals) {
        List<Segment<V>> valid = new ArrayList<>(intervals.size());
        for (Segment<V> s : intervals) {
            if (isValid(s.lower(), s.upper())) {
                valid.add(s);
            }
        }
        valid.sort((a, b) -> compareLower(a.lower(), b.lower()));
        return new Ranges<>(mergeSorted(valid));
    }

    /** The canonical segments, sorted ascending; empty for the empty set. */
    public List<Segment<V>> segments() {
        return segments;
    }

    /** Whether this set contains no value. */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Whether this set contains every value. */
    public boolean isFull() {
        return segments.size() == 1
                && segments.get(0).lower().isUnbounded()
                && segments.get(0).upper().isUnbounded();
    }

    /** The only value in this set, if it holds exactly one. */
    public Optional<V> asSingleton() {
        if (segments.size() == 1
                && segments.get(0).lower() instanceof Included<V> lo
                && segments.get(0).upper() instanceof Included<V> hi
                && lo.value().compareTo(hi.value()) == 0) {
            return Optional.of(lo.value());
        }
        return Optional.empty();
    }

    /** Whether {@code v} is in this set. */
    public boolean contains(V v) {
        Objects.requireNonNull(v, "v");
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment<V> s = segments.get(mid);
            if (belowLower(v, s.lower())) {
                hi = mid - 1;
            } else if (aboveUpper(v, s.upper())) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The values not in this set. */
    public Ranges<V> complement() {
        if (segments.isEmpty()) {
            return full();
        }
        if (isFull()) {
            return empty();
        }
        List<Segment<V>> out = new ArrayList<>(segments.size() + 1);
        Bound<V> start = new Unbounded<>();
        for (Segment<V> s : segments) {
            if (!s.lower().isUnbounded()) {
                out.add(new Segment<>(start, flip(s.lower())));
            }
            if (s.upper().isUnbounded()) {
                return new Ranges<>(List.copyOf(out));
            }
            start = flip(s.upper());
        }
        out.add(new Segment<>(start, new Unbounded<>()));
        return new Ranges<>(List.copyOf(out));
    }

    /** The values in both sets. */
    public Ranges<V> intersection(Ranges<V> other) {
        if (isEmpty() || other.isFull()) {
            return this;
        }
        if (other.isEmpty() || isFull()) {
            return other;
        }
        List<Segment<V>> a = segments;
        List<Segment<V>> b = other.segments;
        List<Segment<V>> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Segment<V> x = a.get(i);
            Segment<V> y = b.get(j);
            Bound<V> lower = compareLower(x.lower(), y.lower()) >= 0 ? x.lower() : y.lower();
            int cu = compareUpper(x.upper(), y.upper());
            Bound<V> upper = cu <= 0 ? x.upper() : y.upper();
            if (isValid(lower, upper)) {
                out.add(new Segment<>(lower, upper));
            }
            if (cu <= 0) {
                i++;
            }
            if (cu >= 0) {
                j++;
            }
        }
        if (out.equals(segments)) {
            return this;
        }
        if (out.equals(other.segments)) {
            return other;
        }
        return new Ranges<>(List.copyOf(out));
    }

    /** The values in either set. */
    public Ranges<V> union(Ranges<V> other) {
        if (isEmpty() || other.isFull()) {
            return other;
        }
        if (other.isEmpty() || isFull()) {
            return this;
        }
        List<Segment<V>> a = segments;
        List<Segment<V>> b = other.segments;
        List<Segment<V>> sorted = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && compareLower(a.get(i).lower(), b.get(j).lower()) <= 0)) {
                sorted.add(a.get(i++));
            } else {
                sorted.add(b.get(j++));
            }
        }
        return new Ranges<>(mergeSorted(sorted));
    }

    /** Whether every value of this set is in {@code other}. */
    public boolean isSubsetOf(Ranges<V> other) {
        List<Segment<V>> b = other.segments;
        int j = 0;
        for (Segment<V> x : segments) {
            // Skip the segments of other that end before x starts; x must then lie inside the next
            // one, as the gaps between canonical segments are not in other.
            while (j < b.size() && !isValid(x.lower(), b.get(j).upper())) {
                j++;
            }
            if (j == b.size()) {
                return false;
            }
            Segment<V> y = b.get(j);
            if (compareLower(y.lower(), x.lower()) > 0 || compareUpper(x.upper(), y.upper()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether no value is in both sets. */
    public boolean isDisjoint(Ranges<V> other) {
        List<Segment<V>> a = segments;
        List<Segment<V>> b = other.segments;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Segment<V> x = a.get(i);
            Segment<V> y = b.get(j);
            Bound<V> lower = compareLower(x.lower(), y.lower()) >= 0 ? x.lower() : y.lower();
            int cu = compareUpper(x.upper(), y.upper());
            if (isValid(lower, cu <= 0 ? x.upper() : y.upper())) {
                return false;
            }
            if (cu <= 0) {
                i++;
            }
            if (cu >= 0) {
                j++;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Ranges<?> r && segments.equals(r.segments));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = segments.hashCode();
            hash = h;
        }
        return h;
    }

    /** Renders like {@code >=1, <2 | >3}; {@code *} for the full set and {@code ∅} for the empty one. */
    @Override
    public String toString() {
        return toString(String::valueOf);
    }

    /**
     * Renders like {@link #toString()}, printing values with {@code show}: segments separated by
     * {@code " | "}, a single value as {@code ==v}, the bounds of a segment as {@code >=a, <b}.
     */
    public String toString(Function<? super V, String> show) {
        if (segments.isEmpty()) {
            return "∅";
        }
        StringBuilder sb = new StringBuilder();
        for (Segment<V> s : segments) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            appendSegment(sb, s, show);
        }
        return sb.toString();
    }

    private static <V extends Comparable<? super V>> void appendSegment(
            StringBuilder sb, Segment<V> s, Function<? super V, String> show) {
        Bound<V> lo = s.lower();
        Bound<V> hi = s.upper();
        if (lo instanceof Included<V> a && hi instanceof Included<V> b && a.value().compareTo(b.value()) == 0) {
            sb.append("==").append(show.apply(a.value()));
            return;
        }
        if (lo.isUnbounded() && hi.isUnbounded()) {
            sb.append('*');
            return;
        }
        if (lo instanceof Included<V> a) {
            sb.append(">=").append(show.apply(a.value()));
        } else if (lo instanceof Excluded<V> a) {
            sb.append('>').append(show.apply(a.value()));
        }
        if (!lo.isUnbounded() && !hi.isUnbounded()) {
            sb.append(", ");
        }
        if (hi instanceof Included<V> b) {
            sb.append("<=").append(show.apply(b.value()));
        } else if (hi instanceof Excluded<V> b) {
            sb.append('<').append(show.apply(b.value()));
        }
    }

    // ---- bound arithmetic -------------------------------------------------------------------

    /** Merges touching or overlapping segments of a list sorted by lower bound. */
    private static <V extends Comparable<? super V>> List<Segment<V>> mergeSorted(List<Segment<V>> sorted) {
        List<Segment<V>> out = new ArrayList<>(sorted.size());
        Segment<V> current = null;
        for (Segment<V> s : sorted) {
            if (current == null) {
                current = s;
            } else if (touches(current.upper(), s.lower())) {
                Bound<V> upper = compareUpper(current.upper(), s.upper()) >= 0 ? current.upper() : s.upper();
                current = new Segment<>(current.lower(), upper);
            } else {
                out.add(current);
                current = s;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return List.copyOf(out);
    }

    /** Whether a segment ending at {@code upper} and one starting at {@code lower} leave no gap. */
    private static <V extends Comparable<? super V>> boolean touches(Bound<V> upper, Bound<V> lower) {
        V u = valueOf(upper);
        V l = valueOf(lower);
        if (u == null || l == null) {
            return true;
        }
        int c = l.compareTo(u);
        return c < 0 || (c == 0 && !(upper instanceof Excluded && lower instanceof Excluded));
    }

    private static <V extends Comparable<? super V>> boolean isValid(Bound<V> lower, Bound<V> upper) {
        V l = valueOf(lower);
        V u = valueOf(upper);
        if (l == null || u == null) {
            return true;
        }
        int c = l.compareTo(u);
        return c < 0 || (c == 0 && lower instanceof Included && upper instanceof Included);
    }

    /** Orders bounds used as lower ends: unbounded first, then by value, {@code [v} before {@code (v}. */
    private static <V extends Comparable<? super V>> int compareLower(Bound<V> a, Bound<V> b) {
        V x = valueOf(a);
        V y = valueOf(b);
        if (x == null || y == null) {
            return (x == null ? 0 : 1) - (y == null ? 0 : 1);
        }
        int c = x.compareTo(y);
        return c != 0 ? c : Integer.compare(a instanceof Excluded ? 1 : 0, b instanceof Excluded ? 1 : 0);
    }

    /** Orders bounds used as upper ends: by value, {@code v)} before {@code v]}, unbounded last. */
    private static <V extends Comparable<? super V>> int compareUpper(Bound<V> a, Bound<V> b) {
        V x = valueOf(a);
        V y = valueOf(b);
        if (x == null || y == null) {
            return (x == null ? 1 : 0) - (y == null ? 1 : 0);
        }
        int c = x.compareTo(y);
        return c != 0 ? c : Integer.compare(a instanceof Excluded ? 0 : 1, b instanceof Excluded ? 0 : 1);
    }

    private static <V extends Comparable<? super V>> boolean belowLower(V v, Bound<V> lower) {
        if (lower instanceof Included<V> b) {
            return v.compareTo(b.value()) < 0;
        }
        if (lower instanceof Excluded<V> b) {
            return v.compareTo(b.value()) <= 0;
        }
        return false;
    }

    private static <V extends Comparable<? super V>> boolean aboveUpper(V v, Bound<V> upper) {
        if (upper instanceof Included<V> b) {
            return v.compareTo(b.value()) > 0;
        }
        if (upper instanceof Excluded<V> b) {
            return v.compareTo(b.value()) >= 0;
        }
        return false;
    }

    private static <V extends Comparable<? super V>> Bound<V> flip(Bound<V> b) {
        if (b instanceof Included<V> i) {
            return new Excluded<>(i.value());
        }
        if (b instanceof Excluded<V> e) {
            return new Included<>(e.value());
        }
        return b;
    }

    private static <V extends Comparable<? super V>> V valueOf(Bound<V> b) {
        if (b instanceof Included<V> i) {
            return i.value();
        }
        if (b instanceof Excluded<V> e) {
            return e.value();
        }
        return null;
    }
}
