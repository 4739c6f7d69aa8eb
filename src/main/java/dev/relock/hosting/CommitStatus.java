package dev.relock.hosting;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit status, as branch protection's "required status checks" match it by {@code context}.
 *
 * @param state the outcome
 * @param context the check's name, e.g. {@code relock/verify}
 * @param description one short line; GitHub keeps at most {@value #MAX_DESCRIPTION} characters
 * @param targetUrl where the details are, e.g. the workflow run
 */
public record CommitStatus(State state, String context, String description, Optional<String> targetUrl) {
    /** GitHub rejects longer descriptions with 422. */
    public static final int MAX_DESCRIPTION = 140;

    /** GitHub's four states. */
    public enum State {
        PENDING, SUCCESS, FAILURE, ERROR;

        /** The lower-case word GitHub uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CommitStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(targetUrl, "targetUrl");
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
        }
    }
}
