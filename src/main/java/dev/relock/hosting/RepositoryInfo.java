package dev.relock.hosting;

import java.util.Objects;
import java.util.Optional;

/**
 * A hosted repository, as far as the platform's answer described it.
 *
 * @param owner account that owns it
 * @param name repository name
 * @param defaultBranch its default branch, for example {@code main}; empty when the answer lacked it
 * @param cloneUrl the HTTPS clone URL; empty when the answer lacked it
 */
public record RepositoryInfo(String owner, String name, Optional<String> defaultBranch, Optional<String> cloneUrl) {
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

    /**
     * The default branch.
     *
     * @throws HostingException when the platform did not say (pass the base branch explicitly then)
     */
    public String requireDefaultBranch() {
        return defaultBranch.orElseThrow(() -> missing("default_branch", " Pass the base branch with --base BRANCH."));
    }

    /**
     * The HTTPS clone URL.
     *
     * @throws HostingException when the platform did not say
     */
    public String requireCloneUrl() {
        return cloneUrl.orElseThrow(() -> missing("clone_url",
                " --commit-via git needs it; use --commit-via api instead."));
    }

    private HostingException missing(String field, String hint) {
        return new HostingException(0, "GitHub's response to GET /repos/" + fullName() + " has no " + field + "."
                + hint);
    }
}
