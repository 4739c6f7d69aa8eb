package dev.relock.update;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update would change, computed locally before anything remote is touched.
 *
 * @param files every lockfile, in compile order
 * @param notes release notes and warnings by {@code name==version}
 * @param title the pull request title
 * @param body the pull request body
 * @param commitMessage the commit message
 * @param verification what the self-verification found on the planned lockfiles; empty when
 *     nothing changes or no check was asked for
 * @param security the advisories the update fixes and those still open; empty when the audit is off
 */
public record UpdatePlan(List<FileUpdate> files, Map<String, ReleaseNote> notes, String title, String body,
        String commitMessage, Optional<Verification> verification, Optional<SecurityReport> security) {
    public UpdatePlan {
        files = List.copyOf(files);
        notes = Map.copyOf(notes);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(commitMessage, "commitMessage");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(security, "security");
    }

    /** Whether the self-verification failed: the plan must not be pushed. */
    public boolean failedVerification() {
        return verification.map(v -> !v.passed()).orElse(false);
    }

    /** Whether any lockfile's text changes. */
    public boolean hasChanges() {
        return files.stream().anyMatch(FileUpdate::changed);
    }

    /** The files whose text changes. */
    public List<FileUpdate> changedFiles() {
        return files.stream().filter(FileUpdate::changed).toList();
    }

    /** Distinct packages changed across all lockfiles. */
    public int changedPackages() {
        return PullRequestText.packageCount(files.stream().map(FileUpdate::changes).toList());
    }

    /** Every package change, as {@code path: name from → to} lines. */
    public List<String> changeLines() {
        return files.stream().flatMap(f -> f.changes().changes().stream()
                .map(c -> f.path() + ": " + c.name() + " " + c.kind().label() + " " + c.fromTo())).toList();
    }
}
