package dev.relock.hosting;

import java.util.Objects;
import java.util.Optional;

/**
 * A commit on a branch, with what is needed to tell the bot's commits from a person's.
 *
 * @param sha commit id
 * @param authorName git author name
 * @param authorEmail git author e-mail
 * @param authorLogin the platform account the commit is attributed to, when known
 */
public record CommitInfo(String sha, String authorName, String authorEmail, Optional<String> authorLogin) {
    public CommitInfo {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(authorLogin, "authorLogin");
    }

    /** Whether {@code identity} (or the account {@code botLogin}) wrote this commit. */
    public boolean isBy(Identity identity, Optional<String> botLogin) {
        return authorEmail.equalsIgnoreCase(identity.email())
                || (botLogin.isPresent() && authorLogin.isPresent() && authorLogin.get().equalsIgnoreCase(botLogin.get()));
    }
}
