package dev.relock.index;

import java.util.regex.Pattern;

/**
 * Masks credentials in URLs before they reach a log line, an exception message or a cache key:
 * {@code https://user:secret@host/simple/} becomes {@code https://****@host/simple/}. The userinfo
 * ends at the last {@code @} before the path, as in pip and urllib, so a password that contains
 * {@code @} (unencoded) is masked whole.
 */
public final class UrlRedaction {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");

    private UrlRedaction() {}

    /** {@code text} with the userinfo of every URL in it removed: the form used for cache keys. */
    static String withoutUserinfo(String text) {
        return text.indexOf('@') < 0 ? text : USERINFO.matcher(text).replaceAll("$1");
    }

    /** {@code text} with the userinfo of every URL in it replaced by {@code ****}. */
    public static String redact(String text) {
        return text.indexOf('@') < 0 ? text : USERINFO.matcher(text).replaceAll("$1****@");
    }
}
