package dev.relock.filename;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Optional;

/**
 * The parsed name of a distribution file: a {@link WheelFilename} or an {@link SdistFilename}.
 * {@link #toString()} returns the file name exactly as given.
 */
public sealed interface DistFilename permits WheelFilename, SdistFilename {

    /** The normalized project name. */
    PackageName name();

    /** The version. */
    Version version();

    /** The file name exactly as given. */
    String filename();

    /**
     * Parses a wheel ({@code .whl}) or source distribution file name. A project name with dashes
     * in an sdist name is ambiguous; this splits at the last dash (as {@code packaging} does), so
     * prefer {@link #parse(String, PackageName)} when the project is known.
     *
     * @throws InvalidFilenameException when the name is neither a valid wheel nor sdist name
     */
    static DistFilename parse(String filename) {
        return isWheel(filename) ? WheelFilename.parse(filename) : SdistFilename.parse(filename);
    }

    /**
     * Parses a file name that must belong to project {@code expected}.
     *
     * @throws InvalidFilenameException when the name is invalid or names another project
     */
    static DistFilename parse(String filename, PackageName expected) {
        return isWheel(filename) ? WheelFilename.parse(filename, expected) : SdistFilename.parse(filename, expected);
    }

    /** Like {@link #parse(String, PackageName)} but empty instead of throwing (e.g. for {@code .egg} files). */
    static Optional<DistFilename> tryParse(String filename, PackageName expected) {
        try {
            return Optional.of(parse(filename, expected));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }

    private static boolean isWheel(String filename) {
        return filename.endsWith(".whl");
    }
}
