/**
 * {@code relock compile}: requirements in, pip-compile compatible lockfile out.
 * {@link dev.relock.lock.Compiler} reads a {@link dev.relock.lock.CompileRequest}'s sources,
 * resolves them with the existing lockfile's pins as preferences and writes the lockfile
 * atomically; {@link dev.relock.lock.CompileRequest#fromLockfileHeader} rebuilds the request behind
 * an existing lockfile.
 *
 * <p>Traps handled here:
 * <ul>
 *   <li>Hashes are always the index's current listing for the pinned version (every wheel and the
 *       sdist), never carried over from the old file: a file deleted from the index must vanish
 *       from the lockfile, a new wheel must appear.</li>
 *   <li>Minimal churn: pins of the existing output are preferences; {@code -P name} frees only that
 *       name, {@code -U} frees all. A file whose content would not change is not rewritten.</li>
 *   <li>Deterministic bytes: pins, hashes, annotations and header options are sorted; the header
 *       command is normalized (relative paths, no credentials, only options that shape the result).</li>
 *   <li>pip-compile's labels: {@code -r file.in}, {@code -c file.txt}, {@code name (pyproject.toml)},
 *       with paths relative to the working directory; a layered {@code -c requirements.txt} inside
 *       {@code requirements-dev.in} keeps the dev pins equal to the main ones.</li>
 *   <li>Unsafe packages (pip, setuptools, distribute) go to pip-compile's trailer, pinned by
 *       default; {@code --no-allow-unsafe} lists them as comments, which pip refuses in
 *       hash-checking mode (pip-compile's warning says so).</li>
 *   <li>Index URLs are written without credentials, in the options block and in the header.</li>
 *   <li>The output is replaced by renaming a temporary file in the same directory; a failure
 *       leaves the old file and no temporary file.</li>
 * </ul>
 */
package dev.relock.lock;
