package dev.relock.hosting;

import java.util.List;
import java.util.Objects;

/**
 * One commit to write on top of {@code parent} and to point {@code branch} at (forced).
 *
 * @param branch the branch to create or move
 * @param base the base branch {@code parent} was read from (a git push fetches it when the parent is missing locally)
 * @param parent the parent commit (the base branch's head)
 * @param message the commit message
 * @param author author and committer
 * @param files the changed files, applied on the parent's tree
 */
public record CommitRequest(String branch, String base, String parent, String message, Identity author, List<FileChange> files) {
    public CommitRequest {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        files = List.copyOf(files);
    }
}
