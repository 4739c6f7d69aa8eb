package dev.relock.filename;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Tag;
import dev.relock.tags.TagParseException;
import dev.relock.tags.TagPriority;
import dev.relock.tags.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A wheel file name (PEP 427, PEP 491):
 * {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
 *
 * <p>Each tag part may be a compressed set ({@code py2.py3}); {@link #tags()} is the expanded set.
 * The name part may only contain letters, digits, {@code .} and {@code _} (dashes are escaped to
 * {@code _}) and must not contain {@code __}, as in {@code packaging}.
 */
public final class WheelFilename implements DistFilename {
    private final String filename;
    private final PackageName name;
    private final Version version;
    private final Optional<BuildTag> buildTag;
    private final List<String> pythonTags;
    private final List<String> abiTags;
    private final List<String> platformTags;
    private final Set<Tag> tags;

    private WheelFilename(String filename, PackageName name, Version version, Optional<BuildTag> buildTag,
            List<String> pythonTags, List<String> abiTags, List<String> platformTags, Set<Tag> tags) {
        this.filename = filename;
        this.name = name;
        this.version = version;
        this.buildTag = buildTag;
        this.pythonTags = pythonTags;
        this.abiTags = abiTags;
        this.platformTags = platformTags;
        this.tags = tags;
    }

    /**
     * Parses a wheel file name.
     *
     * @throws InvalidFilenameException naming the file and what is wrong with it
     */
    public static WheelFilename parse(String filename) {
        if (!filename.endsWith(".whl")) {
            throw new InvalidFilenameException(filename, "a wheel file name must end with '.whl'");
        }
        String stem = filename.substring(0, filename.length() - 4);
        String[] parts = stem.split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            throw new InvalidFilenameException(filename,
                    "expected name-version[-build]-python-abi-platform.whl (5 or 6 parts separated by '-')");
        }
        String namePart = parts[0];
        if (!isWheelName(namePart)) {
            throw new InvalidFilenameException(filename, "invalid project name '" + namePart + "'");
        }
        PackageName name = PackageName.tryOf(namePart).orElseThrow(
                () -> new InvalidFilenameException(filename, "invalid project name '" + namePart + "'"));
        Version version = Version.tryParse(parts[1]).orElseThrow(
                () -> new InvalidFilenameException(filename, "invalid version '" + parts[1] + "'"));
        Optional<BuildTag> buildTag = Optional.empty();
        if (parts.length == 6) {
            try {
                buildTag = Optional.of(BuildTag.parse(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new InvalidFilenameException(filename, e.getMessage());
            }
        }
        int t = parts.length - 3;
        String tagText = parts[t] + "-" + parts[t + 1] + "-" + parts[t + 2];
        Set<Tag> tags;
        try {
            tags = Tag.parseCompressed(tagText);
        } catch (TagParseException e) {
            throw new InvalidFilenameException(filename, "invalid tags '" + tagText + "'");
        }
        return new WheelFilename(filename, name, version, buildTag, split(parts[t]), split(parts[t + 1]),
                split(parts[t + 2]), tags);
    }

    /**
     * The version field of a wheel file name (the second of its five or six dash-separated
     * fields), without validating the others: cheap enough to group thousands of listed files by
     * version before any of them is parsed in full.
     *
     * @return empty if {@code filename} does not have a wheel file name's shape
     */
    public static Optional<String> versionField(String filename) {
        if (!filename.endsWith(".whl")) {
            return Optional.empty();
        }
        int first = filename.indexOf('-');
        int second = first < 0 ? -1 : filename.indexOf('-', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        int dashes = 2;
        for (int i = second + 1; i < filename.length(); i++) {
            if (filename.charAt(i) == '-') {
                dashes++;
            }
        }
        return dashes == 4 || dashes == 5 ? Optional.of(filename.substring(first + 1, second)) : Optional.empty();
    }

    /**
     * Parses a wheel file name that must belong to project {@code expected}.
     *
     * @throws InvalidFilenameException when it is invalid or names another project
     */
    public static WheelFilename parse(String filename, PackageName expected) {
        WheelFilename wheel = parse(filename);
        if (!wheel.name.equals(expected)) {
            throw new InvalidFilenameException(filename,
                    "project '" + wheel.name + "' does not match the expected '" + expected + "'");
        }
        return wheel;
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

    /** The optional build tag. */
    public Optional<BuildTag> buildTag() {
        return buildTag;
    }

    /** The python tags as written, e.g. {@code [py2, py3]}. */
    public List<String> pythonTags() {
        return pythonTags;
    }

    /** The ABI tags as written, e.g. {@code [cp311]} or {@code [abi3]}. */
    public List<String> abiTags() {
        return abiTags;
    }

    /** The platform tags as written, e.g. {@code [manylinux_2_17_x86_64, manylinux2014_x86_64]}. */
    public List<String> platformTags() {
        return platformTags;
    }

    /** All expanded tags (python × abi × platform), lower-cased. */
    public Set<Tag> tags() {
        return tags;
    }

    /** The best rank any of this wheel's tags has for the given priority, or empty if none fits. */
    public OptionalInt bestRank(TagPriority priority) {
        return priority.bestRank(tags);
    }

    /** The best rank any of this wheel's tags has on {@code target}, or empty if it cannot be installed. */
    public OptionalInt bestRank(Target target) {
        return target.bestRank(tags);
    }

    /** Whether {@code target} can install this wheel. */
    public boolean isCompatible(Target target) {
        return bestRank(target).isPresent();
    }

    /** Whether this is a pure-Python wheel for every platform ({@code *-none-any}). */
    public boolean isUniversal() {
        return abiTags.equals(List.of("none")) && platformTags.equals(List.of("any"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WheelFilename other && filename.equals(other.filename);
    }

    @Override
    public int hashCode() {
        return filename.hashCode();
    }

    /** The file name exactly as given. */
    @Override
    public String toString() {
        return filename;
    }

    private static List<String> split(String part) {
        return List.copyOf(Arrays.asList(part.split("\\.", -1)));
    }

    private static boolean isWheelName(String s) {
        if (s.isEmpty() || s.contains("__")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
