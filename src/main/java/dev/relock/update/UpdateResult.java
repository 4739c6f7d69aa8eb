package dev.relock.update;

import dev.relock.hosting.PullRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an update run. Expected outcomes (nothing to do, blocked by a person's commit)
 * are results; only failures throw.
 *
 * @param operation what happened to the pull request
 * @param pullRequest the pull request acted on, if any
 * @param plan the local plan
 * @param messages explanations for the log (why nothing happened, warnings)
 */
public record UpdateResult(Operation operation, Optional<PullRequest> pullRequest, UpdatePlan plan,
        List<String> messages) {
    public UpdateResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(plan, "plan");
        messages = List.copyOf(messages);
    }
}
