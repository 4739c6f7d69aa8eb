package dev.relock.testing.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Renders the fake's state in GitHub's JSON shapes, with URLs pointing back at the fake. */
final class Views {
    private final FakeGitHub hub;

    Views(FakeGitHub hub) {
        this.hub = hub;
    }

    String api(String path) {
        return hub.apiUrl() + path;
    }

    String web(String path) {
        return hub.webUrl() + path;
    }

    static String nodeId(String prefix, long id) {
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ObjectNode user(FakeUser user) {
        ObjectNode n = Json.object();
        n.put("login", user.login());
        n.put("id", user.id());
        n.put("node_id", nodeId("U", user.id()));
        n.put("avatar_url", web("/avatars/" + user.login()));
        n.put("gravatar_id", "");
        n.put("url", api("/users/" + user.login()));
        n.put("html_url", web("/" + user.login()));
        n.put("type", user.type());
        n.put("site_admin", false);
        return n;
    }

    ObjectNode fullUser(FakeUser user) {
        ObjectNode n = user(user);
        n.put("name", user.name());
        n.put("email", user.email());
        n.put("created_at", Json.time(hub.startedAt));
        n.put("updated_at", Json.time(hub.startedAt));
        return n;
    }

    String repoApi(FakeRepository repo) {
        return api("/repos/" + repo.fullName());
    }

    ObjectNode repository(FakeRepository repo, Optional<TokenGrant> caller) {
        ObjectNode n = Json.object();
        n.put("id", repo.id);
        n.put("node_id", nodeId("R", repo.id));
        n.put("name", repo.name);
        n.put("full_name", repo.fullName());
        n.put("private", repo.isPrivate);
        n.set("owner", user(repo.owner));
        n.put("html_url", web("/" + repo.fullName()));
        n.putNull("description");
        n.put("fork", false);
        n.put("url", repoApi(repo));
        n.put("git_refs_url", repoApi(repo) + "/git/refs{/sha}");
        n.put("pulls_url", repoApi(repo) + "/pulls{/number}");
        n.put("clone_url", hub.gitUrl(repo.owner(), repo.name));
        n.put("visibility", repo.isPrivate ? "private" : "public");
        n.put("default_branch", repo.defaultBranch);
        n.put("created_at", Json.time(repo.createdAt));
        n.put("updated_at", Json.time(repo.createdAt));
        n.put("pushed_at", Json.time(repo.createdAt));
        n.put("archived", false);
        n.put("disabled", false);
        n.put("has_issues", true);
        n.put("allow_merge_commit", true);
        n.put("allow_squash_merge", true);
        n.put("allow_rebase_merge", true);
        n.put("delete_branch_on_merge", false);
        boolean push = caller.map(t -> t.allows("contents", true)).orElse(false);
        ObjectNode permissions = n.putObject("permissions");
        permissions.put("admin", false);
        permissions.put("maintain", false);
        permissions.put("push", push);
        permissions.put("triage", push);
        permissions.put("pull", true);
        return n;
    }

    ObjectNode person(PersonIdent ident) {
        ObjectNode n = Json.object();
        n.put("name", ident.getName());
        n.put("email", ident.getEmailAddress());
        n.put("date", Json.time(ident.getWhenAsInstant()));
        return n;
    }

    static ObjectNode verification() {
        ObjectNode n = Json.object();
        n.put("verified", false);
        n.put("reason", "unsigned");
        n.putNull("signature");
        n.putNull("payload");
        n.putNull("verified_at");
        return n;
    }

    ObjectNode parent(FakeRepository repo, ObjectId id, boolean rest) {
        ObjectNode p = Json.object();
        p.put("sha", id.name());
        p.put("url", repoApi(repo) + (rest ? "/commits/" : "/git/commits/") + id.name());
        p.put("html_url", web("/" + repo.fullName() + "/commit/" + id.name()));
        return p;
    }

    /** The git-data shape of a commit ({@code /git/commits}). */
    ObjectNode gitCommit(FakeRepository repo, RevCommit commit) {
        ObjectNode n = Json.object();
        n.put("sha", commit.name());
        n.put("node_id", "C_" + commit.name());
        n.put("url", repoApi(repo) + "/git/commits/" + commit.name());
        n.put("html_url", web("/" + repo.fullName() + "/commit/" + commit.name()));
        n.set("author", person(commit.getAuthorIdent()));
        n.set("committer", person(commit.getCommitterIdent()));
        ObjectNode tree = n.putObject("tree");
        tree.put("sha", commit.getTree().name());
        tree.put("url", repoApi(repo) + "/git/trees/" + commit.getTree().name());
        n.put("message", commit.getFullMessage());
        ArrayNode parents = n.putArray("parents");
        for (RevCommit p : commit.getParents()) {
            parents.add(parent(repo, p, false));
        }
        n.set("verification", verification());
        return n;
    }

    /** The REST shape of a commit ({@code /commits}, {@code /pulls/n/commits}, compare, branches). */
    ObjectNode restCommit(FakeRepository repo, RevCommit commit) {
        ObjectNode n = Json.object();
        n.put("sha", commit.name());
        n.put("node_id", "C_" + commit.name());
        ObjectNode inner = gitCommit(repo, commit);
        inner.remove(java.util.List.of("sha", "node_id", "html_url", "parents"));
        inner.put("comment_count", 0);
        n.set("commit", inner);
        n.put("url", repoApi(repo) + "/commits/" + commit.name());
        n.put("html_url", web("/" + repo.fullName() + "/commit/" + commit.name()));
        n.put("comments_url", repoApi(repo) + "/commits/" + commit.name() + "/comments");
        putAccount(n, "author", commit.getAuthorIdent().getEmailAddress());
        putAccount(n, "committer", commit.getCommitterIdent().getEmailAddress());
        ArrayNode parents = n.putArray("parents");
        for (RevCommit p : commit.getParents()) {
            parents.add(parent(repo, p, true));
        }
        return n;
    }

    private void putAccount(ObjectNode n, String field, String email) {
        Optional<FakeUser> account = hub.userByEmail(email);
        if (account.isPresent()) {
            n.set(field, user(account.get()));
        } else {
            n.putNull(field);
        }
    }

    ObjectNode label(FakeRepository repo, FakeRepository.LabelState label) {
        ObjectNode n = Json.object();
        n.put("id", label.id());
        n.put("node_id", nodeId("LA", label.id()));
        n.put("url", repoApi(repo) + "/labels/" + encode(label.name()));
        n.put("name", label.name());
        n.put("color", label.color());
        n.put("default", false);
        n.put("description", label.description());
        return n;
    }

    ArrayNode labels(FakeRepository repo, java.util.List<String> names) {
        ArrayNode out = Json.array();
        names.forEach(name -> out.add(label(repo, repo.label(name))));
        return out;
    }

    private ArrayNode users(java.util.List<String> logins) {
        ArrayNode out = Json.array();
        logins.forEach(login -> hub.user(login).ifPresent(u -> out.add(user(u))));
        return out;
    }

    private ObjectNode pointer(FakeRepository repo, String ref, String sha) {
        ObjectNode n = Json.object();
        n.put("label", repo.owner() + ":" + ref);
        n.put("ref", ref);
        n.put("sha", sha);
        n.set("user", user(repo.owner));
        n.set("repo", repository(repo, Optional.empty()));
        return n;
    }

    ObjectNode pull(FakeRepository repo, PullState pull) {
        repo.refreshed(pull);
        String url = repoApi(repo) + "/pulls/" + pull.number;
        String html = web("/" + repo.fullName() + "/pull/" + pull.number);
        ObjectNode n = Json.object();
        n.put("url", url);
        n.put("id", pull.id);
        n.put("node_id", nodeId("PR", pull.id));
        n.put("html_url", html);
        n.put("diff_url", html + ".diff");
        n.put("patch_url", html + ".patch");
        n.put("issue_url", repoApi(repo) + "/issues/" + pull.number);
        n.put("commits_url", url + "/commits");
        n.put("review_comments_url", url + "/comments");
        n.put("comments_url", repoApi(repo) + "/issues/" + pull.number + "/comments");
        n.put("statuses_url", repoApi(repo) + "/statuses/" + pull.lastHeadSha);
        n.put("number", pull.number);
        n.put("state", pull.state);
        n.put("locked", false);
        n.put("title", pull.title);
        n.set("user", user(pull.author));
        n.put("body", pull.body);
        n.set("labels", labels(repo, pull.labels));
        n.putNull("milestone");
        n.put("created_at", Json.time(pull.createdAt));
        n.put("updated_at", Json.time(pull.updatedAt));
        putTime(n, "closed_at", pull.closedAt);
        n.putNull("merged_at");
        n.putNull("merge_commit_sha");
        ArrayNode assignees = users(pull.assignees);
        n.set("assignee", assignees.isEmpty() ? null : assignees.get(0));
        n.set("assignees", assignees);
        n.set("requested_reviewers", users(pull.reviewers));
        ArrayNode teams = n.putArray("requested_teams");
        pull.teams.forEach(slug -> teams.add(Json.object().put("name", slug).put("slug", slug)
                .put("url", api("/orgs/" + repo.owner() + "/teams/" + slug))));
        n.set("head", pointer(repo, pull.headRef, pull.lastHeadSha));
        n.set("base", pointer(repo, pull.baseRef,
                repo.refTarget("refs/heads/" + pull.baseRef).map(ObjectId::name).orElse("")));
        n.put("author_association", "CONTRIBUTOR");
        n.putNull("auto_merge");
        n.put("draft", pull.draft);
        n.put("merged", false);
        n.putNull("mergeable");
        n.put("mergeable_state", "unknown");
        n.putNull("merged_by");
        n.put("comments", repo.comments.stream().filter(c -> c.issueNumber == pull.number).count());
        n.put("review_comments", 0);
        n.put("maintainer_can_modify", pull.maintainerCanModify);
        return n;
    }

    ObjectNode issue(FakeRepository repo, PullState pull) {
        ObjectNode p = pull(repo, pull);
        ObjectNode n = Json.object();
        n.put("url", repoApi(repo) + "/issues/" + pull.number);
        n.put("repository_url", repoApi(repo));
        n.put("labels_url", repoApi(repo) + "/issues/" + pull.number + "/labels{/name}");
        n.put("comments_url", p.get("comments_url").asText());
        n.put("html_url", p.get("html_url").asText());
        n.put("id", pull.issueId);
        n.put("node_id", nodeId("PR", pull.id));
        n.put("number", pull.number);
        n.put("title", pull.title);
        n.set("user", p.get("user"));
        n.set("labels", p.get("labels"));
        n.put("state", pull.state);
        n.put("locked", false);
        n.set("assignee", p.get("assignee"));
        n.set("assignees", p.get("assignees"));
        n.putNull("milestone");
        n.set("comments", p.get("comments"));
        n.set("created_at", p.get("created_at"));
        n.set("updated_at", p.get("updated_at"));
        n.set("closed_at", p.get("closed_at"));
        n.put("author_association", "CONTRIBUTOR");
        n.put("draft", pull.draft);
        ObjectNode link = n.putObject("pull_request");
        link.put("url", p.get("url").asText());
        link.put("html_url", p.get("html_url").asText());
        link.put("diff_url", p.get("diff_url").asText());
        link.put("patch_url", p.get("patch_url").asText());
        link.putNull("merged_at");
        n.put("body", pull.body);
        return n;
    }

    ObjectNode comment(FakeRepository repo, FakeRepository.CommentState comment) {
        ObjectNode n = Json.object();
        n.put("id", comment.id);
        n.put("node_id", nodeId("IC", comment.id));
        n.put("url", repoApi(repo) + "/issues/comments/" + comment.id);
        n.put("html_url", web("/" + repo.fullName() + "/pull/" + comment.issueNumber + "#issuecomment-" + comment.id));
        n.put("issue_url", repoApi(repo) + "/issues/" + comment.issueNumber);
        n.put("body", comment.body);
        n.set("user", user(comment.author));
        n.put("created_at", Json.time(comment.createdAt));
        n.put("updated_at", Json.time(comment.updatedAt));
        n.put("author_association", "CONTRIBUTOR");
        return n;
    }

    private static void putTime(ObjectNode n, String field, Optional<java.time.Instant> time) {
        if (time.isPresent()) {
            n.put(field, Json.time(time.get()));
        } else {
            n.putNull(field);
        }
    }
}
