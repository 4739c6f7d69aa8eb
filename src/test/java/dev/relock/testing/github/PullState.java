package dev.relock.testing.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable server-side state of one pull request; guarded by the fake's lock. */
final class PullState {
    final long id;
    final long issueId;
    final int number;
    final FakeUser author;
    final String headRef;
    final boolean draft;
    final boolean maintainerCanModify;
    final Instant createdAt;
    String title;
    String body;
    String state = "open";
    String baseRef;
    String lastHeadSha;
    Instant updatedAt;
    Optional<Instant> closedAt = Optional.empty();
    final List<String> labels = new ArrayList<>();
    final List<String> assignees = new ArrayList<>();
    final List<String> reviewers = new ArrayList<>();
    final List<String> teams = new ArrayList<>();

    PullState(long id, long issueId, int number, FakeUser author, String headRef, String baseRef, String title,
            String body, boolean draft, boolean maintainerCanModify, String headSha, Instant now) {
        this.id = id;
        this.issueId = issueId;
        this.number = number;
        this.author = author;
        this.headRef = headRef;
        this.baseRef = baseRef;
        this.title = title;
        this.body = body;
        this.draft = draft;
        this.maintainerCanModify = maintainerCanModify;
        this.lastHeadSha = headSha;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean isOpen() {
        return "open".equals(state);
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    void setState(String newState, Instant now) {
        if (!newState.equals(state)) {
            state = newState;
            closedAt = "closed".equals(newState) ? Optional.of(now) : Optional.empty();
        }
        updatedAt = now;
    }

    FakePullRequest snapshot() {
        return new FakePullRequest(number, title, body, state, author.login(), headRef, lastHeadSha, baseRef, draft,
                labels, assignees, reviewers, teams);
    }
}
