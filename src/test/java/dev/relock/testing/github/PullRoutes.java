package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/** Pull requests and the issue side of them: labels, assignees, comments. */
final class PullRoutes {
    private static final String PULLS = "https://docs.github.com/rest/pulls/pulls";
    private static final String CREATE = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";
    private static final String REVIEWS = "https://docs.github.com/rest/pulls/review-requests";
    private static final String ISSUES = "https://docs.github.com/rest/issues/issues";
    private static final String LABELS = "https://docs.github.com/rest/issues/labels";
    private static final String ASSIGNEES = "https://docs.github.com/rest/issues/assignees";
    private static final String COMMENTS = "https://docs.github.com/rest/issues/comments";

    private final FakeGitHub hub;
    private final Views views;

    PullRoutes(FakeGitHub hub, Views views) {
        this.hub = hub;
        this.views = views;
    }

    void register(Api api) {
        String repo = "/repos/{owner}/{repo}";
        Api.Need readPulls = Api.Need.read("pull_requests");
        Api.Need writePulls = Api.Need.write("pull_requests");
        Api.Need readIssues = Api.Need.read("issues", "pull_requests");
        Api.Need writeIssues = Api.Need.write("issues", "pull_requests");
        api.route("GET", repo + "/pulls", readPulls, PULLS, call -> api.page(call, list(call)));
        api.route("POST", repo + "/pulls", writePulls, CREATE, this::create);
        api.route("GET", repo + "/pulls/{number}", readPulls, PULLS,
                call -> ApiResponse.ok(views.pull(call.repo(), pull(call, PULLS))));
        api.route("PATCH", repo + "/pulls/{number}", writePulls, PULLS, this::update);
        api.route("GET", repo + "/pulls/{number}/commits", readPulls, PULLS, call -> api.page(call, commits(call)));
        api.route("GET", repo + "/pulls/{number}/requested_reviewers", readPulls, REVIEWS, this::reviewers);
        api.route("POST", repo + "/pulls/{number}/requested_reviewers", writePulls, REVIEWS, this::requestReviews);
        api.route("DELETE", repo + "/pulls/{number}/requested_reviewers", writePulls, REVIEWS, this::removeReviews);

        String issue = repo + "/issues/{number}";
        api.route("GET", issue, readIssues, ISSUES,
                call -> ApiResponse.ok(views.issue(call.repo(), pull(call, ISSUES))));
        api.route("PATCH", issue, writeIssues, ISSUES, this::updateIssue);
        api.route("GET", issue + "/labels", readIssues, LABELS,
                call -> api.page(call, views.labels(call.repo(), pull(call, LABELS).labels)));
        api.route("POST", issue + "/labels", writeIssues, LABELS, call -> labels(call, false));
        api.route("PUT", issue + "/labels", writeIssues, LABELS, call -> labels(call, true));
        api.route("DELETE", issue + "/labels", writeIssues, LABELS, call -> {
            pull(call, LABELS).labels.clear();
            return ApiResponse.noContent();
        });
        api.route("DELETE", issue + "/labels/{name}", writeIssues, LABELS, this::removeLabel);
        api.route("POST", issue + "/assignees", writeIssues, ASSIGNEES, call -> assignees(call, true));
        api.route("DELETE", issue + "/assignees", writeIssues, ASSIGNEES, call -> assignees(call, false));
        api.route("GET", issue + "/comments", readIssues, COMMENTS, call -> api.page(call, comments(call)));
        api.route("POST", issue + "/comments", writeIssues, COMMENTS, this::comment);
        api.route("GET", repo + "/issues/comments/{id}", readIssues, COMMENTS,
                call -> ApiResponse.ok(views.comment(call.repo(), commentById(call))));
        api.route("PATCH", repo + "/issues/comments/{id}", writeIssues, COMMENTS, call -> {
            FakeRepository.CommentState comment = commentById(call);
            comment.body = call.text("body", "IssueComment", COMMENTS);
            comment.updatedAt = hub.clock.instant();
            return ApiResponse.ok(views.comment(call.repo(), comment));
        });
        api.route("DELETE", repo + "/issues/comments/{id}", writeIssues, COMMENTS, call -> {
            call.repo().comments.remove(commentById(call));
            return ApiResponse.noContent();
        });
    }

