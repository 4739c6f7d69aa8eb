package dev.relock.testing.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Account, repository, branch, commit, contents, compare and label endpoints. */
final class RepoRoutes {
    private static final String USERS = "https://docs.github.com/rest/users/users";
    private static final String REPOS = "https://docs.github.com/rest/repos/repos#get-a-repository";
    private static final String BRANCHES = "https://docs.github.com/rest/branches/branches#get-a-branch";
    private static final String COMMITS = "https://docs.github.com/rest/commits/commits";
    private static final String CONTENTS = "https://docs.github.com/rest/repos/contents#get-repository-content";
    private static final String COMPARE = "https://docs.github.com/rest/commits/commits#compare-two-commits";
    private static final String LABELS = "https://docs.github.com/rest/issues/labels";

    private final FakeGitHub hub;
    private final Views views;

    RepoRoutes(FakeGitHub hub, Views views) {
        this.hub = hub;
        this.views = views;
    }

    void register(Api api) {
        api.route("GET", "/", Api.Need.NONE, ApiError.DOCS, call -> ApiResponse.ok(root()));
        api.route("GET", "/user", Api.Need.NONE, USERS,
                call -> ApiResponse.ok(views.fullUser(call.caller())));
        api.route("GET", "/users/{login}", Api.Need.NONE, USERS, call -> ApiResponse.ok(views.user(
                hub.user(call.param("login")).orElseThrow(() -> ApiError.notFound(USERS)))));
        api.route("GET", "/rate_limit", Api.Need.NONE, ApiError.DOCS, call -> ApiResponse.ok(rateLimit()));
        api.route("GET", "/meta", Api.Need.NONE, ApiError.DOCS, call -> ApiResponse.ok(meta()));
        String repo = "/repos/{owner}/{repo}";
        api.route("GET", repo, Api.Need.NONE, REPOS,
                call -> ApiResponse.ok(views.repository(call.repo(), call.token)));
        api.route("GET", repo + "/branches/{branch+}", Api.Need.read("contents"), BRANCHES, this::branch);
        api.route("GET", repo + "/commits", Api.Need.read("contents"), COMMITS, call -> api.page(call, log(call)));
        api.route("GET", repo + "/commits/{sha}", Api.Need.read("contents"), COMMITS, this::commit);
        api.route("GET", repo + "/contents", Api.Need.read("contents"), CONTENTS, call -> contents(call, ""));
        api.route("GET", repo + "/contents/{path+}", Api.Need.read("contents"), CONTENTS,
                call -> contents(call, call.param("path")));
        api.route("GET", repo + "/compare/{spec+}", Api.Need.read("contents"), COMPARE, this::compare);
        api.route("GET", repo + "/labels", Api.Need.read("issues", "pull_requests"), LABELS,
                call -> api.page(call, labels(call.repo())));
        api.route("GET", repo + "/labels/{name}", Api.Need.read("issues", "pull_requests"), LABELS, call -> {
            FakeRepository.LabelState label = Optional.ofNullable(call.repo().labels.get(
                    call.param("name")))
                    .orElseThrow(() -> ApiError.notFound(LABELS));
            return ApiResponse.ok(views.label(call.repo(), label));
        });
        api.route("POST", repo + "/labels", Api.Need.write("issues", "pull_requests"), LABELS, this::createLabel);
    }

    private ObjectNode root() {
        ObjectNode n = Json.object();
        n.put("current_user_url", hub.apiUrl() + "/user");
        n.put("repository_url", hub.apiUrl() + "/repos/{owner}/{repo}");
        n.put("rate_limit_url", hub.apiUrl() + "/rate_limit");
        return n;
    }

    private ObjectNode meta() {
        ObjectNode n = Json.object();
        n.put("verifiable_password_authentication", false);
        hub.enterpriseVersion().ifPresent(v -> n.put("installed_version", v));
        return n;
    }

    private ObjectNode rateLimit() {
        ObjectNode core = Json.object();
        core.put("limit", 5000);
        core.put("used", 0);
        core.put("remaining", 5000);
        core.put("reset", hub.clock.instant().getEpochSecond() + 3600);
        ObjectNode n = Json.object();
        ObjectNode resources = n.putObject("resources");
        resources.set("core", core);
        resources.set("search", core.deepCopy().put("limit", 30).put("remaining", 30));
        resources.set("graphql", core.deepCopy());
        n.set("rate", core.deepCopy());
        return n;
    }

    private ApiResponse branch(ApiCall call) {
        FakeRepository repo = call.repo();
        String name = call.param("branch");
        ObjectId head = repo.refTarget(Constants.R_HEADS + name)
                .orElseThrow(() -> ApiError.of(404, "Branch not found", BRANCHES));
        ObjectNode n = Json.object();
        n.put("name", name);
        n.set("commit", views.restCommit(repo, repo.parseCommit(head)));
        ObjectNode links = n.putObject("_links");
        links.put("self", views.repoApi(repo) + "/branches/" + name);
        links.put("html", views.web("/" + repo.fullName() + "/tree/" + name));
        n.put("protected", false);
        ObjectNode protection = n.putObject("protection");
        protection.put("enabled", false);
        protection.putObject("required_status_checks").put("enforcement_level", "off")
                .<ObjectNode>set("contexts", Json.array()).set("checks", Json.array());
        n.put("protection_url", views.repoApi(repo) + "/branches/" + name + "/protection");
        return ApiResponse.ok(n);
    }

