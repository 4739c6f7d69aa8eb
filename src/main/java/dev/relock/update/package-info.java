/**
 * The update bot: recompiles a repository's lockfiles with upgrades, works out what changed, and
 * keeps exactly one reviewable pull request in step with it ({@link dev.relock.update.Updater}).
 *
 * <p>Lessons from Dependabot, Renovate's lock file maintenance and create-pull-request, and the
 * traps this package avoids:
 * <ul>
 *   <li>One pull request for the whole refresh, never one per bump; a second run updates it, a run
 *       with nothing to do closes it (with a comment saying why) and deletes its branch.</li>
 *   <li>Layered files ({@code requirements-dev.in} with {@code -c requirements.txt}) are compiled in
 *       dependency order, so the constrained file sees the new pins and the pair stays consistent. The
 *       new pins reach it through an in-memory {@link dev.relock.lock.FileOverlay}: the work tree is
 *       never written, so a run that fails at GitHub leaves the checkout as it was, and the next run
 *       plans against the same base instead of taking its own half-finished output for "up to
 *       date".</li>
 *   <li>Each lockfile is recompiled with the options its own header records (hashes, index URLs,
 *       annotation style) for the Python version the repository pins, not the runner's.</li>
 *   <li>A person's commit on the bot branch is never force-pushed away: the bot says so in a comment
 *       and stands down.</li>
 *   <li>Expected outcomes (nothing to do, blocked by a person) are results, not exceptions; only real
 *       failures throw.</li>
 *   <li>The bot verifies its own result before pushing ({@link dev.relock.update.SelfVerification}:
 *       verify's checks run on the planned texts through an overlay), because an index can serve
 *       other bytes a moment later; a failure pushes nothing. The {@code relock/verify} commit status
 *       lets branch protection require the check.</li>
 *   <li>Security fixes take the smallest step ({@link dev.relock.update.Updater#planSecurityFixes}):
 *       the lowest version that fixes and still resolves, every other pin kept, on their own branch.
 *       A cooldown is bypassed only when no fix lies within it, only for the fixed packages, and the
 *       pull request says so. Weekly updates list the advisories they fix and those left open, and
 *       are blocked only by an advisory they bring in, not by one the base already had.</li>
 * </ul>
 */
package dev.relock.update;
