package dev.relock.hosting;

/** A way of writing the bot's commit and moving its branch there. */
@FunctionalInterface
public interface Committer {
    /** Writes the commit, points the branch at it (forced) and returns the commit id. */
    String commit(CommitRequest request);
}
