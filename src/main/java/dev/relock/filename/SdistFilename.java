package dev.relock.filename;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * A source distribution file name: {@code {name}-{version}{suffix}}, e.g.
 * {@code zope_interface-6.1.tar.gz} (PEP 625) or the older {@code zope.interface-6.1.tar.gz}.
 *
 * <p>Older sdists kept dashes in the project name ({@code python-dateutil-2.8.2.tar.gz}), so the
 * split between name and version is ambiguous: {@link #parse(String)} splits at the last dash
 * (versions cannot contain dashes in normalized form), while {@link #parse(String, PackageName)}
 * splits where the known project name ends, which also handles versions written with a dash
 * ({@code foo-1.0-1.tar.gz}).
 */
public final class SdistFilename implements DistFilename {
    private final String filename;
    private final PackageName name;
    private final Version version;
    private final SdistFormat format;

    private SdistFilename(String filename, PackageName name, Version version, SdistFormat format) {
        this.filename = filename;
        this.name = name;
        this.version = version;
        this.format = format;
    }

    /**
     * Parses an sdist file name, splitting name and version at the last dash.
     *
     * @throws InvalidFilenameException naming the file and what is wrong with it
     */
    public static SdistFilename parse(String filename) {
        SdistFormat format = formatOf(filename);
        String stem = filename.substring(0, filename.length() - format.suffix().length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InvalidFilenameException(filename, "expected name-version" + format.suffix());
        }
        String namePart = stem.substring(0, dash);
        String versionPart = stem.substring(dash + 1);
        PackageName name = PackageName.tryOf(namePart).orElseThrow(
                () -> new InvalidFilenameException(filename, "invalid project name '" + namePart + "'"));
        Version version = Version.tryParse(versionPart).orElseThrow(
                () -> new InvalidFilenameException(filename, "invalid version '" + versionPart + "'"));
        return new SdistFilename(filename, name, version, format);
    }

    /**
     * Parses an sdist file name of project {@code expected}: the name part is the shortest
     * dash-delimited prefix that normalizes to {@code expected} and leaves a valid version.
     *
     * @throws InvalidFilenameException when it is invalid or names another project
     */
    public static SdistFilename parse(String filename, PackageName expected) {
        SdistFormat format = formatOf(filename);
        String stem = filename.substring(0, filename.length() - format.suffix().length());
        boolean nameMatched = false;
        for (int dash = stem.indexOf('-'); dash >= 0; dash = stem.indexOf('-', dash + 1)) {
            Optional<PackageName> candidate = PackageName.tryOf(stem.substring(0, dash));
            if (candidate.isPresent() && candidate.get().equals(expected)) {
                nameMatched = true;
                Optional<Version> version = Version.tryParse(stem.substring(dash + 1));
                if (version.isPresent()) {
                    return new SdistFilename(filename, expected, version.get(), format);
                }
            }
        }
        throw new InvalidFilenameException(filename, nameMatched
                ? "invalid version after project name '" + expected + "'"
                : "does not start with project name '" + expected + "' followed by '-'");
    }

    @Override
    public PackageName name() {
        return name;
    }

    @Override
    public Version version() {
        return version;
    }

    @Override
    public String filename() {
        return filename;
    }

    /** The archive format. */
    public SdistFormat format() {
        return format;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdistFilename other && filename.equals(other.filename) && name.equals(other.name)
                && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, name, version);
    }

    /** The file name exactly as given. */
    @Override
    public String toString() {
        return filename;
    }

    private static SdistFormat formatOf(String filename) {
        return SdistFormat.of(filename).orElseThrow(() -> new InvalidFilenameException(filename,
                "not a wheel (.whl) or source distribution (.tar.gz, .zip, .tgz, .tar.bz2, .tar.xz, .tar)"));
    }
}
