/**
 * Verified offline bundles: {@link dev.relock.wheelhouse.Wheelhouse} fills a flat directory with
 * the distribution files a lockfile's {@code --hash} lines allow, so that
 * {@code pip install --no-index --find-links DIR --require-hashes -r LOCKFILE} works without a
 * network, and records what it put there in {@link dev.relock.wheelhouse.WheelhouseManifest}.
 *
 * <p>Traps this package keeps in mind:
 * <ul>
 *   <li>A lockfile's hashes name files, not versions: a pin usually allows several files (one per
 *       platform, plus the sdist). Only files whose published hash is one of the pin's hashes are
 *       candidates, and the index's listing is what maps a hash to a file name.</li>
 *   <li>pip picks the best-ranked compatible wheel for its interpreter and prefers any wheel to an
 *       sdist; the selection here follows the target's tag priority the same way, so the file pip
 *       will want is the file that is bundled.</li>
 *   <li>A file lands under its real name only after its bytes matched the lockfile's hash; until
 *       then it is a hidden {@code .relock-*.part} file in the same directory (same file system, so
 *       the final rename is atomic). pip's {@code --find-links} ignores neither hidden nor partial
 *       files by magic, so none may survive a failure, and the next run removes those a killed run
 *       left. Files and manifest get the umask's permissions; a replaced one keeps its own.</li>
 *   <li>A pin whose marker is false for every target is not installed there and needs no file;
 *       a pin without hashes makes the whole lockfile unverifiable and is refused.</li>
 *   <li>pip compares hashes as lower-case hex; a lockfile digest written in upper case matches
 *       nothing, here as in pip.</li>
 * </ul>
 */
package dev.relock.wheelhouse;
