package dev.relock.metadata;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Repairs for common mistakes in published version specifiers, tried one after another (each on
 * the result of the previous) until the text parses. Only the part before a {@code ;} (the
 * marker) is touched, so quoted marker values stay intact.
 *
 * <p>The repairs, in order: drop trailing commas ({@code >=2.7, !=3.0.*,}); drop stray quotes
 * ({@code >= '3.6'}); drop {@code .*} after an ordering operator ({@code >=3.6.*} becomes
 * {@code >=3.6}); add the missing dot before {@code *} ({@code !=3.0*} becomes {@code !=3.0.*});
 * add a missing comma between clauses ({@code >=7.2.0<8.0.0}).
 */
final class LenientFixups {
    private record Fixup(String description, UnaryOperator<String> apply) {
    }

    private static final Pattern LEADING_NAME = Pattern.compile("\\s*[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern TRAILING_COMMA = Pattern.compile("[,\\s]*,\\s*$");
    private static final Pattern QUOTES = Pattern.compile("['\"]");
    private static final Pattern ORDERING_STAR = Pattern.compile("(<=|>=|<|>)(\\s*\\d+(?:\\.\\d+)*)\\.\\*");
    private static final Pattern MISSING_DOT = Pattern.compile("(\\d)\\*");
    private static final Pattern MISSING_COMMA = Pattern.compile("(\\d)\\s*([<>=!~])");

    private static final List<Fixup> FIXUPS = List.of(
            new Fixup("removed a trailing comma", s -> TRAILING_COMMA.matcher(s).replaceAll("")),
            new Fixup("removed stray quotes", s -> QUOTES.matcher(s).replaceAll("")),
            new Fixup("removed '.*' after an ordering operator", s -> ORDERING_STAR.matcher(s).replaceAll("$1$2")),
            new Fixup("inserted a missing '.' before '*'", s -> MISSING_DOT.matcher(s).replaceAll("$1.*")),
            new Fixup("inserted a missing comma", s -> MISSING_COMMA.matcher(s).replaceAll("$1,$2")));

    private LenientFixups() {
    }

    /** A repaired value, the text it was parsed from and what was changed. */
    record Repaired<T>(T value, String text, String description) {
    }

    /**
     * Tries the repairs on {@code text} in order; answers the first parse that succeeds, or empty
     * when none does. {@code parser} answers empty for text it cannot parse. When
     * {@code skipName} is true, a leading project name is left untouched, so that a name ending
     * in a digit is never split by an inserted comma.
     */
    static <T> Optional<Repaired<T>> repair(String text, boolean skipName, Function<String, Optional<T>> parser) {
        int semicolon = text.indexOf(';');
        String head = semicolon < 0 ? text : text.substring(0, semicolon);
        String tail = semicolon < 0 ? "" : text.substring(semicolon);
        String name = "";
        if (skipName) {
            var m = LEADING_NAME.matcher(head);
            if (m.lookingAt()) {
                name = m.group();
                head = head.substring(name.length());
            }
        }
        StringBuilder done = new StringBuilder();
        for (Fixup fixup : FIXUPS) {
            String patched = fixup.apply().apply(head);
            if (patched.equals(head)) {
                continue;
            }
            head = patched;
            done.append(done.length() == 0 ? "" : ", ").append(fixup.description());
            String candidate = name + head + tail;
            Optional<T> parsed = parser.apply(candidate);
            if (parsed.isPresent()) {
                return Optional.of(new Repaired<>(parsed.get(), candidate, done.toString()));
            }
        }
        return Optional.empty();
    }
}
