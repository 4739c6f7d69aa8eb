/**
 * The hosting platform seen by the update bot: a small set of idempotent verbs
 * ({@link dev.relock.hosting.Platform}) with a GitHub implementation on github-api
 * ({@link dev.relock.hosting.GitHubPlatform}) and two ways of writing a commit: the Git Data API and
 * a JGit push ({@link dev.relock.hosting.GitPushCommitter}).
 *
 * <p>GitHub traps handled here:
 * <ul>
 *   <li>Opening a second pull request for the same head is 422 "A pull request already exists";
 *       two racing runs must find and update the existing one ({@link dev.relock.hosting.PullRequestExistsException}).</li>
 *   <li>The {@code head} filter of the pull request list needs {@code owner:branch}; without the owner
 *       it is ignored and every pull request matches.</li>
 *   <li>A ref update that is not a fast forward is refused unless forced; deleting a missing ref is
 *       422 "Reference does not exist", which counts as success for an idempotent delete.</li>
 *   <li>401 is a bad or expired token; 403 "Resource not accessible by integration" is a missing
 *       permission ({@code x-accepted-github-permissions} names it); a 403 with {@code retry-after}
 *       or {@code x-ratelimit-remaining: 0} is a rate limit, retried a bounded number of times.</li>
 *   <li>A token must never reach output, exception messages or files: the JGit push keeps it in a
 *       credentials provider, never in a remote URL or {@code .git/config}, and every message is
 *       scrubbed ({@link dev.relock.hosting.Secrets}: a secret of 8 characters or more wherever it
 *       occurs, a shorter one only as a whole token, so a test token {@code x} leaves
 *       {@code outside.txt} alone).</li>
 *   <li>Connection failures (github-api's "response code -1") are "cannot reach GitHub at URL";
 *       an answer without a field relock needs ({@code clone_url}, {@code default_branch}, or one
 *       github-api dereferences) is a one-line error naming it, never a NullPointerException;
 *       github-api's java.util.logging records are not printed.</li>
 * </ul>
 */
package dev.relock.hosting;
