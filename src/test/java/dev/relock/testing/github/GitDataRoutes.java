package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The git database API: blobs, trees, commits and refs, written to the repository's real object store. */
final class GitDataRoutes {
    private static final String BLOBS = "https://docs.github.com/rest/git/blobs";
    private static final String TREES = "https://docs.github.com/rest/git/trees";
    private static final String COMMITS = "https://docs.github.com/rest/git/commits";
    private static final String REFS = "https://docs.github.com/rest/git/refs";

    private final FakeGitHub hub;
    private final Views views;

    GitDataRoutes(FakeGitHub hub, Views views) {
        this.hub = hub;
        this.views = views;
    }

    void register(Api api) {
        String base = "/repos/{owner}/{repo}/git";
        api.route("POST", base + "/blobs", Api.Need.write("contents"), BLOBS, this::createBlob);
        api.route("GET", base + "/blobs/{sha}", Api.Need.read("contents"), BLOBS, this::getBlob);
        api.route("POST", base + "/trees", Api.Need.write("contents"), TREES, this::createTree);
        api.route("GET", base + "/trees/{sha+}", Api.Need.read("contents"), TREES, this::getTree);
        api.route("POST", base + "/commits", Api.Need.write("contents"), COMMITS, this::createCommit);
        api.route("GET", base + "/commits/{sha}", Api.Need.read("contents"), COMMITS, this::getCommit);
        api.route("GET", base + "/ref/{ref+}", Api.Need.read("contents"), REFS, this::getRef);
        api.route("GET", base + "/matching-refs/{ref+}", Api.Need.read("contents"), REFS,
                call -> api.page(call, refList(call.repo(), Constants.R_REFS + call.param("ref"))));
        api.route("GET", base + "/refs", Api.Need.read("contents"), REFS,
                call -> api.page(call, refList(call.repo(), Constants.R_REFS)));
        api.route("GET", base + "/refs/{ref+}", Api.Need.read("contents"), REFS, this::getRefLegacy);
        api.route("POST", base + "/refs", Api.Need.write("contents"), REFS, this::createRef);
        api.route("PATCH", base + "/refs/{ref+}", Api.Need.write("contents"), REFS, this::updateRef);
        api.route("DELETE", base + "/refs/{ref+}", Api.Need.write("contents"), REFS, this::deleteRef);
    }

    private ApiResponse createBlob(ApiCall call) {
        String content = call.text("content", "Blob", BLOBS);
        String encoding = call.optionalText("encoding").orElse("utf-8");
        byte[] bytes;
        if (encoding.equalsIgnoreCase("utf-8") || encoding.equalsIgnoreCase("utf8")) {
            bytes = content.getBytes(StandardCharsets.UTF_8);
        } else if (encoding.equalsIgnoreCase("base64")) {
            try {
                bytes = Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Problems parsing JSON");
            }
        } else {
            throw ApiError.unprocessable("encoding must be either 'utf-8' or 'base64'", BLOBS);
        }
        ObjectId id = call.repo().insertBlob(bytes);
        ObjectNode n = Json.object();
        n.put("url", views.repoApi(call.repo()) + "/git/blobs/" + id.name());
        n.put("sha", id.name());
        return ApiResponse.created(n);
    }

    private ApiResponse getBlob(ApiCall call) {
        FakeRepository repo = call.repo();
        ObjectId id = repo.object(call.param("sha"), Constants.OBJ_BLOB).orElseThrow(() -> ApiError.notFound(BLOBS));
        byte[] bytes = repo.read(id);
        ObjectNode n = Json.object();
        n.put("sha", id.name());
        n.put("node_id", "B_" + id.name());
        n.put("size", bytes.length);
        n.put("url", views.repoApi(repo) + "/git/blobs/" + id.name());
        n.put("content", mime(bytes));
        n.put("encoding", "base64");
        return ApiResponse.ok(n);
    }

