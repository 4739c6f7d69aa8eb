package dev.relock.update;

import dev.relock.hosting.Identity;
import dev.relock.name.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an update run needs to know. Build with {@link #builder(Path)}.
 *
 * @param workspace the repository's working tree root
 * @param jobs the lockfiles (any order; layered files are sorted)
 * @param upgrade packages to upgrade; empty upgrades all
 * @param branch the bot branch
 * @param base the base branch; empty means the repository's default branch
 * @param title a custom pull request title
 * @param labels labels to add
 * @param reviewers reviewer logins
 * @param teamReviewers team slugs
 * @param assignees assignee logins
 * @param draft open as a draft
 * @param author the commit author, also how the bot recognises its own commits
 * @param target a description of the target, e.g. {@code Python 3.12.7 on x86_64-manylinux_2_17}
 * @param reproduce the command that reproduces the change, shown in the pull request
 * @param statusUrl where the commit status links to (the workflow run), when known
 * @param securityOnly {@code --security-only}: the pull request fixes known vulnerabilities only
 */
public record UpdateRequest(Path workspace, List<LockfileJob> jobs, Set<PackageName> upgrade, String branch,
        Optional<String> base, Optional<String> title, List<String> labels, List<String> reviewers,
        List<String> teamReviewers, List<String> assignees, boolean draft, Identity author, String target,
        String reproduce, Optional<String> statusUrl, boolean securityOnly) {

    public UpdateRequest {
        Objects.requireNonNull(workspace, "workspace");
        jobs = List.copyOf(jobs);
        upgrade = Set.copyOf(upgrade);
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(title, "title");
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
        teamReviewers = List.copyOf(teamReviewers);
        assignees = List.copyOf(assignees);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reproduce, "reproduce");
        Objects.requireNonNull(statusUrl, "statusUrl");
    }

    /** A builder with relock's defaults: branch {@code relock/update}, GitHub Actions' bot as author. */
    public static Builder builder(Path workspace) {
        return new Builder(workspace);
    }

    /** Builds an {@link UpdateRequest}. */
    public static final class Builder {
        private final Path workspace;
        private final List<LockfileJob> jobs = new ArrayList<>();
        private final Set<PackageName> upgrade = new LinkedHashSet<>();
        private String branch = "relock/update";
        private Optional<String> base = Optional.empty();
        private Optional<String> title = Optional.empty();
        private final List<String> labels = new ArrayList<>();
        private final List<String> reviewers = new ArrayList<>();
        private final List<String> teamReviewers = new ArrayList<>();
        private final List<String> assignees = new ArrayList<>();
        private boolean draft;
        private Identity author = Identity.GITHUB_ACTIONS;
        private String target = "the pinned Python";
        private String reproduce = "relock update --dry-run";
        private Optional<String> statusUrl = Optional.empty();
        private boolean securityOnly;

        private Builder(Path workspace) {
            this.workspace = workspace;
        }

        public Builder job(LockfileJob job) {
            jobs.add(job);
            return this;
        }

        public Builder jobs(List<LockfileJob> all) {
            jobs.addAll(all);
            return this;
        }

        public Builder upgrade(PackageName name) {
            upgrade.add(name);
            return this;
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder base(Optional<String> value) {
            base = value;
            return this;
        }

        public Builder title(Optional<String> value) {
            title = value;
            return this;
        }

        public Builder labels(List<String> values) {
            labels.addAll(values);
            return this;
        }

        public Builder reviewers(List<String> values) {
            reviewers.addAll(values);
            return this;
        }

        public Builder teamReviewers(List<String> values) {
            teamReviewers.addAll(values);
            return this;
        }

        public Builder assignees(List<String> values) {
            assignees.addAll(values);
            return this;
        }

        public Builder draft(boolean value) {
            draft = value;
            return this;
        }

        public Builder author(Identity value) {
            author = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder reproduce(String value) {
            reproduce = value;
            return this;
        }

        public Builder statusUrl(Optional<String> value) {
            statusUrl = value;
            return this;
        }

        public Builder securityOnly(boolean value) {
            securityOnly = value;
            return this;
        }

        public UpdateRequest build() {
            return new UpdateRequest(workspace, jobs, upgrade, branch, base, title, labels, reviewers,
                    teamReviewers, assignees, draft, author, target, reproduce, statusUrl, securityOnly);
        }
    }
}
