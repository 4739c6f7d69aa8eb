package dev.relock.wheelhouse;

import dev.relock.index.DistFile;
import dev.relock.reqtxt.Hash;
import dev.relock.tags.Target;
import java.util.List;

/**
 * One file chosen for the wheelhouse.
 *
 * @param file the file as the index lists it
 * @param expected the lockfile hash its listing matched; its bytes must match it too
 * @param pin the pin it belongs to
 * @param targets the targets pip would install it on, in request order (empty for a file that
 *     {@link FileChoice#ALL_FILES} bundles but no target prefers)
 */
record PlannedFile(DistFile file, Hash expected, LockedPin pin, List<Target> targets) {
    PlannedFile {
        targets = List.copyOf(targets);
    }

    String filename() {
        return file.filename();
    }
}
