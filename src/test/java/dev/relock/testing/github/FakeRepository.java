package dev.relock.testing.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A repository held by {@link FakeGitHub}. Its git data lives in a real bare repository on disk
 * ({@link #git()}), so objects written through the REST API or pushed over smart HTTP are real git
 * objects; its pull requests, labels and comments live in memory.
 *
 * <p>All methods are safe to call from a test while the fake serves requests.
 */
public final class FakeRepository {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    final FakeGitHub hub;
    final long id;
    final FakeUser owner;
    final String name;
    final String defaultBranch;
    final boolean isPrivate;
    final Instant createdAt;
    private final Repository git;
    final List<PullState> pulls = new ArrayList<>();
    final Map<String, LabelState> labels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<CommentState> comments = new ArrayList<>();
    final List<StatusState> statuses = new ArrayList<>();
    int nextNumber = 1;

    FakeRepository(FakeGitHub hub, long id, FakeUser owner, String name, String defaultBranch, boolean isPrivate,
            Repository git, Instant createdAt) {
        this.hub = hub;
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.defaultBranch = defaultBranch;
        this.isPrivate = isPrivate;
        this.git = git;
        this.createdAt = createdAt;
    }

    /** Owner login. */
    public String owner() {
        return owner.login();
    }

    /** Repository name. */
    public String name() {
        return name;
    }

    /** {@code owner/name}. */
    public String fullName() {
        return owner.login() + "/" + name;
    }

    /** The default branch, for example {@code main}. */
    public String defaultBranch() {
        return defaultBranch;
    }

    /** Whether the repository is private (anonymous callers then get 404). */
    public boolean isPrivate() {
        return isPrivate;
    }

    /** The bare JGit repository holding this repository's objects and refs; do not close it. */
    public Repository git() {
        return git;
    }

    /** The commit a branch points at, if the branch exists. */
    public Optional<String> branchSha(String branch) {
        synchronized (hub.lock) {
            return refTarget(Constants.R_HEADS + branch).map(ObjectId::name);
        }
    }

    /**
     * Commits directly to a branch as {@code author} (author and committer), as a person pushing from
     * their machine would; a missing branch is created from the default branch (or from nothing while
     * the repository is empty).
     *
     * @param files path → new UTF-8 content
     * @return the new commit's sha
     */
    public String commit(String branch, FakeUser author, String message, Map<String, String> files) {
        return commit(branch, author, message, files, Set.of());
    }

    /** Like {@link #commit(String, FakeUser, String, Map)} and also deletes {@code deletions}. */
    public String commit(String branch, FakeUser author, String message, Map<String, String> files,
            Set<String> deletions) {
        synchronized (hub.lock) {
            String ref = Constants.R_HEADS + branch;
            Optional<ObjectId> current = refTarget(ref);
            Optional<ObjectId> parent = current.or(() -> refTarget(Constants.R_HEADS + defaultBranch));
            Optional<ObjectId> baseTree = parent.map(this::treeOf);
            List<TreeChange> changes = new ArrayList<>();
            files.forEach((path, content) -> changes.add(new TreeChange(path, FileMode.REGULAR_FILE,
                    Optional.of(insertBlob(content.getBytes(StandardCharsets.UTF_8))))));
            deletions.forEach(path -> changes.add(new TreeChange(path, FileMode.MISSING, Optional.empty())));
            ObjectId tree = buildTree(baseTree, changes);
            PersonIdent who = new PersonIdent(author.name(), author.email(), hub.clock.instant(), ZoneOffset.UTC);
            ObjectId commit = insertCommit(tree, parent.stream().toList(), who, who, message);
            writeRef(ref, commit, current);
            return commit.name();
        }
    }

    /** Snapshots of all pull requests, by number. */
    public List<FakePullRequest> pullRequests() {
        synchronized (hub.lock) {
            return pulls.stream().map(this::refreshed).map(PullState::snapshot).toList();
        }
    }

    /** A snapshot of pull request {@code number}, if it exists. */
    public Optional<FakePullRequest> pullRequest(int number) {
        synchronized (hub.lock) {
            return pull(number).map(this::refreshed).map(PullState::snapshot);
        }
    }

    /** Comments on issue or pull request {@code number}, oldest first. */
    public List<FakeComment> comments(int number) {
        synchronized (hub.lock) {
            return comments.stream().filter(c -> c.issueNumber == number).map(CommentState::snapshot).toList();
        }
    }

    /** The commit statuses set on {@code sha}, oldest first. */
    public List<FakeStatus> statuses(String sha) {
        synchronized (hub.lock) {
            return statuses.stream().map(StatusState::status).filter(s -> s.sha().equals(sha)).toList();
        }
    }

    /** Names of the repository's labels, sorted case-insensitively. */
    public List<String> labelNames() {
        synchronized (hub.lock) {
            return labels.values().stream().map(LabelState::name).toList();
        }
    }

    // ---- package-private state helpers (call with hub.lock held) ----

    Optional<PullState> pull(int number) {
        return pulls.stream().filter(p -> p.number == number).findFirst();
    }

    /** Keeps the head sha of a PR in step with its branch while the branch exists. */
    PullState refreshed(PullState pull) {
        refTarget(Constants.R_HEADS + pull.headRef).ifPresent(id -> pull.lastHeadSha = id.name());
        return pull;
    }

    LabelState label(String labelName) {
        return labels.computeIfAbsent(labelName, n -> new LabelState(hub.nextId(), n, "ededed", ""));
    }

    // ---- git helpers ----

    Optional<ObjectId> refTarget(String fullRef) {
        try {
            Ref ref = git.exactRef(fullRef);
            return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Ref> refs(String prefix) {
        try {
            return git.getRefDatabase().getRefsByPrefix(prefix).stream()
                    .filter(r -> r.getName().startsWith(Constants.R_REFS) && !r.isSymbolic())
                    .sorted(java.util.Comparator.comparing(Ref::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An existing object of the given type ({@link Constants#OBJ_BLOB} etc.; 0 for any type). */
    Optional<ObjectId> object(String sha, int type) {
        if (sha == null || !SHA.matcher(sha).matches()) {
            return Optional.empty();
        }
        ObjectId id = ObjectId.fromString(sha);
        try (ObjectReader reader = git.newObjectReader()) {
            if (!reader.has(id)) {
                return Optional.empty();
            }
            return type == 0 || reader.open(id).getType() == type ? Optional.of(id) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves a branch, tag, full ref or commit sha to a commit. */
    Optional<ObjectId> commitish(String spec) {
        for (String candidate : List.of(Constants.R_HEADS + spec, Constants.R_TAGS + spec, spec)) {
            if (candidate.startsWith(Constants.R_REFS)) {
                Optional<ObjectId> target = refTarget(candidate);
                if (target.isPresent()) {
                    return target.flatMap(t -> peelToCommit(t));
                }
            }
        }
        return object(spec, Constants.OBJ_COMMIT);
    }

    private Optional<ObjectId> peelToCommit(ObjectId id) {
        try (RevWalk walk = new RevWalk(git)) {
            return Optional.of(walk.parseCommit(id).getId());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    RevCommit parseCommit(ObjectId id) {
        try (RevWalk walk = new RevWalk(git)) {
            RevCommit commit = walk.parseCommit(id);
            walk.parseBody(commit);
            return commit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectId treeOf(ObjectId commit) {
        return parseCommit(commit).getTree().getId();
    }

    byte[] read(ObjectId id) {
        try (ObjectReader reader = git.newObjectReader()) {
            return reader.open(id).getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectId insertBlob(byte[] content) {
        try (ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId id = inserter.insert(Constants.OBJ_BLOB, content);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One change to a tree: a leaf to write at {@code path}, a subtree to graft, or (empty id) a deletion. */
    record TreeChange(String path, FileMode mode, Optional<ObjectId> id) {}

    /** Leaf entries (blobs, symlinks, gitlinks) of a tree, by full path. */
    Map<String, DirCacheEntry> leaves(ObjectId tree, String prefix) {
        Map<String, DirCacheEntry> out = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(git)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = prefix + walk.getPathString();
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(walk.getFileMode(0));
                entry.setObjectId(walk.getObjectId(0));
                out.put(path, entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    ObjectId buildTree(Optional<ObjectId> baseTree, List<TreeChange> changes) {
        Map<String, DirCacheEntry> entries = baseTree.map(t -> leaves(t, "")).orElseGet(TreeMap::new);
        for (TreeChange change : changes) {
            String path = change.path();
            entries.remove(path);
            entries.keySet().removeIf(p -> p.startsWith(path + "/"));
            if (change.id().isEmpty()) {
                continue;
            }
            if (change.mode() == FileMode.TREE) {
                entries.putAll(leaves(change.id().get(), path + "/"));
            } else {
                // a file replaces any directory on its way
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    entries.remove(path.substring(0, slash));
                }
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(change.mode());
                entry.setObjectId(change.id().get());
                entries.put(path, entry);
            }
        }
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        entries.values().forEach(builder::add);
        builder.finish();
        try (ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId id = index.writeTree(inserter);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectId insertCommit(ObjectId tree, List<ObjectId> parents, PersonIdent author, PersonIdent committer,
            String message) {
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(tree);
        builder.setParentIds(parents);
        builder.setAuthor(author);
        builder.setCommitter(committer);
        builder.setMessage(message);
        try (ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isFastForward(ObjectId from, ObjectId to) {
        try (RevWalk walk = new RevWalk(git)) {
            return walk.isMergedInto(walk.parseCommit(from), walk.parseCommit(to));
        } catch (IOException e) {
            return false;
        }
    }

    /** Moves, creates ({@code expected} empty) or deletes ({@code id} zero) a ref, no questions asked. */
    void writeRef(String fullRef, ObjectId id, Optional<ObjectId> expected) {
        try {
            RefUpdate update = git.updateRef(fullRef);
            update.setExpectedOldObjectId(expected.orElse(ObjectId.zeroId()));
            update.setForceUpdate(true);
            RefUpdate.Result result;
            if (ObjectId.zeroId().equals(id)) {
                result = update.delete();
            } else {
                update.setNewObjectId(id);
                result = update.update();
            }
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
                default -> throw new IllegalStateException("ref update of " + fullRef + " failed: " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A repository label. */
    record LabelState(long id, String name, String color, String description) {}

    /** A commit status and when it was set. */
    record StatusState(FakeStatus status, Instant createdAt) {}

    /** Mutable state of an issue comment. */
    static final class CommentState {
        final long id;
        final int issueNumber;
        final FakeUser author;
        final Instant createdAt;
        String body;
        Instant updatedAt;

        CommentState(long id, int issueNumber, FakeUser author, String body, Instant now) {
            this.id = id;
            this.issueNumber = issueNumber;
            this.author = author;
            this.body = body;
            this.createdAt = now;
            this.updatedAt = now;
        }

        FakeComment snapshot() {
            return new FakeComment(id, issueNumber, author.login(), body);
        }
    }
}
