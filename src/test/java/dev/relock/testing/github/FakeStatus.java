package dev.relock.testing.github;

import java.util.Optional;

/**
 * A commit status held by {@link FakeGitHub}.
 *
 * @param id          status id
 * @param sha         the commit it is set on
 * @param state       {@code pending}, {@code success}, {@code failure} or {@code error}
 * @param context     its name, e.g. {@code relock/verify}
 * @param description its one line, if any
 * @param targetUrl   its link, if any
 * @param creator     login of the account that set it
 */
public record FakeStatus(long id, String sha, String state, String context, Optional<String> description,
        Optional<String> targetUrl, String creator) {}
