/**
 * PEP 440 versions and version specifiers, with the exactness of pypa/packaging.
 *
 * <p>{@link dev.relock.pep440.Version} parses and orders versions;
 * {@link dev.relock.pep440.VersionSpecifier} and {@link dev.relock.pep440.VersionSpecifiers}
 * match them, filter them under pre-release policy, decide satisfiability and convert to
 * {@link dev.relock.ranges.Ranges} for the solver.
 *
 * <p>Traps this package handles:
 * <ul>
 *   <li>Many spellings, one version: {@code v1.0-1}, {@code 1.0.post1} and {@code 1.0-r1} are equal;
 *       {@code c}, {@code pre} and {@code preview} mean {@code rc}; numbers may be omitted
 *       ({@code 1.0a} is {@code 1.0a0}); letters are ASCII case-insensitive only, so
 *       {@code İ}, {@code ı}, {@code ſ} and the Kelvin sign are rejected.</li>
 *   <li>Trailing zeros: {@code 1.0 == 1.0.0} for ordering and equality, but the printed form keeps
 *       them, and {@code ~=1.0} differs from {@code ~=1.0.0}.</li>
 *   <li>Order of suffixes: {@code .devN < aN < bN < rcN < final < +local < .postN}, a dev release
 *       of a pre- or post-release sorts just before it, and local labels compare segment-wise
 *       with numbers above letters ({@code +a < +z < +0}).</li>
 *   <li>Exclusive comparisons are not plain comparisons: {@code <V} excludes pre-releases of V
 *       unless V is one, {@code >V} excludes V's post-releases unless V is one, and excludes V's
 *       local versions; {@code <=V} and {@code ==V} admit V's local versions.</li>
 *   <li>{@code ==1.2.*} is a zero-padded prefix match over epoch and release ({@code 1.2} matches
 *       {@code ==1.2.0.*}); {@code ~=} needs two release numbers and ignores the spec's own
 *       pre/post/dev parts when taking the prefix.</li>
 *   <li>{@code ===} compares text, not versions, and may name something that is not a version.</li>
 *   <li>Pre-release policy is separate from matching: specifiers match pre-releases; the set
 *       decides whether to accept them (explicit choice, a specifier naming a pre-release, or,
 *       when filtering, "only pre-releases match").</li>
 *   <li>Satisfiability must respect discreteness: nothing lies between {@code 1.0a1}'s
 *       post-releases and {@code 1.0a2.dev0}, and nothing is below {@code 0.dev0}. Versions near
 *       other points are dense ({@code 1.0 < 1.0+00a < 1.0+0a < 1.0+a}), which the boundary
 *       versions of {@link dev.relock.pep440.Version} model.</li>
 * </ul>
 */
package dev.relock.pep440;
