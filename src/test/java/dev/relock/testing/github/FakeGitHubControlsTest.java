package dev.relock.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

/** Fault injection, the request log, GitHub Enterprise Server paths and git smart HTTP. */
class FakeGitHubControlsTest {
    static final String TOKEN = "ghs_bot";
    static final OkHttpClient HTTP = new OkHttpClient();

    FakeGitHub fake;
    FakeRepository repo;

    @BeforeEach
    void start() {
        fake = FakeGitHub.start();
        setUp(fake);
        repo = fake.repository("acme", "app");
    }

    static void setUp(FakeGitHub fake) {
        fake.addBot("relock[bot]");
        fake.addToken(TOKEN, "relock[bot]", "contents:write", "pull_requests:write");
        fake.addToken("ghs_readonly", "relock[bot]", "contents:read", "pull_requests:read");
        fake.createRepository("acme", "app");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.serverError("GET", "/repos/acme/app"), 500, "Server Error"),
                Arguments.of(Fault.badGateway("GET", "/repos/[^/]+/app"), 502, "Server Error"),
                Arguments.of(Fault.status("GET", "/repos/acme/app", 451, "Repository access blocked"), 451,
                        "Repository access blocked"),
                Arguments.of(Fault.secondaryRateLimit("GET", "/repos/acme/app"), 403, "Abuse limit reached"),
                Arguments.of(Fault.primaryRateLimit("GET", "/repos/acme/app", Instant.now().plusSeconds(60)), 403,
                        "API rate limit reached"));
    }

    @ParameterizedTest(name = "{0} surfaces as HTTP {1}")
    @MethodSource("faults")
    void anInjectedFaultAnswersOnceThenTheFakeRecovers(Fault fault, int status, String message) throws IOException {
        GitHub gh = GitHubClients.client(fake, TOKEN);
        fake.inject(fault);

        assertThatThrownBy(() -> gh.getRepository("acme/app"))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(status))
                .hasMessageContaining(message);
        assertThat(gh.getRepository("acme/app").getName()).isEqualTo("app");
    }

    @Test
    void faultsCarryGitHubsHeadersAndBody() throws IOException {
        Instant reset = Instant.now().plusSeconds(60);
        fake.inject(Fault.primaryRateLimit("GET", "/rate_limit", reset));
        fake.inject(Fault.secondaryRateLimit("GET", "/rate_limit"));

        try (Response primary = get("/rate_limit", TOKEN); Response secondary = get("/rate_limit", TOKEN)) {
            assertThat(primary.code()).isEqualTo(403);
            assertThat(primary.header("x-ratelimit-remaining")).isEqualTo("0");
            assertThat(primary.header("x-ratelimit-reset")).isEqualTo(Long.toString(reset.getEpochSecond()));
            assertThat(secondary.code()).isEqualTo(403);
            assertThat(secondary.header("retry-after")).isEqualTo("1");
            assertThat(json(secondary).get("message").asText()).startsWith("You have exceeded a secondary rate limit");
        }
    }

    @Test
    void aFaultForSeveralTimesFailsThatManyRequests() throws IOException {
        fake.inject(Fault.serverError("GET", "/user").times(2));

        try (Response first = get("/user", TOKEN); Response second = get("/user", TOKEN);
                Response third = get("/user", TOKEN)) {
            assertThat(Stream.of(first, second, third).map(Response::code)).containsExactly(500, 500, 200);
        }
    }

    @Test
    void githubApiWaitsOutASecondaryRateLimitAndRetries() throws IOException {
        GitHub patient = GitHubClients.builder(fake, TOKEN).build();
        fake.inject(Fault.secondaryRateLimit("GET", "/repos/acme/app"));

        assertThat(patient.getRepository("acme/app").getName()).isEqualTo("app");
        assertThat(fake.requests("GET", "/repos/acme/app")).hasSize(2);
    }

    @Test
    void aMissingPermissionNamesTheAcceptedPermissions() throws IOException {
        String body = "{\"title\":\"t\",\"head\":\"x\",\"base\":\"main\"}";
        Request request = new Request.Builder().url(fake.apiUrl() + "/repos/acme/app/pulls")
                .header("Authorization", "Bearer ghs_readonly")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(403);
            assertThat(response.header("x-accepted-github-permissions")).isEqualTo("pull_requests=write");
            JsonNode error = json(response);
            assertThat(error.get("message").asText()).isEqualTo("Resource not accessible by integration");
            assertThat(error.get("documentation_url").asText()).startsWith("https://docs.github.com/rest");
        }
        try (Response response = get("/user", "ghs_wrong")) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(json(response).get("message").asText()).isEqualTo("Bad credentials");
        }
    }

    @Test
    void theRequestLogKeepsBodiesAndHeadersButNotCredentials() throws IOException {
        GHRepository r = GitHubClients.client(fake, TOKEN).getRepository("acme/app");
        fake.clearRequests();
        r.createBlob().textContent("hello").create();

        assertThat(fake.requests("POST", "/repos/acme/app/git/blobs")).singleElement().satisfies(request -> {
            assertThat(request.body()).contains("\"content\":\"hello\"").contains("\"encoding\":\"utf-8\"");
            assertThat(request.header("authorization")).isEmpty();
            assertThat(request.header("X-GitHub-Api-Version")).contains("2022-11-28");
        });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anEnterpriseServerFakeServesTheApiUnderApiV3() throws IOException {
        try (FakeGitHub ghes = FakeGitHub.builder().enterprise("3.14.0").start()) {
            setUp(ghes);
            GitHub gh = GitHubClients.client(ghes, TOKEN);

            assertThat(ghes.apiUrl()).endsWith("/api/v3");
            assertThat(gh.getRepository("acme/app").getDefaultBranch()).isEqualTo("main");
            assertThat(ghes.requests("GET", "/repos/acme/app")).hasSize(1);
            try (Response meta = HTTP.newCall(new Request.Builder().url(ghes.apiUrl() + "/meta").build()).execute();
                    Response outside = HTTP.newCall(new Request.Builder().url(ghes.webUrl() + "/repos/acme/app")
                            .build()).execute()) {
                assertThat(meta.header("X-GitHub-Enterprise-Version")).isEqualTo("3.14.0");
                assertThat(json(meta).get("installed_version").asText()).isEqualTo("3.14.0");
                assertThat(outside.code()).isEqualTo(404);
            }
        }
    }

    @Test
    void aCloneAndPushOverSmartHttpLandInTheSameRepository(@TempDir Path dir) throws GitAPIException, IOException {
        var credentials = new UsernamePasswordCredentialsProvider("x-access-token", TOKEN);
        try (Git clone = Git.cloneRepository().setURI(fake.gitUrl("acme", "app")).setDirectory(dir.toFile())
                .setCredentialsProvider(credentials).call()) {
            Files.writeString(dir.resolve("requirements.txt"), "flask==3.0.0\n");
            clone.add().addFilepattern("requirements.txt").call();
            RevCommit commit = clone.commit().setMessage("Lock").setAuthor("Relock", "bot@relock.dev")
                    .setCommitter("Relock", "bot@relock.dev").setSign(false).call();
            Iterable<PushResult> results = clone.push().setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/relock/update")).call();

            assertThat(results).flatExtracting(PushResult::getRemoteUpdates).extracting(RemoteRefUpdate::getStatus)
                    .containsExactly(RemoteRefUpdate.Status.OK);
            assertThat(repo.branchSha("relock/update")).contains(commit.name());
            assertThat(GitHubClients.client(fake, TOKEN).getRepository("acme/app").getBranch("relock/update")
                    .getSHA1()).isEqualTo(commit.name());
        }
    }

    @Test
    void pushingNeedsContentsWriteAndCloningAPublicRepositoryNeedsNoToken(@TempDir Path dir)
            throws GitAPIException {
        try (Git clone = Git.cloneRepository().setURI(fake.gitUrl("acme", "app"))
                .setDirectory(dir.toFile()).call()) {
            assertThat(dir.resolve("README.md")).hasContent("# app");
            assertThatThrownBy(() -> clone.push()
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", "ghs_readonly"))
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/other")).call())
                    .isInstanceOf(TransportException.class);
        }
        assertThat(repo.branchSha("other")).isEmpty();
    }

    @Test
    void refEndpointsDistinguishExactAndMatchingLookups() throws IOException {
        String main = repo.branchSha("main").orElseThrow();
        repo.commit("relock/update", fake.user("relock[bot]").orElseThrow(), "x", java.util.Map.of("x", "x\n"));

        try (Response exact = get("/repos/acme/app/git/ref/heads/main", TOKEN);
                Response missing = get("/repos/acme/app/git/ref/heads/relock", TOKEN);
                Response matching = get("/repos/acme/app/git/matching-refs/heads/relock", TOKEN);
                Response none = get("/repos/acme/app/git/matching-refs/heads/nothing", TOKEN);
                Response listing = get("/repos/acme/app/contents?ref=relock/update", TOKEN)) {
            JsonNode ref = json(exact);
            assertThat(ref.get("ref").asText()).isEqualTo("refs/heads/main");
            assertThat(ref.at("/object/sha").asText()).isEqualTo(main);
            assertThat(ref.at("/object/type").asText()).isEqualTo("commit");
            assertThat(missing.code()).isEqualTo(404);
            assertThat(json(matching)).extracting(n -> n.get("ref").asText()).containsExactly("refs/heads/relock/update");
            assertThat(json(none)).isEmpty();
            assertThat(json(listing)).extracting(n -> n.get("path").asText()).containsExactly("README.md", "x");
        }
    }

    private Response get(String path, String token) throws IOException {
        return HTTP.newCall(new Request.Builder().url(fake.apiUrl() + path)
                .header("Authorization", "token " + token).build()).execute();
    }

    private static JsonNode json(Response response) throws IOException {
        return Json.MAPPER.readTree(response.body().string());
    }
}
