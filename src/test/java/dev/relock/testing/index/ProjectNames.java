package dev.relock.testing.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two spellings of a project name this server needs: the PEP 503 normalized form used in
 * index URLs ({@code Foo.Bar_baz} → {@code foo-bar-baz}) and the PEP 427/625 escaped form used in
 * distribution file names ({@code foo_bar_baz}).
 *
 * <p>Deliberately independent of relock's own name package so that tests cross-check it instead of
 * sharing its bugs.
 */
public final class ProjectNames {
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern VALID =
            Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

    private ProjectNames() {}

    /** PEP 503: lower case, every run of {@code -_.} becomes one {@code -}. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The name as it appears in wheel and sdist file names: normalized with {@code _}. */
    public static String escaped(String name) {
        return normalize(name).replace('-', '_');
    }

    /** Whether the name is a valid core-metadata project name. */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Requires a valid name, returning it unchanged. */
    static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("not a valid project name: '" + name + "'");
        }
        return name;
    }
}
