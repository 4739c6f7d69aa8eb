package dev.relock.tags;

import java.util.OptionalInt;

/**
 * The version of the target CPython interpreter: {@code X.Y} or {@code X.Y.Z}.
 *
 * <p>Only final releases are accepted: {@code 3.11.7rc1}, {@code 3.13t}, {@code 3} and
 * {@code 3.11.7.1} are rejected, because tags and markers of a pre-release or free-threaded
 * interpreter differ and relock does not model them. When the micro version is absent,
 * {@link #fullVersion()} reports {@code X.Y.0} (what {@code python_full_version} markers are
 * compared against); {@link #hasMicro()} tells whether it was given.
 */
public record PythonVersion(int major, int minor, OptionalInt micro) implements Comparable<PythonVersion> {

    /** Rejects negative numbers. */
    public PythonVersion {
        if (major < 0 || minor < 0 || (micro.isPresent() && micro.getAsInt() < 0)) {
            throw new IllegalArgumentException("negative Python version component");
        }
    }

    /** A version without micro part, e.g. {@code 3.11}. */
    public static PythonVersion of(int major, int minor) {
        return new PythonVersion(major, minor, OptionalInt.empty());
    }

    /** A version with micro part, e.g. {@code 3.11.7}. */
    public static PythonVersion of(int major, int minor, int micro) {
        return new PythonVersion(major, minor, OptionalInt.of(micro));
    }

    /**
     * Parses {@code X.Y} or {@code X.Y.Z} (decimal numbers without leading zeros or signs).
     *
     * @throws TagParseException for anything else
     */
    public static PythonVersion parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new TagParseException(text, "invalid Python version '" + text
                    + "': expected X.Y or X.Y.Z, e.g. 3.11 or 3.11.7");
        }
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (!isNumber(part)) {
                throw new TagParseException(text, "invalid Python version '" + text
                        + "': '" + part + "' is not a plain number (pre-releases and build flags are not supported)");
            }
            numbers[i] = Integer.parseInt(part);
        }
        return parts.length == 2 ? of(numbers[0], numbers[1]) : of(numbers[0], numbers[1], numbers[2]);
    }

    /** Whether the micro version was given. */
    public boolean hasMicro() {
        return micro.isPresent();
    }

    /** {@code X.Y}, the {@code python_version} marker value. */
    public String majorMinor() {
        return major + "." + minor;
    }

    /** {@code X.Y.Z}, with {@code Z = 0} when no micro version was given. */
    public String fullVersion() {
        return majorMinor() + "." + micro.orElse(0);
    }

    /** {@code XY} without a dot, as used in tags such as {@code cp311}. */
    public String noDot() {
        return Integer.toString(major) + minor;
    }

    /**
     * Orders by major, minor, then micro; an absent micro sorts just before micro 0, so that the
     * order agrees with {@code equals} ({@code 3.10 < 3.10.0 < 3.10.1}).
     */
    @Override
    public int compareTo(PythonVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(micro.orElse(-1), other.micro.orElse(-1));
    }

    /** As given: {@code X.Y} or {@code X.Y.Z}. */
    @Override
    public String toString() {
        return hasMicro() ? fullVersion() : majorMinor();
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 4 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
