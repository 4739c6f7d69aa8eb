package dev.relock.testing.github;

import java.util.Objects;

/**
 * An account known to {@link FakeGitHub}: a person, a bot or an organisation.
 *
 * @param login  the account name, for example {@code octocat} or {@code relock[bot]}
 * @param id     numeric id, unique within one fake
 * @param name   display name, also used as the git author name of commits made for this account
 * @param email  e-mail address; commits carrying it are attributed to this account
 * @param type   GitHub's account type: {@code User}, {@code Bot} or {@code Organization}
 */
public record FakeUser(String login, long id, String name, String email, String type) {
    /** Validates the fields. */
    public FakeUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(type, "type");
    }
}
