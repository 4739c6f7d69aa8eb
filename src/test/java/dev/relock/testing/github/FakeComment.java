package dev.relock.testing.github;

/**
 * An issue comment (pull requests are issues) held by {@link FakeGitHub}.
 *
 * @param id          comment id
 * @param issueNumber number of the issue or pull request it belongs to
 * @param author      login of its author
 * @param body        text
 */
public record FakeComment(long id, int issueNumber, String author, String body) {}
