package dev.relock.update;

import java.util.List;

/**
 * Verifies an update's result before anything is pushed: the lockfiles as planned, read in place
 * of the work tree's, with everything else (the {@code .in} files, {@code .python-version},
 * Dockerfiles, workflows) as checked out.
 */
@FunctionalInterface
public interface ResultCheck {
    /** Checks nothing: plans carry no verification. */
    ResultCheck NONE = files -> new Verification(List.of(), List.of());

    /** Verifies every lockfile of the plan, the unchanged ones too. */
    Verification verify(List<FileUpdate> files);
}
