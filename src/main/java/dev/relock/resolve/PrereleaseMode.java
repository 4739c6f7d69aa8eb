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
    /**
     * Pre-releases only for packages all of whose releases are pre-releases (no final release
     * that is listed, not yanked and not excluded by exclude-newer), as uv defines it.
     */
    IF_NECESSARY,
    /**
     * Pre-releases only for packages whose first-party requirement or constraint (input file,
     * {@code -c} file, pyproject) names a pre-release ({@code foo>=2.0b1}); never for others.
     * A dependency's specifier never opts in.
     */
    EXPLICIT,
    /** {@link #EXPLICIT} for packages named with a pre-release, {@link #IF_NECESSARY} for the rest. */
    IF_NECESSARY_OR_EXPLICIT
}
