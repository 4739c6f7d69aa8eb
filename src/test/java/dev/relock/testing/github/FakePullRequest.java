package dev.relock.testing.github;

import java.util.List;

/**
 * A snapshot of one pull request held by {@link FakeGitHub}, for assertions.
 *
 * @param number             the number shared with its issue
 * @param title              title
 * @param body               body, empty when none was given
 * @param state              {@code open} or {@code closed}
 * @param author             login of the account that opened it
 * @param headRef            head branch name (without {@code refs/heads/})
 * @param headSha            head commit: the branch's current commit while it exists
 * @param baseRef            base branch name
 * @param draft              whether it was opened as a draft
 * @param labels             label names, in the order they were added
 * @param assignees          assignee logins
 * @param requestedReviewers requested reviewer logins
 * @param requestedTeams     requested team slugs
 */
public record FakePullRequest(
        int number,
        String title,
        String body,
        String state,
        String author,
        String headRef,
        String headSha,
        String baseRef,
        boolean draft,
        List<String> labels,
        List<String> assignees,
        List<String> requestedReviewers,
        List<String> requestedTeams) {
    /** Makes defensive copies. */
    public FakePullRequest {
        labels = List.copyOf(labels);
        assignees = List.copyOf(assignees);
        requestedReviewers = List.copyOf(requestedReviewers);
        requestedTeams = List.copyOf(requestedTeams);
    }

    /** Whether the pull request is open. */
    public boolean isOpen() {
        return "open".equals(state);
    }
}
