package dev.relock.testing.github;

import java.io.IOException;
import okhttp3.OkHttpClient;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/** github-api clients pointed at a {@link FakeGitHub}, built the way relock builds them. */
final class GitHubClients {
    private static final OkHttpClient HTTP = new OkHttpClient();

    private GitHubClients() {}

    /** A client that fails fast on rate limits instead of sleeping. */
    static GitHub client(FakeGitHub fake, String token) throws IOException {
        return builder(fake, token)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                .build();
    }

    static GitHubBuilder builder(FakeGitHub fake, String token) {
        return new GitHubBuilder()
                .withEndpoint(fake.apiUrl())
                .withOAuthToken(token)
                .withConnector(new OkHttpGitHubConnector(HTTP));
    }
}
