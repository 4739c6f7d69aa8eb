package dev.relock.index;

import java.util.OptionalInt;

/**
 * Where the user-info part of a URL ends. As in pip (through urllib), it ends at the authority's
 * last {@code @}, so a password may contain {@code @}; the authority ends at the first {@code /},
 * {@code ?} or {@code #} after {@code ://}.
 */
public final class Userinfo {
    private Userinfo() {}

    /** The index of the {@code @} that ends {@code url}'s user info, if it has any. */
    public static OptionalInt end(String url) {
        int start = authorityStart(url);
        if (start < 0) {
            return OptionalInt.empty();
        }
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? OptionalInt.empty() : OptionalInt.of(at);
    }

    /** Where the authority starts (after {@code ://}), or -1 for a URL without one. */
    static int authorityStart(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? -1 : scheme + 3;
    }

    /** {@code url} without its user info, e.g. {@code https://host/simple/}. */
    public static String strip(String url) {
        OptionalInt at = end(url);
        return at.isEmpty() ? url : url.substring(0, authorityStart(url)) + url.substring(at.getAsInt() + 1);
    }
}
