package dev.relock.hosting;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** github-api limit handlers that wait as GitHub asks, within a {@link RateLimitPolicy}'s budget. */
final class BoundedWaits {
    private static final Duration DEFAULT_SECONDARY_WAIT = Duration.ofMinutes(1);

    private final RateLimitPolicy policy;
    private final Clock clock;
    private int waits;

    BoundedWaits(RateLimitPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Raised when waiting is no longer allowed; translated to a hosting failure. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    GitHubAbuseLimitHandler secondary() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                Duration wait = retryAfter(response).orElse(DEFAULT_SECONDARY_WAIT);
                await(wait, "GitHub's secondary rate limit");
            }
        };
    }

    GitHubRateLimitHandler primary() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                Duration wait = retryAfter(response).orElseGet(() -> untilReset(response));
                await(wait, "GitHub's API rate limit");
            }
        };
    }

    private synchronized void await(Duration wait, String what) throws IOException {
        if (waits >= policy.maxWaits()) {
            throw new LimitExceeded(what + " is still in force after " + waits + " waits; try again later");
        }
        if (wait.compareTo(policy.maxWait()) > 0) {
            throw new LimitExceeded(what + " asks to wait " + wait.toSeconds() + "s, longer than relock waits ("
                    + policy.maxWait().toSeconds() + "s); try again later");
        }
        waits++;
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting out " + what);
        }
    }

    private static java.util.Optional<Duration> retryAfter(GitHubConnectorResponse response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private Duration untilReset(GitHubConnectorResponse response) {
        String reset = response.header("X-RateLimit-Reset");
        if (reset == null) {
            return DEFAULT_SECONDARY_WAIT;
        }
        try {
            long seconds = Long.parseLong(reset.trim()) - clock.instant().getEpochSecond();
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException e) {
            return DEFAULT_SECONDARY_WAIT;
        }
    }
}
