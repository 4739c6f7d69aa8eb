package dev.relock.solver;

import dev.relock.ranges.Ranges;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The solver's only view of the outside world: which versions exist, what they depend on, and
 * which package to decide next.
 *
 * <p>The solver calls the provider from the thread that called {@link Solver#resolve}, one call
 * at a time. The root package passed to {@code resolve} is a package like any other: the solver
 * asks {@link #chooseVersion} and {@link #getDependencies} for it too (its dependencies are the
 * user's requirements).
 *
 * <p><b>Errors.</b> Any exception a method throws (an I/O failure wrapped in an unchecked
 * exception, a {@link CancellationException}, ...) propagates out of {@code resolve} unchanged;
 * the solver keeps no state that outlives the call. "This version cannot be used" is not an
 * error: return {@link Dependencies.Unavailable} instead. "No version is usable" is not an
 * error either: return {@link Optional#empty()} from {@link #chooseVersion}, and say why in
 * {@link #unavailableReason} when there is more to say than "there is no such version".
 *
 * @param <P> the package type; must implement {@code equals}/{@code hashCode}
 * @param <V> the version type; {@code compareTo} must agree with {@code equals}
 * @param <Q> the priority type of {@link #prioritize}
 */
public interface DependencyProvider<P, V extends Comparable<? super V>, Q extends Comparable<? super Q>> {

    /**
     * How urgently {@code pkg} should be decided, given the versions still allowed for it; the
     * undecided package with the highest priority is decided next (ties go to the package the
     * solver met first).
     *
     * <p>Called whenever the allowed range of an undecided, required package changes, and for all
     * of them again after each backjump. Good priorities decide first what is most constrained:
     * packages with a direct requirement or an exact pin, ranges matching few versions, and
     * packages with a high {@link PackageStatistics#conflictCount()}.
     *
     * @param range the non-empty set of versions currently allowed for {@code pkg}
     * @param statistics conflict counts of {@code pkg} so far in this resolution
     */
    Q prioritize(P pkg, Ranges<V> range, PackageStatistics statistics);

    /**
     * The version to try for {@code pkg}: usually the newest (or, for a lowest-versions strategy,
     * the oldest) version in {@code range}, or empty when no version in {@code range} exists. The
     * returned version must be in {@code range}.
     *
     * <p>Each excluded version leaves a hole, so after many rejections {@code range} has many
     * segments; walk {@link Ranges#segments()} from the top (floor lookup per segment in a sorted
     * version list) instead of testing every known version with {@link Ranges#contains}.
     */
    Optional<V> chooseVersion(P pkg, Ranges<V> range);

    /**
     * Why no version of {@code pkg} in {@code range} can be used, asked right after
     * {@link #chooseVersion} returned empty: for example "was not found in the package index" or
     * "has no version compatible with Python 3.8". The solver records it as a
     * {@link DerivationTree.Custom} fact instead of {@link DerivationTree.NoVersions}. The default
     * has nothing to add.
     */
    default Optional<String> unavailableReason(P pkg, Ranges<V> range) {
        return Optional.empty();
    }

    /** The dependencies of {@code pkg} at {@code version}, asked at most once per version. */
    Dependencies<P, V> getDependencies(P pkg, V version);

    /**
     * Tells the provider that {@code pkg} is now required with a version in {@code range}, so it
     * is likely to be asked about it soon; a provider that loads metadata over the network can
     * start fetching it in the background here. Called just before {@link #prioritize} with the
     * same arguments. The default does nothing.
     */
    default void prefetch(P pkg, Ranges<V> range) {
    }

    /**
     * Called once per solver step; throws to abort the resolution (the exception propagates out of
     * {@link Solver#resolve}). The default throws {@link CancellationException} when the calling
     * thread has been interrupted.
     */
    default void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("version solving was interrupted");
        }
    }
}