    private PullState pull(ApiCall call, String docs) {
        try {
            int number = Integer.parseInt(call.param("number"));
            return call.repo().pull(number).orElseThrow(() -> ApiError.notFound(docs));
        } catch (NumberFormatException e) {
            throw ApiError.notFound(docs);
        }
    }

    private ArrayNode list(ApiCall call) {
        FakeRepository repo = call.repo();
        String state = call.query("state").orElse("open");
        Optional<String> head = call.query("head");
        Optional<String> base = call.query("base");
        boolean ascending = call.query("direction").map("asc"::equals).orElse(false);
        ArrayNode out = Json.array();
        repo.pulls.stream()
                .filter(p -> state.equals("all") || p.state.equals(state))
                .filter(p -> head.isEmpty() || matchesHead(repo, p, head.get()))
                .filter(p -> base.isEmpty() || base.get().equals(p.baseRef))
                .sorted(ascending ? Comparator.comparingInt((PullState p) -> p.number)
                        : Comparator.comparingInt((PullState p) -> p.number).reversed())
                .forEach(p -> out.add(views.pull(repo, p)));
        return out;
    }

    /**
     * GitHub's {@code head} filter is {@code owner:branch} (or just {@code owner:}); a value without
     * the colon is silently ignored, so every pull request matches.
     */
    private static boolean matchesHead(FakeRepository repo, PullState pull, String head) {
        int colon = head.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String branch = head.substring(colon + 1);
        return head.substring(0, colon).equalsIgnoreCase(repo.owner()) && (branch.isEmpty()
                || branch.equals(pull.headRef));
    }

    private static String branchOf(FakeRepository repo, String head) {
        int colon = head.indexOf(':');
        if (colon < 0) {
            return head;
        }
        if (!head.substring(0, colon).equalsIgnoreCase(repo.owner())) {
            // forks are not modelled: a head in another account's fork does not exist here
            throw ApiError.validationFailed(CREATE, ApiError.fieldError("PullRequest", "head", "invalid"));
        }
        return head.substring(colon + 1);
    }

    private ApiResponse create(ApiCall call) {
        FakeRepository repo = call.repo();
        String headSpec = call.text("head", "PullRequest", CREATE);
        String baseRef = call.text("base", "PullRequest", CREATE);
        String title = call.text("title", "PullRequest", CREATE);
        String headRef = branchOf(repo, headSpec);
        hub.runRace(repo, headRef, baseRef);
        ObjectId head = repo.refTarget(Constants.R_HEADS + headRef).orElseThrow(() ->
                ApiError.validationFailed(CREATE, ApiError.fieldError("PullRequest", "head", "invalid")));
        ObjectId base = repo.refTarget(Constants.R_HEADS + baseRef).orElseThrow(() ->
                ApiError.validationFailed(CREATE, ApiError.fieldError("PullRequest", "base", "invalid")));
        if (repo.pulls.stream().anyMatch(p -> p.isOpen() && p.headRef.equals(headRef)
                && p.baseRef.equals(baseRef))) {
            throw ApiError.validationFailed(CREATE, ApiError.customError("PullRequest",
                    "A pull request already exists for " + repo.owner() + ":" + headRef + "."));
        }
        if (repo.isFastForward(head, base)) {
            throw ApiError.validationFailed(CREATE, ApiError.customError("PullRequest",
                    "No commits between " + baseRef + " and " + headRef));
        }
        PullState pull = open(repo, call.caller(), headRef, baseRef, title,
                call.optionalText("body").orElse(""), call.body.path("draft").asBoolean(false),
                call.body.path("maintainer_can_modify").asBoolean(true));
        return ApiResponse.created(views.pull(repo, pull)).withHeader("Location", views.repoApi(repo)
                + "/pulls/" + pull.number);
    }

