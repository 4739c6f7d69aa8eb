package dev.relock.hosting;

import java.util.Objects;

/**
 * A pull request as the bot sees it.
 *
 * @param number its number
 * @param url its web address
 * @param head head branch name
 * @param base base branch name
 * @param title title
 * @param body body (empty when none)
 */
public record PullRequest(int number, String url, String head, String base, String title, String body) {
    public PullRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
