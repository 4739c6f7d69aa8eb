package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DependencyProvider} knows about the dependencies of one package version.
 *
 * @param <P> the package type
 * @param <V> the version type
 */
public sealed interface Dependencies<P, V extends Comparable<? super V>>
        permits Dependencies.Available, Dependencies.Unavailable {

    /**
     * The version can be used and requires each key package with a version in its value range.
     * Iteration order is kept and decides the order of explanations in reports. A dependency on
     * the package itself is allowed: it is ignored when it admits the version and makes the version
     * unusable otherwise.
     */
    record Available<P, V extends Comparable<? super V>>(Map<P, Ranges<V>> dependencies)
            implements Dependencies<P, V> {
        public Available {
            dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
        }
    }

    /**
     * The version cannot be used, for a reason shown to the user (for example "requires Python
     * >=3.9" or "has no wheels for the target platform"). The solver marks the version as excluded
     * and carries on with other versions.
     */
    record Unavailable<P, V extends Comparable<? super V>>(String reason) implements Dependencies<P, V> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Shorthand for {@link Available}. */
    static <P, V extends Comparable<? super V>> Dependencies<P, V> available(Map<P, Ranges<V>> dependencies) {
        return new Available<>(dependencies);
    }

    /** Shorthand for {@link Unavailable}. */
    static <P, V extends Comparable<? super V>> Dependencies<P, V> unavailable(String reason) {
        return new Unavailable<>(reason);
    }
}
