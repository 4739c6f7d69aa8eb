package dev.relock.resolve;

/**
 * When the resolver may pick a pre-release (or dev release) of a package, with uv's meanings.
 * The default is {@link #IF_NECESSARY_OR_EXPLICIT}.
 */
public enum PrereleaseMode {
    /** Never pick a pre-release. */
    DISALLOW,
    /** Pre-releases compete with final releases; the highest version wins. */
    ALLOW,
    /** Pick a pre-release only when no usable final release lies in the allowed range. */
    IF_NECESSARY,
    /**
     * Pre-releases only for packages whose direct requirement or constraint names a pre-release
     * ({@code foo>=2.0b1}); never for others.
     */
    EXPLICIT,
    /** {@link #EXPLICIT} for packages named with a pre-release, {@link #IF_NECESSARY} for the rest. */
    IF_NECESSARY_OR_EXPLICIT
}
