package dev.relock.update;

import dev.relock.name.PackageName;
import java.util.List;
import java.util.Set;

/**
 * Verifies an update's result before anything is pushed: the lockfiles as planned, read in place
 * of the work tree's, with everything else (the {@code .in} files, {@code .python-version},
 * Dockerfiles, workflows) as checked out.
 */
@FunctionalInterface
public interface ResultCheck {
    /** Checks nothing: plans carry no verification. */
    ResultCheck NONE = (files, pastCutoff) -> new Verification(List.of(), List.of());

    /**
     * Verifies every lockfile of the plan, the unchanged ones too.
     *
     * @param pastCutoff packages a security fix took past the {@code --exclude-newer} cut-off: a
     *     fresh resolution within the cut-off cannot pick their new versions, and that is expected
     */
    Verification verify(List<FileUpdate> files, Set<PackageName> pastCutoff);
}
