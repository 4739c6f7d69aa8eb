package dev.relock.hosting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the bot's commit in the local clone with JGit and force-pushes it over HTTPS. The commit
 * is built from the parent's tree in memory: the working tree, the index and the checked-out
 * branch are left alone. The token lives only in a credentials provider; the push goes to an
 * explicit URL, so nothing is written to {@code .git/config}.
 */
public final class GitPushCommitter implements Committer {
    private final Path workspace;
    private final String remoteUrl;
    private final String token;

    /**
     * @param workspace a directory inside the local clone
     * @param remoteUrl the HTTPS clone URL (without credentials)
     * @param token the token, sent as the password of user {@code x-access-token}
     */
    public GitPushCommitter(Path workspace, String remoteUrl, String token) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.remoteUrl = Objects.requireNonNull(remoteUrl, "remoteUrl");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String commit(CommitRequest request) {
        try (Repository repo = new FileRepositoryBuilder().findGitDir(workspace.toFile()).setMustExist(true).build();
                Git git = Git.wrap(repo)) {
            ObjectId parent = ObjectId.fromString(request.parent());
            if (!repo.getObjectDatabase().has(parent)) {
                git.fetch().setRemote(remoteUrl).setCredentialsProvider(credentials())
                        .setRefSpecs(new RefSpec(Constants.R_HEADS + request.base())).call();
            }
            ObjectId commit = writeCommit(repo, parent, request);
            Iterable<PushResult> results = git.push().setRemote(remoteUrl).setCredentialsProvider(credentials())
                    .setRefSpecs(new RefSpec("+" + commit.name() + ":" + Constants.R_HEADS + request.branch()))
                    .call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new HostingException(0, scrub("git push of " + request.branch() + " was refused: "
                                + update.getStatus() + (update.getMessage() == null ? "" : " " + update.getMessage())
                                + ". The token needs " + GitHubPlatform.PERMISSIONS + "."));
                    }
                }
            }
            return commit.name();
        } catch (GitAPIException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            String hint = lower.contains("not authorized") || lower.contains("not permitted")
                    || lower.contains("authentication") || message.contains("401") || message.contains("403")
                    ? " The token needs " + GitHubPlatform.PERMISSIONS + "." : "";
            throw new HostingException(0, scrub("git push to " + remoteUrl + " failed: " + message + hint));
        } catch (IOException e) {
            throw new HostingException(0, scrub("cannot write the commit in " + workspace + ": " + e.getMessage()));
        }
    }

    private ObjectId writeCommit(Repository repo, ObjectId parent, CommitRequest request) throws IOException {
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            RevCommit parentCommit = walk.parseCommit(parent);
            Map<String, DirCacheEntry> entries = new TreeMap<>();
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(parentCommit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                    entry.setFileMode(tree.getFileMode(0));
                    entry.setObjectId(tree.getObjectId(0));
                    entries.put(entry.getPathString(), entry);
                }
            }
            for (FileChange file : request.files()) {
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.content()));
                entries.put(file.path(), entry);
            }
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            entries.values().forEach(builder::add);
            builder.finish();
            ObjectId treeId = index.writeTree(inserter);
            PersonIdent who = new PersonIdent(request.author().name(), request.author().email(), Instant.now(),
                    ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            commit.setParentIds(List.of(parent));
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(request.message());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    private UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider("x-access-token", token);
    }

    private String scrub(String text) {
        return Secrets.scrub(text, List.of(token));
    }
}
