package dev.relock.testing.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Commit statuses: {@code POST /repos/{o}/{r}/statuses/{sha}}, and for reading them back
 * {@code GET /repos/{o}/{r}/commits/{ref}/statuses} (every status, newest first) and
 * {@code GET /repos/{o}/{r}/commits/{ref}/status} (the combined status: the latest per context);
 * the list also under its older path {@code GET /repos/{o}/{r}/statuses/{ref}}.
 * Setting one needs the {@code statuses} write permission, as on GitHub.
 */
final class StatusRoutes {
    private static final String DOCS = "https://docs.github.com/rest/commits/statuses";
    private static final Set<String> STATES = Set.of("pending", "success", "failure", "error");
    /** GitHub keeps at most this many statuses per sha and context. */
    static final int MAX_PER_CONTEXT = 1000;

    private final FakeGitHub hub;
    private final Views views;

    StatusRoutes(FakeGitHub hub, Views views) {
        this.hub = hub;
        this.views = views;
    }

    void register(Api api) {
        String repo = "/repos/{owner}/{repo}";
        api.route("POST", repo + "/statuses/{sha}", Api.Need.write("statuses"), DOCS, this::create);
        api.route("GET", repo + "/commits/{ref+}/statuses", Api.Need.read("statuses"), DOCS,
                call -> api.page(call, list(call, statusesOf(call))));
        api.route("GET", repo + "/commits/{ref+}/status", Api.Need.read("statuses"), DOCS, this::combined);
        // the older spelling of the list, which github-api still uses
        api.route("GET", repo + "/statuses/{ref+}", Api.Need.read("statuses"), DOCS,
                call -> api.page(call, list(call, statusesOf(call))));
    }

    private ApiResponse create(ApiCall call) {
        FakeRepository repo = call.repo();
        String sha = call.param("sha");
        ObjectId commit = repo.commitish(sha)
                .orElseThrow(() -> ApiError.unprocessable("No commit found for SHA: " + sha, DOCS));
        String state = call.text("state", "Status", DOCS);
        if (!STATES.contains(state)) {
            throw ApiError.validationFailed(DOCS, ApiError.customError("Status",
                    "state is not included in the list"));
        }
        Optional<String> description = call.optionalText("description");
        if (description.filter(d -> d.length() > 140).isPresent()) {
            throw ApiError.validationFailed(DOCS, ApiError.customError("Status",
                    "description is too long (maximum is 140 characters)"));
        }
        String context = call.optionalText("context").orElse("default");
        long count = repo.statuses.stream().map(FakeRepository.StatusState::status)
                .filter(s -> s.sha().equals(commit.name()) && s.context().equals(context))
                .count();
        if (count >= MAX_PER_CONTEXT) {
            throw ApiError.validationFailed(DOCS, ApiError.customError("Status",
                    "This SHA and context has reached the maximum number of statuses."));
        }
        FakeStatus status = new FakeStatus(hub.nextId(), commit.name(), state, context, description,
                call.optionalText("target_url"), call.caller().login());
        repo.statuses.add(new FakeRepository.StatusState(status, hub.clock.instant()));
        return ApiResponse.created(view(repo, repo.statuses.get(repo.statuses.size() - 1)));
    }

    private List<FakeRepository.StatusState> statusesOf(ApiCall call) {
        FakeRepository repo = call.repo();
        String ref = call.param("ref");
        ObjectId commit = repo.commitish(ref)
                .orElseThrow(() -> ApiError.unprocessable("No commit found for SHA: " + ref, DOCS));
        List<FakeRepository.StatusState> out = new ArrayList<>();
        for (FakeRepository.StatusState s : repo.statuses) {
            if (s.status().sha().equals(commit.name())) {
                out.add(0, s);
            }
        }
        return out;
    }

    private ArrayNode list(ApiCall call, List<FakeRepository.StatusState> statuses) {
        ArrayNode out = Json.array();
        statuses.forEach(s -> out.add(view(call.repo(), s)));
        return out;
    }

    private ApiResponse combined(ApiCall call) {
        FakeRepository repo = call.repo();
        List<FakeRepository.StatusState> all = statusesOf(call);
        Map<String, FakeRepository.StatusState> latest = new LinkedHashMap<>();
        all.forEach(s -> latest.putIfAbsent(s.status().context(), s));
        String state = latest.isEmpty() ? "pending"
                : latest.values().stream().anyMatch(s -> Set.of("failure", "error").contains(s.status().state()))
                        ? "failure"
                        : latest.values().stream().anyMatch(s -> s.status().state().equals("pending")) ? "pending"
                                : "success";
        String sha = repo.commitish(call.param("ref")).orElseThrow().name();
        ObjectNode n = Json.object();
        n.put("state", state);
        ArrayNode statuses = n.putArray("statuses");
        latest.values().forEach(s -> statuses.add(view(repo, s)));
        n.put("sha", sha);
        n.put("total_count", latest.size());
        n.set("repository", views.repository(repo, call.token));
        n.put("commit_url", views.repoApi(repo) + "/commits/" + sha);
        n.put("url", views.repoApi(repo) + "/commits/" + sha + "/status");
        return ApiResponse.ok(n);
    }

    private ObjectNode view(FakeRepository repo, FakeRepository.StatusState s) {
        FakeStatus status = s.status();
        ObjectNode n = Json.object();
        n.put("url", views.repoApi(repo) + "/statuses/" + status.sha());
        n.put("avatar_url", views.web("/avatars/" + status.creator()));
        n.put("id", status.id());
        n.put("node_id", Views.nodeId("SC", status.id()));
        n.put("state", status.state());
        putOptional(n, "description", status.description());
        putOptional(n, "target_url", status.targetUrl());
        n.put("context", status.context());
        n.put("created_at", Json.time(s.createdAt()));
        n.put("updated_at", Json.time(s.createdAt()));
        hub.user(status.creator()).ifPresentOrElse(u -> n.set("creator", views.user(u)), () -> n.putNull("creator"));
        return n;
    }

    private static void putOptional(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }
}
