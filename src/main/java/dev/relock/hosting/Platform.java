package dev.relock.hosting;

import java.util.List;
import java.util.Optional;

/**
 * The verbs the update bot needs from a code hosting platform. Every write is idempotent or
 * guarded, so a run that failed half-way converges when it is run again.
 */
public interface Platform {
    /** The repository: its name, default branch and clone URL. */
    RepositoryInfo repository();

    /** The account the token acts as, when the platform tells (GitHub App tokens cannot ask). */
    Optional<String> authenticatedLogin();

    /** The commit a branch points at, empty when the branch does not exist. */
    Optional<String> branchHead(String branch);

    /** Commits on {@code branch} that {@code base} does not contain, newest first. */
    List<CommitInfo> branchCommits(String base, String branch);

    /** Writes one commit through the platform's API and points the request's branch at it (forced). */
    String commitFiles(CommitRequest request);

    /** Deletes a branch; a branch that is already gone is not an error. */
    void deleteBranch(String branch);

    /** The open pull request from {@code head} into {@code base}, if there is one. */
    Optional<PullRequest> findPr(String head, String base);

    /**
     * Opens a pull request and applies the spec's labels, reviewers and assignees.
     *
     * @throws PullRequestExistsException when one is already open for the same head and base
     */
    PullRequest createPr(String head, String base, PullRequestSpec spec);

    /** Sets title and body and adds missing labels; reviewers and assignees are left to people. */
    PullRequest updatePr(int number, PullRequestSpec spec);

    /** Closes a pull request (closing a closed one does nothing). */
    void closePr(int number);

    /**
     * Makes sure the pull request has exactly one comment carrying {@code marker} with this body:
     * creates it, edits it when the body differs, or leaves it alone.
     */
    void ensureComment(int number, String marker, String body);

    /**
     * Sets a commit status on {@code sha} (GitHub keeps the latest per context), so that branch
     * protection can require it.
     */
    void setCommitStatus(String sha, CommitStatus status);
}