    /** Opens a pull request without validation; also used by the race hook. */
    PullState open(FakeRepository repo, FakeUser author, String headRef, String baseRef, String title, String body,
            boolean draft, boolean maintainerCanModify) {
        String headSha = repo.refTarget(Constants.R_HEADS + headRef).map(ObjectId::name).orElse("");
        PullState pull = new PullState(hub.nextId(), hub.nextId(), repo.nextNumber++, author, headRef, baseRef,
                title, body, draft, maintainerCanModify, headSha, hub.clock.instant());
        repo.pulls.add(pull);
        return pull;
    }

    private ApiResponse update(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, PULLS);
        Instant now = hub.clock.instant();
        call.optionalText("title").ifPresent(t -> pull.title = t);
        call.optionalText("body").ifPresent(b -> pull.body = b);
        Optional<String> base = call.optionalText("base");
        if (base.isPresent()) {
            if (repo.refTarget(Constants.R_HEADS + base.get()).isEmpty()) {
                throw ApiError.validationFailed(PULLS, ApiError.fieldError("PullRequest", "base", "invalid"));
            }
            pull.baseRef = base.get();
        }
        call.optionalText("state").ifPresent(state -> setState(pull, state, now, PULLS));
        pull.touch(now);
        return ApiResponse.ok(views.pull(repo, pull));
    }

    private static void setState(PullState pull, String state, Instant now, String docs) {
        if (!state.equals("open") && !state.equals("closed")) {
            throw ApiError.validationFailed(docs, ApiError.fieldError("PullRequest", "state", "invalid"));
        }
        pull.setState(state, now);
    }

    private ArrayNode commits(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = repo.refreshed(pull(call, PULLS));
        ArrayNode out = Json.array();
        Optional<ObjectId> head = repo.object(pull.lastHeadSha, Constants.OBJ_COMMIT);
        Optional<ObjectId> base = repo.refTarget(Constants.R_HEADS + pull.baseRef);
        if (head.isPresent() && base.isPresent()) {
            for (RevCommit commit : RepoRoutes.range(repo, base.get(), head.get())) {
                out.add(views.restCommit(repo, repo.parseCommit(commit)));
            }
        }
        return out;
    }

    private ApiResponse reviewers(ApiCall call) {
        PullState pull = pull(call, REVIEWS);
        ObjectNode full = views.pull(call.repo(), pull);
        ObjectNode n = Json.object();
        n.set("users", full.get("requested_reviewers"));
        n.set("teams", full.get("requested_teams"));
        return ApiResponse.ok(n);
    }

    private ApiResponse requestReviews(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, REVIEWS);
        List<String> users = call.strings("reviewers");
        List<String> teams = call.strings("team_reviewers");
        if (users.isEmpty() && teams.isEmpty()) {
            throw ApiError.unprocessable("Invalid request.\n\n\"reviewers\" wasn't supplied.", REVIEWS);
        }
        if (users.stream().anyMatch(u -> u.equalsIgnoreCase(pull.author.login()))) {
            throw ApiError.unprocessable("Review cannot be requested from pull request author.", REVIEWS);
        }
        if (users.stream().anyMatch(u -> hub.user(u).isEmpty())) {
            throw ApiError.unprocessable("Reviews may only be requested from collaborators. One or more of the users"
                    + " or teams you specified is not a collaborator of the " + repo.fullName() + " repository.",
                    REVIEWS);
        }
        users.stream().map(u -> hub.user(u).orElseThrow().login())
                .filter(u -> !pull.reviewers.contains(u)).forEach(pull.reviewers::add);
        teams.stream().filter(t -> !pull.teams.contains(t)).forEach(pull.teams::add);
        pull.touch(hub.clock.instant());
        return ApiResponse.created(views.pull(repo, pull));
    }

    private ApiResponse removeReviews(ApiCall call) {
        PullState pull = pull(call, REVIEWS);
        call.strings("reviewers").forEach(u -> pull.reviewers.removeIf(r -> r.equalsIgnoreCase(u)));
        pull.teams.removeAll(call.strings("team_reviewers"));
        pull.touch(hub.clock.instant());
        return ApiResponse.ok(views.pull(call.repo(), pull));
    }

    private ApiResponse updateIssue(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, ISSUES);
        Instant now = hub.clock.instant();
        call.optionalText("title").ifPresent(t -> pull.title = t);
        call.optionalText("body").ifPresent(b -> pull.body = b);
        call.optionalText("state").ifPresent(state -> setState(pull, state, now, ISSUES));
        if (call.body.has("labels")) {
            pull.labels.clear();
            addLabels(repo, pull, call.strings("labels"));
        }
        if (call.body.has("assignees")) {
            pull.assignees.clear();
            addAssignees(pull, call.strings("assignees"));
        }
        pull.touch(now);
        return ApiResponse.ok(views.issue(repo, pull));
    }

    private ApiResponse labels(ApiCall call, boolean replace) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, LABELS);
        List<String> names = labelNames(call.body);
        if (replace) {
            pull.labels.clear();
        }
        addLabels(repo, pull, names);
        pull.touch(hub.clock.instant());
        return ApiResponse.ok(views.labels(repo, pull.labels));
    }

    /** Accepts {@code {"labels": [...]}}, a bare array of names, or an array of {@code {"name": ...}}. */
    private static List<String> labelNames(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.get("labels");
        if (list == null || !list.isArray()) {
            throw ApiError.unprocessable("Invalid request.\n\nNo subschema in \"anyOf\" matched.", LABELS);
        }
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.isObject() ? item.path("name").asText() : item.asText()));
        return names;
    }

    private static void addLabels(FakeRepository repo, PullState pull, List<String> names) {
        for (String name : names) {
            String canonical = repo.label(name).name();
            if (pull.labels.stream().noneMatch(l -> l.equalsIgnoreCase(canonical))) {
                pull.labels.add(canonical);
            }
        }
    }

    private ApiResponse removeLabel(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, LABELS);
        String name = call.param("name");
        if (!pull.labels.removeIf(l -> l.equalsIgnoreCase(name))) {
            throw ApiError.of(404, "Label does not exist", LABELS);
        }
        pull.touch(hub.clock.instant());
        return ApiResponse.ok(views.labels(repo, pull.labels));
    }

    private void addAssignees(PullState pull, List<String> logins) {
        // GitHub silently drops accounts that cannot be assigned
        logins.stream().map(hub::user).flatMap(Optional::stream).map(FakeUser::login)
                .filter(l -> !pull.assignees.contains(l)).forEach(pull.assignees::add);
    }

    private ApiResponse assignees(ApiCall call, boolean add) {
        PullState pull = pull(call, ASSIGNEES);
        List<String> logins = call.strings("assignees");
        if (add) {
            addAssignees(pull, logins);
        } else {
            logins.forEach(l -> pull.assignees.removeIf(a -> a.equalsIgnoreCase(l)));
        }
        pull.touch(hub.clock.instant());
        ObjectNode issue = views.issue(call.repo(), pull);
        return add ? ApiResponse.created(issue) : ApiResponse.ok(issue);
    }

    private ArrayNode comments(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, COMMENTS);
        ArrayNode out = Json.array();
        repo.comments.stream().filter(c -> c.issueNumber == pull.number).forEach(c -> out.add(views.comment(repo, c)));
        return out;
    }

    private ApiResponse comment(ApiCall call) {
        FakeRepository repo = call.repo();
        PullState pull = pull(call, COMMENTS);
        String body = call.text("body", "IssueComment", COMMENTS);
        FakeRepository.CommentState comment = new FakeRepository.CommentState(hub.nextId(), pull.number,
                call.caller(), body, hub.clock.instant());
        repo.comments.add(comment);
        pull.touch(hub.clock.instant());
        return ApiResponse.created(views.comment(repo, comment));
    }

    private FakeRepository.CommentState commentById(ApiCall call) {
        return call.repo().comments.stream().filter(c -> Long.toString(c.id).equals(call.param("id"))).findFirst()
                .orElseThrow(() -> ApiError.notFound(COMMENTS));
    }
}
