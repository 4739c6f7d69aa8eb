/**
 * A stateful local fake of GitHub's REST API and git smart HTTP, for testing relock's update bot
 * without the network. Start it with {@link dev.relock.testing.github.FakeGitHub#start()}, register
 * accounts and tokens, create repositories, point github-api at
 * {@link dev.relock.testing.github.FakeGitHub#apiUrl()}, then assert on
 * {@link dev.relock.testing.github.FakeRepository} state and the request log.
 *
 * <p>GitHub traps the fake reproduces, because client code must handle them:
 * <ul>
 *   <li>github-api reads refs with the legacy {@code GET git/refs/{ref}}, which answers one object
 *       on an exact match but an <em>array</em> of prefix matches otherwise ({@code heads/relock}
 *       matches {@code heads/relock/update}); github-api turns the array into a not-found.</li>
 *   <li>{@code PATCH git/refs} without {@code force} refuses non-fast-forward moves with 422
 *       "Update is not a fast forward"; a missing ref is 422 "Reference does not exist", not 404.</li>
 *   <li>Opening a second open pull request for the same head and base is 422 "Validation Failed"
 *       whose {@code errors[0].message} is "A pull request already exists for owner:branch.";
 *       a head with nothing new is 422 "No commits between base and head".</li>
 *   <li>The {@code head} filter of {@code GET pulls} must be {@code owner:branch}; without the
 *       owner GitHub ignores it and lists every pull request.</li>
 *   <li>Deleting a pull request's head branch closes it; its {@code head.sha} follows the branch
 *       while the branch exists.</li>
 *   <li>An unknown token is 401 "Bad credentials" on every endpoint; a token lacking a permission
 *       is 403 "Resource not accessible by integration" with {@code x-accepted-github-permissions};
 *       a private repository is 404 (not 403) to anonymous callers.</li>
 *   <li>A secondary rate limit is a 403 with {@code retry-after}; a primary one a 403 with
 *       {@code x-ratelimit-remaining: 0}. github-api's default handlers sleep on both.</li>
 *   <li>Adding a label that does not exist creates it (colour {@code ededed}); unknown assignees are
 *       dropped silently, unknown reviewers are a 422.</li>
 *   <li>Commit authors are matched to accounts by e-mail, as GitHub does, which is how a bot tells
 *       its own commits from a person's.</li>
 * </ul>
 */
package dev.relock.testing.github;
