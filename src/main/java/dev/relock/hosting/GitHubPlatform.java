package dev.relock.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTreeBuilder;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitUser;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/**
 * {@link Platform} on GitHub (and GitHub Enterprise Server) through github-api over OkHttp.
 * Failures become {@link HostingException}s whose messages say what to fix and never contain
 * the token.
 */
public final class GitHubPlatform implements Platform {
    static final String PERMISSIONS = "contents: write, pull-requests: write";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_ATTEMPTS = 3;
    /**
     * github-api logs through java.util.logging, whose default handler prints to stderr in a format
     * of its own; relock reports every failure itself, so the library's records go nowhere. Held here
     * because java.util.logging keeps loggers only weakly.
     */
    private static final Logger GITHUB_API_LOG = Logger.getLogger("org.kohsuke.github");

    static {
        GITHUB_API_LOG.setUseParentHandlers(false);
    }

    private final Settings settings;
    private final GitHub gh;
    private final OkHttpClient http;
    private final Consumer<String> warn;
    private GHRepository repo;
    private Optional<Optional<String>> login = Optional.empty();

    /**
     * Where and as whom to connect.
     *
     * @param apiUrl the REST API root, {@code https://api.github.com} or {@code https://ghe.example/api/v3}
     * @param token the token
     * @param tokenName where the token came from, for messages (for example {@code GITHUB_TOKEN})
     * @param repository {@code owner/name}
     * @param rateLimits how long rate limits may be waited out
     */
    public record Settings(String apiUrl, String token, String tokenName, String repository,
            RateLimitPolicy rateLimits) {
        public Settings {
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(tokenName, "tokenName");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(rateLimits, "rateLimits");
            apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
            if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new dev.relock.common.RelockException(dev.relock.common.RelockException.Kind.BAD_INPUT,
                        "repository must be OWNER/NAME, got '" + repository + "'");
            }
        }

