package dev.relock.reqtxt;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A requirements file with everything it includes: the requirements of the file and its
 * {@code -r} includes, the constraints of its {@code -c} includes, and the merged global options.
 *
 * @param file the file that was read, as it was named
 * @param requirements requirement lines in reading order (an include's lines at the place of its
 *     {@code -r} line); each entry's location names the file it came from
 * @param constraints lines of {@code -c} files (and of {@code -r} files those include), in reading order
 * @param options the global options of all files read
 * @param files every file read, in the order first read, starting with {@code file}
 */
public record RequirementsFile(
        Path file,
        List<RequirementEntry> requirements,
        List<RequirementEntry> constraints,
        PipOptions options,
        List<Path> files) {

    public RequirementsFile {
        Objects.requireNonNull(file, "file");
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(options, "options");
        files = List.copyOf(files);
    }
}
