/**
 * What relock learns from a project's checkout before any command runs: the Python version the
 * project pins ({@code .python-version}), the target that follows from it, which files are
 * lockfiles, what its Dockerfiles say ({@link dev.relock.workspace.DockerfileScan}) and the
 * platform they run Python on ({@link dev.relock.workspace.ProjectPlatform}). Shared by compile,
 * verify, wheelhouse and update so that they agree.
 *
 * <p>Nothing here reads the host's Python: the target comes from an explicit option or from a
 * file in the project, and its absence is an error that says how to fix it.
 */
package dev.relock.workspace;