        @Override
        public String toString() {
            return "Settings[apiUrl=" + apiUrl + ", tokenName=" + tokenName + ", repository=" + repository + "]";
        }
    }

    private GitHubPlatform(Settings settings, GitHub gh, OkHttpClient http, Consumer<String> warn) {
        this.settings = settings;
        this.gh = gh;
        this.http = http;
        this.warn = warn;
    }

    /** A platform for {@code settings}; makes no request until a verb is called. */
    public static GitHubPlatform connect(Settings settings, Consumer<String> warn) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        BoundedWaits waits = new BoundedWaits(settings.rateLimits(), Clock.systemUTC());
        try {
            GitHub gh = new GitHubBuilder()
                    .withEndpoint(settings.apiUrl())
                    .withOAuthToken(settings.token())
                    .withConnector(new OkHttpGitHubConnector(http))
                    .withAbuseLimitHandler(waits.secondary())
                    .withRateLimitHandler(waits.primary())
                    .build();
            return new GitHubPlatform(settings, gh, http, warn);
        } catch (IOException e) {
            throw new HostingException(0, "cannot set up a GitHub client for " + settings.apiUrl() + ": "
                    + scrub(settings, String.valueOf(e.getMessage())));
        }
    }

    @Override
    public RepositoryInfo repository() {
        GHRepository r = repo();
        String[] asked = settings.repository().split("/", 2);
        // an owner or name left out of the answer is the one asked for; the rest is optional until needed
        String owner = ownerName(r).filter(s -> !s.isBlank()).orElse(asked[0]);
        String name = Optional.ofNullable(r.getName()).filter(s -> !s.isBlank()).orElse(asked[1]);
        return new RepositoryInfo(owner, name,
                Optional.ofNullable(r.getDefaultBranch()).filter(s -> !s.isBlank()),
                Optional.ofNullable(r.getHttpTransportUrl()).filter(s -> !s.isBlank()));
    }

    @Override
    public Optional<String> authenticatedLogin() {
        if (login.isEmpty()) {
            Optional<String> found;
            try {
                found = Optional.of(gh.getMyself().getLogin());
            } catch (IOException | RuntimeException e) {
                // GitHub App installation tokens may not read /user; the author e-mail still identifies the bot
                found = Optional.empty();
            }
            login = Optional.of(found);
        }
        return login.get();
    }

    @Override
    public Optional<String> branchHead(String branch) {
        return read("reading branch " + branch, () -> {
            try {
                return Optional.of(repo().getRef("heads/" + branch).getObject().getSha());
            } catch (GHFileNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<CommitInfo> branchCommits(String base, String branch) {
        return read("comparing " + branch + " with " + base, () -> {
            GHCompare compare;
            try {
                compare = repo().getCompare(base, branch);
            } catch (GHFileNotFoundException e) {
                return List.of();
            }
            List<CommitInfo> out = new ArrayList<>();
            for (GHCompare.Commit c : compare.getCommits()) {
                GitUser author = c.getCommit().getAuthor();
                Optional<String> login;
                try {
                    login = Optional.ofNullable(c.getAuthor()).map(GHUser::getLogin);
                } catch (IOException e) {
                    login = Optional.empty();
                }
                out.add(0, new CommitInfo(c.getSHA1(), nullToEmpty(author.getName()),
                        nullToEmpty(author.getEmail()), login));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public String commitFiles(CommitRequest request) {
        String what = "writing the commit for branch " + request.branch();
        GHRepository r = repo();
        String baseTree = read(what, () -> r.getCommit(request.parent()).getTree().getSha());
        String commit = write(what, () -> {
            GHTreeBuilder tree = r.createTree().baseTree(baseTree);
            for (FileChange file : request.files()) {
                String blob = r.createBlob().binaryContent(file.content()).create().getSha();
                tree.shaEntry(file.path(), blob, false);
            }
            String treeSha = tree.create().getSha();
            Date now = new Date();
            Identity who = request.author();
            GHCommit created = r.createCommit().message(request.message()).tree(treeSha).parent(request.parent())
                    .author(who.name(), who.email(), now).committer(who.name(), who.email(), now).create();
            return created.getSHA1();
        });
        write("moving branch " + request.branch(), () -> {
            Optional<GHRef> ref = existingRef(r, request.branch());
            if (ref.isPresent()) {
                ref.get().updateTo(commit, true);
            } else {
                try {
                    r.createRef("refs/heads/" + request.branch(), commit);
                } catch (HttpException e) {
                    if (e.getResponseCode() != 422) {
                        throw e;
                    }
                    // created meanwhile by a racing run: ours is as good, move it
                    r.getRef("heads/" + request.branch()).updateTo(commit, true);
                }
            }
            return commit;
        });
        return commit;
    }

    @Override
    public void deleteBranch(String branch) {
        write("deleting branch " + branch, () -> {
            Optional<GHRef> ref = existingRef(repo(), branch);
            if (ref.isPresent()) {
                try {
                    ref.get().delete();
                } catch (HttpException e) {
                    if (e.getResponseCode() != 422) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Optional<PullRequest> findPr(String head, String base) {
        return read("looking for an open pull request from " + head, () -> repo().queryPullRequests()
                .head(repository().owner() + ":" + head)
                .base(base)
                .state(GHIssueState.OPEN)
                .list()
                .toList()
                .stream()
                .findFirst()
                .map(GitHubPlatform::view));
    }

    @Override
    public PullRequest createPr(String head, String base, PullRequestSpec spec) {
        GHPullRequest pr = write("opening a pull request from " + head, () -> {
            try {
                return repo().createPullRequest(spec.title(), head, base, spec.body(), true, spec.draft());
            } catch (HttpException e) {
                if (e.getResponseCode() == 422 && String.valueOf(e.getMessage()).contains("already exists")) {
                    throw new PullRequestExistsException("a pull request from " + head + " into " + base
                            + " is already open");
                }
                throw e;
            }
        });
        addMissingLabels(pr, spec.labels());
        requestReviews(pr, spec);
        if (!spec.assignees().isEmpty()) {
            write("assigning pull request #" + pr.getNumber(), () -> {
                List<GHUser> users = new ArrayList<>();
                for (String assignee : spec.assignees()) {
                    users.add(gh.getUser(assignee));
                }
                pr.addAssignees(users);
                return null;
            });
        }
        return view(pr);
    }

    @Override
    public PullRequest updatePr(int number, PullRequestSpec spec) {
        GHPullRequest pr = read("reading pull request #" + number, () -> repo().getPullRequest(number));
        write("updating pull request #" + number, () -> {
            if (!spec.title().equals(pr.getTitle())) {
                pr.setTitle(spec.title());
            }
            if (!spec.body().equals(nullToEmpty(pr.getBody()))) {
                pr.setBody(spec.body());
            }
            return null;
        });
        addMissingLabels(pr, spec.labels());
        return new PullRequest(number, pr.getHtmlUrl().toString(), pr.getHead().getRef(), pr.getBase().getRef(),
                spec.title(), spec.body());
    }

    @Override
    public void closePr(int number) {
        write("closing pull request #" + number, () -> {
            GHPullRequest pr = repo().getPullRequest(number);
            if (pr.getState() == GHIssueState.OPEN) {
                pr.close();
            }
            return null;
        });
    }

    @Override
    public void ensureComment(int number, String marker, String body) {
        String text = body.contains(marker) ? body : body + "\n\n" + marker;
        write("commenting on pull request #" + number, () -> {
            GHPullRequest pr = repo().getPullRequest(number);
            for (GHIssueComment comment : pr.listComments()) {
                if (nullToEmpty(comment.getBody()).contains(marker)) {
                    if (!comment.getBody().equals(text)) {
                        comment.update(text);
                    }
                    return null;
                }
            }
            pr.comment(text);
            return null;
        });
    }

    @Override
    public void setCommitStatus(String sha, CommitStatus status) {
        write("setting commit status " + status.context() + " on " + sha, () -> {
            repo().createCommitStatus(sha, GHCommitState.valueOf(status.state().name()),
                    status.targetUrl().orElse(null), status.description(), status.context());
            return null;
        });
    }

    // ---- helpers ----

    private GHRepository repo() {
        if (repo == null) {
            repo = read("reading repository " + settings.repository(), () -> gh.getRepository(settings.repository()));
        }
        return repo;
    }

    private static Optional<String> ownerName(GHRepository r) {
        try {
            return Optional.ofNullable(r.getOwnerName());
        } catch (NullPointerException noOwner) {
            return Optional.empty();
        }
    }

    private static Optional<GHRef> existingRef(GHRepository r, String branch) throws IOException {
        try {
            return Optional.of(r.getRef("heads/" + branch));
        } catch (GHFileNotFoundException e) {
            return Optional.empty();
        }
    }

    private void addMissingLabels(GHPullRequest pr, List<String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        write("labelling pull request #" + pr.getNumber(), () -> {
            Set<String> present = new HashSet<>();
            for (GHLabel label : pr.getLabels()) {
                present.add(label.getName().toLowerCase(Locale.ROOT));
            }
            String[] missing = labels.stream()
                    .filter(l -> !present.contains(l.toLowerCase(Locale.ROOT)))
                    .toArray(String[]::new);
            if (missing.length > 0) {
                pr.addLabels(missing);
            }
            return null;
        });
    }

    /** Asks for reviews; a reviewer GitHub cannot request (unknown, or the author) is a warning, not a failure. */
    private void requestReviews(GHPullRequest pr, PullRequestSpec spec) {
        if (spec.reviewers().isEmpty() && spec.teamReviewers().isEmpty()) {
            return;
        }
        Map<String, Object> payload = Map.of("reviewers", spec.reviewers(), "team_reviewers", spec.teamReviewers());
        String url = settings.apiUrl() + "/repos/" + settings.repository() + "/pulls/" + pr.getNumber()
                + "/requested_reviewers";
        try {
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + settings.token())
                    .header("Accept", "application/vnd.github+json")
                    .post(RequestBody.create(JSON.writeValueAsBytes(payload), MediaType.get("application/json")))
                    .build();
            try (Response response = http.newCall(request).execute()) {
                String text = response.body().string();
                if (response.code() == 422) {
                    warn.accept("could not request reviews on #" + pr.getNumber() + ": " + errorMessage(text));
                } else if (!response.isSuccessful()) {
                    throw failure("requesting reviews on #" + pr.getNumber(), response.code(), errorMessage(text),
                            Optional.ofNullable(response.header("x-accepted-github-permissions")),
                            response.header("retry-after") != null);
                }
            }
        } catch (IOException e) {
            throw unreachable("requesting reviews on #" + pr.getNumber(), e);
        }
    }

    private static PullRequest view(GHPullRequest pr) {
        return new PullRequest(pr.getNumber(), pr.getHtmlUrl().toString(), pr.getHead().getRef(),
                pr.getBase().getRef(), nullToEmpty(pr.getTitle()), nullToEmpty(pr.getBody()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One GitHub interaction. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException;
    }

    /** A read: retried on 5xx, which cannot leave anything half-made. */
    private <T> T read(String what, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (HttpException e) {
                if (e.getResponseCode() < 500 || attempt >= READ_ATTEMPTS) {
                    throw translate(what, e);
                }
                pause(attempt);
            } catch (BoundedWaits.LimitExceeded e) {
                throw new HostingException(403, "GitHub rate limit while " + what + ": " + e.getMessage());
            } catch (IOException e) {
                throw unreachable(what, e);
            } catch (NullPointerException e) {
                throw incomplete(what, e);
            }
        }
    }

    /** A write: never retried here; every write the bot makes converges when the run is repeated. */
    private <T> T write(String what, Call<T> call) {
        try {
            return call.call();
        } catch (HttpException e) {
            throw translate(what, e);
        } catch (BoundedWaits.LimitExceeded e) {
            throw new HostingException(403, "GitHub rate limit while " + what + ": " + e.getMessage());
        } catch (IOException e) {
            throw unreachable(what, e);
        } catch (NullPointerException e) {
            throw incomplete(what, e);
        }
    }

    private void pause(int attempt) {
        try {
            settings.rateLimits().sleeper().sleep(Duration.ofSeconds(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostingException(0, "interrupted");
        }
    }

    private HostingException translate(String what, HttpException e) {
        if (e.getResponseCode() <= 0) {
            // github-api reports a connection that never got an answer as "HTTP response code -1"
            return unreachable(what, e.getCause() instanceof IOException cause ? cause : e);
        }
        Map<String, List<String>> headers = headers(e);
        Optional<String> accepted = header(headers, "x-accepted-github-permissions");
        boolean retryAfter = header(headers, "retry-after").isPresent()
                || header(headers, "x-ratelimit-remaining").filter("0"::equals).isPresent();
        return failure(what, e.getResponseCode(), errorMessage(String.valueOf(e.getMessage())), accepted, retryAfter);
    }

    private HostingException failure(String what, int status, String message, Optional<String> acceptedPermissions,
            boolean rateLimited) {
        String text;
        if (status == 401) {
            text = "GitHub rejected the token in " + settings.tokenName() + " (401 " + message + ") while " + what
                    + ". Check that it is set, unexpired and issued for " + settings.apiUrl() + ".";
        } else if (status == 403 && (rateLimited || message.toLowerCase(Locale.ROOT).contains("rate limit"))) {
            text = "GitHub rate limit while " + what + " (403 " + message + "). Run again later.";
        } else if (status == 403) {
            text = "GitHub refused " + what + " (403 " + message + "): the token in " + settings.tokenName()
                    + " needs the permissions " + PERMISSIONS + ". In a workflow add 'permissions: {contents: write,"
                    + " pull-requests: write}'; for a GitHub App or fine-grained token grant Contents and Pull"
                    + " requests read and write."
                    + acceptedPermissions.map(p -> " GitHub says this call needs: " + p + ".").orElse("");
        } else if (status == 404) {
            text = "GitHub found nothing while " + what + " (404 " + message + "). Check the repository name and"
                    + " that the token in " + settings.tokenName() + " can see it.";
        } else {
            text = "GitHub failed while " + what + ": " + status + " " + message
                    + (status >= 500 ? ". Nothing is left half-made: run again to finish." : "");
        }
        return new HostingException(status, scrub(settings, text));
    }

    private HostingException unreachable(String what, IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof HttpException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        String detail = cause.getClass().getSimpleName()
                + (cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage());
        return new HostingException(0, scrub(settings, "cannot reach GitHub at " + settings.apiUrl() + " while "
                + what + ": " + detail));
    }

    /** github-api dereferences fields GitHub always sends; an answer without one must not be an internal error. */
    private HostingException incomplete(String what, NullPointerException e) {
        return new HostingException(0, scrub(settings, "GitHub's answer while " + what + " lacks a field relock"
                + " needs" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; is " + settings.apiUrl()
                + " a GitHub API, not a proxy that changes answers?"));
    }

    private static Map<String, List<String>> headers(HttpException e) {
        try {
            Map<String, List<String>> fields = e.getResponseHeaderFields();
            return fields == null ? Map.of() : fields;
        } catch (NullPointerException noHeaders) {
            // github-api builds some exceptions (for example after a limit handler gave up) without headers
            return Map.of();
        }
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0))
                .findFirst();
    }

    /** GitHub's error {@code message} (with the first {@code errors[].message}), or the text itself. */
    static String errorMessage(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return text.strip();
        }
        try {
            JsonNode node = JSON.readTree(text.substring(brace));
            String message = node.path("message").asText("");
            JsonNode errors = node.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                String detail = errors.get(0).path("message").asText(errors.get(0).path("code").asText(""));
                if (!detail.isEmpty()) {
                    message = message + ": " + detail;
                }
            }
            return message.isEmpty() ? text.strip() : message;
        } catch (IOException e) {
            return text.strip();
        }
    }

    private static String scrub(Settings settings, String text) {
        return Secrets.scrub(text, List.of(settings.token()));
    }
}
