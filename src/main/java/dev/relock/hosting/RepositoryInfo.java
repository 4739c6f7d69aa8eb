package dev.relock.hosting;

import java.util.Objects;

/**
 * A hosted repository.
 *
 * @param owner account that owns it
 * @param name repository name
 * @param defaultBranch its default branch, for example {@code main}
 * @param cloneUrl the HTTPS clone URL
 */
public record RepositoryInfo(String owner, String name, String defaultBranch, String cloneUrl) {
    public RepositoryInfo {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
    }

    /** {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }
}
