/**
 * {@code relock verify}: decides whether a lockfile can be trusted, for use as a CI gate.
 *
 * <p>{@link dev.relock.verify.Verifier#verify} reads each lockfile the way pip reads it
 * ({@link dev.relock.verify.LockDocument}), picks the target, fetches every pinned project's page
 * and metadata concurrently ({@link dev.relock.verify.IndexSnapshot}), then runs the selected
 * {@link dev.relock.verify.Check}s. Checks return {@link dev.relock.verify.Finding}s and never
 * print; {@link dev.relock.verify.ReportWriter} renders them as text, JSON or Markdown.
 *
 * <p>Traps kept in mind:
 * <ul>
 *   <li>pip's hash-checking mode is all or nothing: one {@code --hash} anywhere makes every
 *       unhashed requirement fail, so "hashed" is judged per requirement.</li>
 *   <li>A hash the index does not publish for exactly the pinned version is the signature of
 *       tampering on either side: the lock was edited, or the index now serves different bytes
 *       under the same version. A hash of <em>another</em> version of the same project is named as
 *       such, since it usually means a hand-edited version number.</li>
 *   <li>Listing hashes is not enough: at least one must belong to a file the target can install
 *       (a compatible wheel or the sdist), or pip finds nothing to install.</li>
 *   <li>Yanked versions stay installable by exact pin (PEP 592), so only verify notices them.</li>
 *   <li>pip-compile's header gives only X.Y ("with Python 3.11"); compare at that precision.
 *       setup-python inputs may be multi-line block scalars whose values sit on the lines after
 *       the key; Docker tags may come from build arguments and then cannot be compared.</li>
 *   <li>Pins whose marker is false on the target are neither required nor extraneous; extras of a
 *       requirement pull in the extra's dependencies and the base ones.</li>
 *   <li>Extraneous pins are reported only when every dependency could be followed: a loose pin,
 *       a URL requirement or an sdist without static metadata leaves the closure unknown.</li>
 *   <li>With {@code --audit} ({@link dev.relock.verify.VulnerableCheck}) an accepted advisory is
 *       listed in the notes, never dropped silently, and an expired acceptance reports it again;
 *       an unreachable OSV service fails like an unreachable index.</li>
 *   <li>An unreachable index is a failure (exit 4), never a pass; {@code --offline} is the explicit
 *       way to run the structural checks alone.</li>
 * </ul>
 */
package dev.relock.verify;