    private ArrayNode log(ApiCall call) {
        FakeRepository repo = call.repo();
        String spec = call.query("sha").orElse(repo.defaultBranch);
        ObjectId start = repo.commitish(spec)
                .orElseThrow(() -> ApiError.of(404, "No commit found for SHA: " + spec, COMMITS));
        ArrayNode out = Json.array();
        try (RevWalk walk = new RevWalk(repo.git())) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(start));
            for (RevCommit commit : walk) {
                out.add(views.restCommit(repo, commit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ApiResponse commit(ApiCall call) {
        FakeRepository repo = call.repo();
        ObjectId id = repo.commitish(call.param("sha"))
                .orElseThrow(() -> ApiError.unprocessable("No commit found for SHA: " + call.param("sha"), COMMITS));
        RevCommit commit = repo.parseCommit(id);
        ObjectNode n = views.restCommit(repo, commit);
        Optional<ObjectId> parentTree = commit.getParentCount() == 0 ? Optional.empty()
                : Optional.of(repo.treeOf(commit.getParent(0)));
        ArrayNode files = files(repo, parentTree, commit.getTree().getId());
        putStats(n, files);
        n.set("files", files);
        return ApiResponse.ok(n);
    }

    private static void putStats(ObjectNode n, ArrayNode files) {
        int additions = 0;
        int deletions = 0;
        for (var file : files) {
            additions += file.get("additions").asInt();
            deletions += file.get("deletions").asInt();
        }
        n.putObject("stats").put("total", additions + deletions).put("additions", additions)
                .put("deletions", deletions);
    }

    private ArrayNode files(FakeRepository repo, Optional<ObjectId> oldTree, ObjectId newTree) {
        ArrayNode out = Json.array();
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
                var reader = repo.git().newObjectReader()) {
            diff.setRepository(repo.git());
            List<DiffEntry> entries = oldTree.isPresent()
                    ? diff.scan(oldTree.get(), newTree)
                    : diff.scan(new org.eclipse.jgit.treewalk.EmptyTreeIterator(),
                            new org.eclipse.jgit.treewalk.CanonicalTreeParser(null, reader, newTree));
            for (DiffEntry entry : entries) {
                int additions = 0;
                int deletions = 0;
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    additions += edit.getLengthB();
                    deletions += edit.getLengthA();
                }
                boolean removed = entry.getChangeType() == DiffEntry.ChangeType.DELETE;
                String path = removed ? entry.getOldPath() : entry.getNewPath();
                ObjectNode f = out.addObject();
                f.put("sha", (removed ? entry.getOldId() : entry.getNewId()).name());
                f.put("filename", path);
                f.put("status", switch (entry.getChangeType()) {
                    case ADD -> "added";
                    case DELETE -> "removed";
                    case RENAME -> "renamed";
                    case COPY -> "copied";
                    case MODIFY -> "modified";
                });
                f.put("additions", additions);
                f.put("deletions", deletions);
                f.put("changes", additions + deletions);
                f.put("contents_url", views.repoApi(repo) + "/contents/" + path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ApiResponse contents(ApiCall call, String path) {
        FakeRepository repo = call.repo();
        String ref = call.query("ref").orElse(repo.defaultBranch);
        ObjectId commit = repo.commitish(ref)
                .orElseThrow(() -> ApiError.of(404, "No commit found for the ref " + ref, CONTENTS));
        ObjectId tree = repo.treeOf(commit);
        if (path.isEmpty()) {
            return ApiResponse.ok(listing(repo, tree, "", ref));
        }
        try (TreeWalk walk = TreeWalk.forPath(repo.git(), path, tree)) {
            if (walk == null) {
                throw ApiError.notFound(CONTENTS);
            }
            FileMode mode = walk.getFileMode(0);
            ObjectId id = walk.getObjectId(0);
            if (mode == FileMode.TREE) {
                return ApiResponse.ok(listing(repo, id, path + "/", ref));
            }
            byte[] bytes = repo.read(id);
            ObjectNode n = contentEntry(repo, path, "file", id, bytes.length, ref);
            n.put("content", GitDataRoutes.mime(bytes));
            n.put("encoding", "base64");
            return ApiResponse.ok(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ArrayNode listing(FakeRepository repo, ObjectId tree, String prefix, String ref) {
        ArrayNode out = Json.array();
        try (TreeWalk walk = new TreeWalk(repo.git()); var reader = repo.git().newObjectReader()) {
            walk.addTree(tree);
            while (walk.next()) {
                boolean dir = walk.getFileMode(0) == FileMode.TREE;
                ObjectId id = walk.getObjectId(0);
                long size = dir ? 0 : reader.getObjectSize(id, org.eclipse.jgit.lib.ObjectReader.OBJ_ANY);
                out.add(contentEntry(repo, prefix + walk.getPathString(), dir ? "dir" : "file", id, size, ref));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ObjectNode contentEntry(FakeRepository repo, String path, String type, ObjectId id, long size,
            String ref) {
        ObjectNode n = Json.object();
        n.put("type", type);
        n.put("size", size);
        n.put("name", path.substring(path.lastIndexOf('/') + 1));
        n.put("path", path);
        n.put("sha", id.name());
        n.put("url", views.repoApi(repo) + "/contents/" + path + "?ref=" + Views.encode(ref));
        n.put("git_url", views.repoApi(repo) + "/git/" + (type.equals("dir") ? "trees/" : "blobs/") + id.name());
        n.put("html_url", views.web("/" + repo.fullName() + "/blob/" + ref + "/" + path));
        if (type.equals("file")) {
            n.put("download_url", views.web("/raw/" + repo.fullName() + "/" + ref + "/" + path));
        } else {
            n.putNull("download_url");
        }
        return n;
    }

    private ApiResponse compare(ApiCall call) {
        FakeRepository repo = call.repo();
        String spec = call.param("spec");
        int dots = spec.indexOf("...");
        int split = dots >= 0 ? dots : spec.indexOf("..");
        if (split < 0) {
            throw ApiError.notFound(COMPARE);
        }
        String baseSpec = spec.substring(0, split);
        String headSpec = spec.substring(split + (dots >= 0 ? 3 : 2));
        ObjectId base = repo.commitish(baseSpec).orElseThrow(() -> ApiError.notFound(COMPARE));
        ObjectId head = repo.commitish(headSpec).orElseThrow(() -> ApiError.notFound(COMPARE));
        try (RevWalk walk = new RevWalk(repo.git())) {
            RevCommit baseCommit = walk.parseCommit(base);
            RevCommit headCommit = walk.parseCommit(head);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(baseCommit);
            walk.markStart(headCommit);
            RevCommit mergeBase = walk.next();
            List<RevCommit> ahead = range(repo, baseCommit, headCommit);
            List<RevCommit> behind = range(repo, headCommit, baseCommit);
            ObjectNode n = Json.object();
            n.put("url", views.repoApi(repo) + "/compare/" + spec);
            n.put("html_url", views.web("/" + repo.fullName() + "/compare/" + spec));
            n.set("base_commit", views.restCommit(repo, repo.parseCommit(base)));
            if (mergeBase == null) {
                n.putNull("merge_base_commit");
            } else {
                n.set("merge_base_commit", views.restCommit(repo, repo.parseCommit(mergeBase)));
            }
            n.put("status", ahead.isEmpty() && behind.isEmpty() ? "identical"
                    : behind.isEmpty() ? "ahead" : ahead.isEmpty() ? "behind" : "diverged");
            n.put("ahead_by", ahead.size());
            n.put("behind_by", behind.size());
            n.put("total_commits", ahead.size());
            ArrayNode commits = n.putArray("commits");
            ahead.forEach(c -> commits.add(views.restCommit(repo, repo.parseCommit(c))));
            Optional<ObjectId> fromTree = Optional.ofNullable(mergeBase).map(m -> repo.treeOf(m));
            n.set("files", files(repo, fromTree, repo.treeOf(head)));
            return ApiResponse.ok(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits reachable from {@code to} but not from {@code from}, oldest first. */
    static List<RevCommit> range(FakeRepository repo, ObjectId from, ObjectId to) {
        List<RevCommit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo.git())) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(to));
            walk.markUninteresting(walk.parseCommit(from));
            walk.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ArrayNode labels(FakeRepository repo) {
        ArrayNode out = Json.array();
        repo.labels.values().forEach(l -> out.add(views.label(repo, l)));
        return out;
    }

    private ApiResponse createLabel(ApiCall call) {
        FakeRepository repo = call.repo();
        String name = call.text("name", "Label", LABELS);
        if (repo.labels.containsKey(name)) {
            throw ApiError.validationFailed(LABELS, ApiError.fieldError("Label", "name", "already_exists"));
        }
        String color = call.optionalText("color").orElse("ededed").replaceFirst("^#", "");
        if (!color.matches("[0-9a-fA-F]{6}")) {
            throw ApiError.validationFailed(LABELS, ApiError.fieldError("Label", "color", "invalid"));
        }
        FakeRepository.LabelState label = new FakeRepository.LabelState(hub.nextId(), name, color.toLowerCase(
                java.util.Locale.ROOT), call.optionalText("description").orElse(""));
        repo.labels.put(name, label);
        return ApiResponse.created(views.label(repo, label));
    }
}
