package dev.relock.hosting;

import java.util.List;
import java.util.Objects;

/**
 * What a pull request should look like.
 *
 * @param title title
 * @param body Markdown body
 * @param draft open it as a draft (only on creation)
 * @param labels labels to add (missing ones are created by GitHub)
 * @param reviewers reviewer logins, requested on creation
 * @param teamReviewers team slugs, requested on creation
 * @param assignees assignee logins, added on creation
 */
public record PullRequestSpec(String title, String body, boolean draft, List<String> labels,
        List<String> reviewers, List<String> teamReviewers, List<String> assignees) {
    public PullRequestSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
        teamReviewers = List.copyOf(teamReviewers);
        assignees = List.copyOf(assignees);
    }

    /** A spec with only a title and body. */
    public static PullRequestSpec of(String title, String body) {
        return new PullRequestSpec(title, body, false, List.of(), List.of(), List.of(), List.of());
    }
}
