package dev.relock.hosting;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages.
 *
 * <p>The rule: a secret of at least {@value #MIN_ANYWHERE} characters is masked wherever it
 * occurs. A shorter one (a test token such as {@code x}) is masked only where it stands as a whole
 * token, not touching a letter, digit or {@code _} on either side, so that {@code outside.txt}
 * stays {@code outside.txt} while {@code token x rejected} still becomes {@code token *** rejected}.
 * A short secret that only ever occurs inside longer words is not a secret worth the damage.
 */
public final class Secrets {
    private static final String MASK = "***";
    /** Secrets at least this long are masked everywhere, shorter ones only as whole tokens. */
    static final int MIN_ANYWHERE = 8;

    private Secrets() {}

    /** {@code text} with each non-blank secret replaced by {@code ***} as described in the class documentation. */
    public static String scrub(String text, List<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret.isBlank()) {
                continue;
            }
            if (secret.length() >= MIN_ANYWHERE) {
                out = out.replace(secret, MASK);
            } else {
                out = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}_])")
                        .matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
            }
        }
        return out;
    }
}
