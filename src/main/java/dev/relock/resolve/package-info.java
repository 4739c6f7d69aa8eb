/**
 * Resolving Python requirements for one or several targets (one Python version, one or more
 * platforms) against package indexes, with the generic PubGrub solver of {@code dev.relock.solver}.
 *
 * <p>{@link dev.relock.resolve.Resolver#resolve} takes a {@link dev.relock.resolve.ResolveRequest}
 * and returns a {@link dev.relock.resolve.Resolution}, or fails with an UNRESOLVABLE
 * {@link dev.relock.common.RelockException} whose message explains why in plain words.
 *
 * <p>Traps this package handles:
 * <ul>
 *   <li>Several targets (like uv's required environments, not a marker-forked universal lock):
 *       one set of versions for all of them. A marker applies when it holds on any target; a
 *       version is usable only when every target has a usable file of it (a fitting wheel or an
 *       allowed sdist), a direct wheel must fit every target, and the reasons name the targets
 *       that lack a file. One target behaves exactly as before.</li>
 *   <li>Skip notes ({@link dev.relock.resolve.Resolution#skipped()}): after a resolution, for each
 *       package chosen from the index (not kept at a preferred version), its newest release above
 *       the chosen one that satisfies every requirement the chosen versions and the root place on
 *       it (constraints included), that the pre-release policy allows, and that is unusable only
 *       because a target has no file of it: Requires-Python (the index's per-file value) admits
 *       the Python version, not all of its files are yanked, exclude-newer keeps it, wheels are
 *       allowed and it has no sdist. Only versions above the chosen one are looked at.</li>
 *   <li>Extras: {@code foo[bar]} is a virtual package pinned to the same version as {@code foo}, so
 *       an extra's dependencies are those of the chosen version; requesting extras also installs
 *       the base dependencies, as pip does.</li>
 *   <li>Requires-Python lives in two places: the index's per-file value (often malformed; parsed
 *       leniently, a bad one means no limit) and the metadata; both must admit the target's full
 *       Python version.</li>
 *   <li>Yanked files (PEP 592) are used only when a first-party requirement or constraint (an
 *       input file, a {@code -c} file, pyproject) pins the version exactly ({@code ==}/{@code ===});
 *       a dependency's exact pin does not count, and the explanation says "yanked" with the
 *       index's reason and a {@code hint:} line.</li>
 *   <li>A version is usable only with a wheel for the target's tags or an sdist; an sdist's
 *       dependencies are trusted only from static PKG-INFO 2.2+, otherwise the version is
 *       unavailable because it needs a build.</li>
 *   <li>{@code --no-binary} / {@code --only-binary} ({@link dev.relock.resolve.BinaryPolicy}) apply in
 *       order with pip's rules ({@code :all:}, {@code :none:}, a later option moves a name, a name
 *       beats {@code :all:}); a version whose only fitting files are ruled out is unusable, and under
 *       {@code --no-binary} its dependencies must come from a static sdist.</li>
 *   <li>Pre-releases follow uv's policies: "if necessary" means the project has no final release
 *       at all (not yanked, not excluded by exclude-newer; Python and tags not considered), and
 *       "explicit" means a first-party requirement or constraint names a pre-release. A
 *       pre-release named only by a dependency does not opt in: the explanation's {@code hint:}
 *       line says how to.</li>
 *   <li>Constraints narrow every dependency on a package but never add the package.</li>
 *   <li>Direct references ({@link dev.relock.resolve.DirectArtifact}, read by the caller) pin a
 *       package to one artifact, as uv does: its only version is the artifact's, the index is never
 *       asked about it, every other requirement on it (root or transitive) must admit that version,
 *       and a {@code Requires-Dist} URL on it is accepted because the user named the artifact.</li>
 *   <li>Determinism: dependencies keep metadata order, via lists are sorted, and choices never
 *       depend on which network answer arrived first.</li>
 * </ul>
 */
package dev.relock.resolve;
