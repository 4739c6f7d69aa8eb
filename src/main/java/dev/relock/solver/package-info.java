/**
 * A generic PubGrub version solver: no I/O and no knowledge of Python.
 *
 * <p>{@link dev.relock.solver.Solver#resolve} takes a {@link dev.relock.solver.DependencyProvider}
 * (versions, dependencies, priorities), a root package and version, and returns a version per
 * package, or throws {@link dev.relock.solver.NoSolutionException} carrying a
 * {@link dev.relock.solver.DerivationTree} that {@link dev.relock.solver.DefaultReport} turns into
 * text through a {@link dev.relock.solver.ReportFormatter}.
 *
 * <p>Traps:
 * <ul>
 *   <li>Negative terms do not require a package: "not foo 1" holds when foo is absent.</li>
 *   <li>Only packages with a positive term are ever decided; a package merely excluded from some
 *       versions stays out of the solution.</li>
 *   <li>Versions are compared through {@code compareTo} but hashed through {@code equals}; both
 *       must agree ("1.0" and "1.0.0" equal in both, or in neither).</li>
 *   <li>Conflict learning relies on incompatibilities that never change: the store is append-only
 *       and incompatibilities are referred to by index.</li>
 *   <li>Each version's dependencies are asked once; a provider whose answers change during a
 *       resolution gets an inconsistent result.</li>
 * </ul>
 */
package dev.relock.solver;