    /** Base64 wrapped at 60 characters with a trailing newline, as GitHub sends blob and file content. */
    static String mime(byte[] bytes) {
        String flat = Base64.getEncoder().encodeToString(bytes);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 60) {
            out.append(flat, i, Math.min(flat.length(), i + 60)).append('\n');
        }
        return out.toString();
    }

    private ApiResponse createTree(ApiCall call) {
        FakeRepository repo = call.repo();
        JsonNode entries = call.body.get("tree");
        if (entries == null || !entries.isArray()) {
            throw ApiError.validationFailed(TREES, ApiError.fieldError("Tree", "tree", "missing_field"));
        }
        Optional<ObjectId> baseTree = Optional.empty();
        Optional<String> base = call.optionalText("base_tree");
        if (base.isPresent()) {
            baseTree = Optional.of(repo.object(base.get(), Constants.OBJ_TREE)
                    .or(() -> repo.object(base.get(), Constants.OBJ_COMMIT).map(repo::treeOf))
                    .orElseThrow(() -> ApiError.unprocessable("base_tree is not a valid tree oid", TREES)));
        }
        List<FakeRepository.TreeChange> changes = new ArrayList<>();
        for (JsonNode entry : entries) {
            changes.add(change(repo, entry));
        }
        ObjectId tree = repo.buildTree(baseTree, changes);
        return ApiResponse.created(treeJson(repo, tree, false));
    }

    private static FakeRepository.TreeChange change(FakeRepository repo, JsonNode entry) {
        String path = entry.path("path").asText("");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw ApiError.unprocessable("tree.path contains a malformed path component", TREES);
        }
        String modeText = entry.path("mode").asText("100644");
        FileMode mode = switch (modeText) {
            case "100644" -> FileMode.REGULAR_FILE;
            case "100755" -> FileMode.EXECUTABLE_FILE;
            case "120000" -> FileMode.SYMLINK;
            case "040000", "40000" -> FileMode.TREE;
            case "160000" -> FileMode.GITLINK;
            default -> throw ApiError.unprocessable("tree.mode contains an invalid value", TREES);
        };
        String type = entry.path("type").asText(mode == FileMode.TREE ? "tree"
                : mode == FileMode.GITLINK ? "commit" : "blob");
        String expectedType = mode == FileMode.TREE ? "tree" : mode == FileMode.GITLINK ? "commit" : "blob";
        if (!type.equals(expectedType)) {
            throw ApiError.unprocessable("tree.type is " + type + " but tree.mode is " + modeText, TREES);
        }
        if (entry.has("content")) {
            if (mode == FileMode.TREE || mode == FileMode.GITLINK) {
                throw ApiError.unprocessable("tree.content is only allowed for blobs", TREES);
            }
            byte[] bytes = entry.get("content").asText().getBytes(StandardCharsets.UTF_8);
            return new FakeRepository.TreeChange(path, mode, Optional.of(repo.insertBlob(bytes)));
        }
        JsonNode sha = entry.get("sha");
        if (sha == null) {
            throw ApiError.unprocessable("Must supply either tree.sha or tree.content", TREES);
        }
        if (sha.isNull()) {
            return new FakeRepository.TreeChange(path, mode, Optional.empty());
        }
        if (mode == FileMode.GITLINK) {
            if (!sha.asText().matches("[0-9a-f]{40}")) {
                throw ApiError.unprocessable("tree.sha " + sha.asText() + " is not a valid commit", TREES);
            }
            return new FakeRepository.TreeChange(path, mode, Optional.of(ObjectId.fromString(sha.asText())));
        }
        int objectType = mode == FileMode.TREE ? Constants.OBJ_TREE : Constants.OBJ_BLOB;
        ObjectId id = repo.object(sha.asText(), objectType).orElseThrow(
                () -> ApiError.unprocessable("tree.sha " + sha.asText() + " is not a valid " + type, TREES));
        return new FakeRepository.TreeChange(path, mode, Optional.of(id));
    }

    private ApiResponse getTree(ApiCall call) {
        FakeRepository repo = call.repo();
        String spec = call.param("sha");
        ObjectId tree = repo.object(spec, Constants.OBJ_TREE)
                .or(() -> repo.commitish(spec).map(repo::treeOf))
                .orElseThrow(() -> ApiError.notFound(TREES));
        boolean recursive = call.query("recursive").filter(v -> !v.equals("0") && !v.equals("false")).isPresent();
        return ApiResponse.ok(treeJson(repo, tree, recursive));
    }

    private ObjectNode treeJson(FakeRepository repo, ObjectId tree, boolean recursive) {
        ObjectNode n = Json.object();
        n.put("sha", tree.name());
        n.put("url", views.repoApi(repo) + "/git/trees/" + tree.name());
        ArrayNode list = n.putArray("tree");
        try (TreeWalk walk = new TreeWalk(repo.git()); ObjectReader reader = repo.git().newObjectReader()) {
            walk.addTree(tree);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                ObjectId id = walk.getObjectId(0);
                ObjectNode e = list.addObject();
                e.put("path", walk.getPathString());
                e.put("mode", String.format("%06o", mode.getBits()));
                String type = mode == FileMode.TREE ? "tree" : mode == FileMode.GITLINK ? "commit" : "blob";
                e.put("type", type);
                e.put("sha", id.name());
                if (type.equals("blob")) {
                    e.put("size", reader.getObjectSize(id, Constants.OBJ_BLOB));
                    e.put("url", views.repoApi(repo) + "/git/blobs/" + id.name());
                } else if (type.equals("tree")) {
                    e.put("url", views.repoApi(repo) + "/git/trees/" + id.name());
                }
                if (recursive && walk.isSubtree()) {
                    walk.enterSubtree();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        n.put("truncated", false);
        return n;
    }

    private ApiResponse createCommit(ApiCall call) {
        FakeRepository repo = call.repo();
        String message = call.text("message", "Commit", COMMITS);
        String treeSha = call.text("tree", "Commit", COMMITS);
        ObjectId tree = repo.object(treeSha, Constants.OBJ_TREE)
                .orElseThrow(() -> ApiError.unprocessable("Tree SHA does not exist", COMMITS));
        List<ObjectId> parents = new ArrayList<>();
        for (String parent : call.strings("parents")) {
            parents.add(repo.object(parent, Constants.OBJ_COMMIT).orElseThrow(() -> ApiError.unprocessable(
                    "Parent SHA does not exist or is not a commit object", COMMITS)));
        }
        FakeUser caller = call.caller();
        PersonIdent fallback = new PersonIdent(caller.name(), caller.email(), hub.clock.instant(),
                java.time.ZoneOffset.UTC);
        PersonIdent author = person(call.body.get("author"), fallback, "author");
        PersonIdent committer = person(call.body.get("committer"), author, "committer");
        ObjectId id = repo.insertCommit(tree, parents, author, committer, message);
        return ApiResponse.created(views.gitCommit(repo, repo.parseCommit(id)));
    }

    private PersonIdent person(JsonNode node, PersonIdent fallback, String field) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.hasNonNull("name") || !node.hasNonNull("email")) {
            throw ApiError.unprocessable("Invalid request.\n\n\"email\", \"name\" weren't supplied.", COMMITS);
        }
        java.time.Instant when = hub.clock.instant();
        java.time.ZoneOffset zone = java.time.ZoneOffset.UTC;
        if (node.hasNonNull("date")) {
            try {
                OffsetDateTime date = OffsetDateTime.parse(node.get("date").asText());
                when = date.toInstant();
                zone = date.getOffset();
            } catch (DateTimeParseException e) {
                throw ApiError.unprocessable("Invalid request.\n\nFor '" + field + "/date', \""
                        + node.get("date").asText() + "\" is not a date-time.", COMMITS);
            }
        }
        return new PersonIdent(node.get("name").asText(), node.get("email").asText(), when, zone);
    }

    private ApiResponse getCommit(ApiCall call) {
        FakeRepository repo = call.repo();
        ObjectId id = repo.object(call.param("sha"), Constants.OBJ_COMMIT)
                .orElseThrow(() -> ApiError.notFound(COMMITS));
        return ApiResponse.ok(views.gitCommit(repo, repo.parseCommit(id)));
    }

    ObjectNode refJson(FakeRepository repo, String fullRef, ObjectId target) {
        ObjectNode n = Json.object();
        n.put("ref", fullRef);
        n.put("node_id", Views.nodeId("REF", fullRef.hashCode()));
        n.put("url", views.repoApi(repo) + "/git/" + fullRef);
        ObjectNode object = n.putObject("object");
        String type;
        try (ObjectReader reader = repo.git().newObjectReader()) {
            ObjectLoader loader = reader.open(target);
            type = Constants.typeString(loader.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        object.put("sha", target.name());
        object.put("type", type);
        object.put("url", views.repoApi(repo) + "/git/" + type + "s/" + target.name());
        return n;
    }

    private ArrayNode refList(FakeRepository repo, String prefix) {
        ArrayNode out = Json.array();
        for (Ref ref : repo.refs(prefix)) {
            out.add(refJson(repo, ref.getName(), ref.getObjectId()));
        }
        return out;
    }

    private ApiResponse getRef(ApiCall call) {
        FakeRepository repo = call.repo();
        String fullRef = Constants.R_REFS + call.param("ref");
        return repo.refTarget(fullRef).map(id -> ApiResponse.ok(refJson(repo, fullRef, id)))
                .orElseThrow(() -> ApiError.notFound(REFS));
    }

    /** The old {@code git/refs/{ref}}: one object on an exact match, else an array of prefix matches. */
    private ApiResponse getRefLegacy(ApiCall call) {
        FakeRepository repo = call.repo();
        String fullRef = Constants.R_REFS + call.param("ref");
        Optional<ObjectId> exact = repo.refTarget(fullRef);
        if (exact.isPresent()) {
            return ApiResponse.ok(refJson(repo, fullRef, exact.get()));
        }
        ArrayNode matches = refList(repo, fullRef);
        if (matches.isEmpty()) {
            throw ApiError.notFound(REFS);
        }
        return ApiResponse.ok(matches);
    }

    private ApiResponse createRef(ApiCall call) {
        FakeRepository repo = call.repo();
        String ref = call.text("ref", "Reference", REFS);
        String sha = call.text("sha", "Reference", REFS);
        if (!ref.startsWith(Constants.R_REFS) || ref.chars().filter(c -> c == '/').count() < 2
                || !org.eclipse.jgit.lib.Repository.isValidRefName(ref)) {
            throw ApiError.unprocessable("Reference name is invalid", REFS);
        }
        ObjectId target = repo.object(sha, 0).orElseThrow(() -> ApiError.unprocessable("Object does not exist", REFS));
        if (repo.refTarget(ref).isPresent() || !repo.refs(ref + "/").isEmpty()) {
            throw ApiError.unprocessable("Reference already exists", REFS);
        }
        repo.writeRef(ref, target, Optional.empty());
        return ApiResponse.created(refJson(repo, ref, target));
    }

    private ApiResponse updateRef(ApiCall call) {
        FakeRepository repo = call.repo();
        String fullRef = Constants.R_REFS + call.param("ref");
        String sha = call.text("sha", "Reference", REFS);
        boolean force = call.body.path("force").asBoolean(false);
        ObjectId current = repo.refTarget(fullRef)
                .orElseThrow(() -> ApiError.unprocessable("Reference does not exist", REFS));
        ObjectId target = repo.object(sha, 0).orElseThrow(() -> ApiError.unprocessable("Object does not exist", REFS));
        if (!force && !repo.isFastForward(current, target)) {
            throw ApiError.unprocessable("Update is not a fast forward", REFS);
        }
        repo.writeRef(fullRef, target, Optional.of(current));
        return ApiResponse.ok(refJson(repo, fullRef, target));
    }

    private ApiResponse deleteRef(ApiCall call) {
        FakeRepository repo = call.repo();
        String fullRef = Constants.R_REFS + call.param("ref");
        ObjectId current = repo.refTarget(fullRef)
                .orElseThrow(() -> ApiError.unprocessable("Reference does not exist", REFS));
        if (fullRef.startsWith(Constants.R_HEADS)) {
            String branch = fullRef.substring(Constants.R_HEADS.length());
            // GitHub closes open pull requests whose head branch goes away
            repo.pulls.stream().filter(p -> p.isOpen() && p.headRef.equals(branch)).forEach(p -> {
                repo.refreshed(p);
                p.setState("closed", hub.clock.instant());
            });
        }
        repo.writeRef(fullRef, ObjectId.zeroId(), Optional.of(current));
        return ApiResponse.noContent();
    }
}
