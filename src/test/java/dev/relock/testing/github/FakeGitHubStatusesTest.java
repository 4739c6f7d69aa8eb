package dev.relock.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHCommitStatus;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/** Commit statuses on {@link FakeGitHub}, through github-api and plain HTTP, in GitHub's shapes. */
class FakeGitHubStatusesTest {
    static final String TOKEN = "ghs_statuses";
    static final ObjectMapper JSON = new ObjectMapper();

    FakeGitHub fake;
    FakeRepository repo;
    String sha;

    @BeforeEach
    void start() {
        fake = FakeGitHub.start();
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "statuses:write");
        fake.addToken("ghs_nostatus", "relock[bot]", "contents:write", "pull-requests:write");
        repo = fake.createRepository("acme", "app");
        sha = repo.commit("main", fake.user("acme").orElseThrow(), "init", Map.of("a.txt", "a\n"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aStatusIsCreatedListedNewestFirstAndCombinedLatestPerContext() throws IOException {
        GHRepository r = GitHubClients.client(fake, TOKEN).getRepository("acme/app");
        GHCommitStatus created = r.createCommitStatus(sha, GHCommitState.PENDING, null, "checking", "relock/verify");
        r.createCommitStatus(sha, GHCommitState.SUCCESS, "https://ci.example/runs/1", "3 of 3 checks passed",
                "relock/verify");
        r.createCommitStatus(sha, GHCommitState.FAILURE, null, "lint failed", "lint");

        assertThat(created.getState()).isEqualTo(GHCommitState.PENDING);
        assertThat(created.getContext()).isEqualTo("relock/verify");
        assertThat(created.getCreator().getLogin()).isEqualTo("relock[bot]");
        assertThat(r.listCommitStatuses(sha).toList()).extracting(s -> s.getContext() + " " + s.getState())
                .containsExactly("lint FAILURE", "relock/verify SUCCESS", "relock/verify PENDING");
        assertThat(r.getLastCommitStatus(sha).getDescription()).isEqualTo("lint failed");
        assertThat(repo.statuses(sha)).extracting(FakeStatus::state).containsExactly("pending", "success", "failure");

        JsonNode combined = get("/repos/acme/app/commits/main/status", TOKEN).get("body");
        assertThat(combined.get("state").asText()).isEqualTo("failure");
        assertThat(combined.get("sha").asText()).isEqualTo(sha);
        assertThat(combined.get("total_count").asInt()).isEqualTo(2);
        assertThat(combined.get("statuses").findValuesAsText("context")).containsExactly("lint", "relock/verify");
        assertThat(combined.get("statuses").get(1).get("target_url").asText()).isEqualTo("https://ci.example/runs/1");
        assertThat(get("/repos/acme/app/commits/" + sha + "/statuses", TOKEN).get("body").size()).isEqualTo(3);
    }

    @Test
    void badStatesLongDescriptionsUnknownCommitsAndMissingPermissionsAreRefusedAsGitHubDoes() throws IOException {
        assertThat(post("/repos/acme/app/statuses/" + sha, TOKEN, "{\"state\":\"done\"}").get("status").asInt())
                .isEqualTo(422);
        JsonNode tooLong = post("/repos/acme/app/statuses/" + sha, TOKEN,
                "{\"state\":\"success\",\"description\":\"" + "x".repeat(141) + "\"}");
        assertThat(tooLong.get("status").asInt()).isEqualTo(422);
        assertThat(tooLong.get("body").toString()).contains("description is too long (maximum is 140 characters)");
        JsonNode unknown = post("/repos/acme/app/statuses/" + "0".repeat(40), TOKEN, "{\"state\":\"success\"}");
        assertThat(unknown.get("status").asInt()).isEqualTo(422);
        assertThat(unknown.get("body").get("message").asText()).startsWith("No commit found for SHA: ");
        GHRepository noStatuses = GitHubClients.client(fake, "ghs_nostatus").getRepository("acme/app");
        assertThatThrownBy(() -> noStatuses.createCommitStatus(sha, GHCommitState.SUCCESS, null, "x", "relock/verify"))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(403));
        assertThat(repo.statuses(sha)).isEmpty();
        JsonNode created = post("/repos/acme/app/statuses/" + sha, TOKEN, "{\"state\":\"success\"}");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("body").get("context").asText()).isEqualTo("default");
        assertThat(created.get("body").get("description").isNull()).isTrue();
    }

    private JsonNode get(String path, String token) throws IOException {
        return call(new Request.Builder().url(fake.apiUrl() + path).get(), token);
    }

    private JsonNode post(String path, String token, String body) throws IOException {
        return call(new Request.Builder().url(fake.apiUrl() + path)
                .post(RequestBody.create(body, MediaType.get("application/json"))), token);
    }

    private JsonNode call(Request.Builder request, String token) throws IOException {
        try (Response response = new OkHttpClient().newCall(request.header("Authorization", "Bearer " + token)
                .build()).execute()) {
            var out = JSON.createObjectNode();
            out.put("status", response.code());
            out.set("body", JSON.readTree(response.body().string()));
            return out;
        }
    }
}
