package dev.relock.ranges;

import java.util.Objects;

/**
 * One end of an interval: no limit, or a limit that includes or excludes its value.
 *
 * <p>Whether a bound acts as a lower or an upper end depends on where it sits in a
 * {@link Ranges.Segment}; the bound itself only carries the value and its inclusivity.
 *
 * @param <V> the ordered value type
 */
public sealed interface Bound<V extends Comparable<? super V>>
        permits Bound.Unbounded, Bound.Included, Bound.Excluded {

    /** No limit on this side: minus infinity as a lower end, plus infinity as an upper end. */
    record Unbounded<V extends Comparable<? super V>>() implements Bound<V> {
        @Override
        public String toString() {
            return "Unbounded";
        }
    }

    /** A limit that includes {@code value}. */
    record Included<V extends Comparable<? super V>>(V value) implements Bound<V> {
        public Included {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A limit that excludes {@code value}. */
    record Excluded<V extends Comparable<? super V>>(V value) implements Bound<V> {
        public Excluded {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The bound without a limit. */
    static <V extends Comparable<? super V>> Bound<V> unbounded() {
        return new Unbounded<>();
    }

    /** A bound that includes {@code value}. */
    static <V extends Comparable<? super V>> Bound<V> included(V value) {
        return new Included<>(value);
    }

    /** A bound that excludes {@code value}. */
    static <V extends Comparable<? super V>> Bound<V> excluded(V value) {
        return new Excluded<>(value);
    }

    /** Whether this bound has no limit. */
    default boolean isUnbounded() {
        return this instanceof Unbounded;
    }
}
