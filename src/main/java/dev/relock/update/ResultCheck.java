package dev.relock.update;

import java.util.List;
import java.util.Optional;

/**
 * Verifies an update's result before anything is pushed: the lockfiles as planned, read in place
 * of the work tree's, with everything else (the {@code .in} files, {@code .python-version},
 * Dockerfiles, workflows) as checked out.
 */
@FunctionalInterface
public interface ResultCheck {
    /** Checks nothing: plans carry no verification. */
    ResultCheck NONE = (files, security) -> new Verification(List.of(), List.of());

    /**
     * Verifies every lockfile of the plan, the unchanged ones too.
     *
     * @param security the advisories the update fixes and leaves open, when the audit is on; its
     *     {@link SecurityReport#pastCutoff()} packages were taken past the {@code --exclude-newer}
     *     cut-off, so a fresh resolution within it cannot pick their new versions, as expected
     */
    Verification verify(List<FileUpdate> files, Optional<SecurityReport> security);
}
