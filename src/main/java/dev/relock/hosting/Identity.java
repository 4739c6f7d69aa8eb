package dev.relock.hosting;

import dev.relock.common.RelockException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git author: name and e-mail. The bot recognises its own commits on its branch by this e-mail.
 *
 * @param name display name
 * @param email e-mail address
 */
public record Identity(String name, String email) {
    private static final Pattern FORM = Pattern.compile("\\s*(.*?)\\s*<([^<>\\s]+)>\\s*");

    /** GitHub Actions' bot, the author of commits made with the workflow's {@code GITHUB_TOKEN}. */
    public static final Identity GITHUB_ACTIONS =
            new Identity("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com");

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank() || email.isBlank()) {
            throw new IllegalArgumentException("an identity needs a name and an e-mail");
        }
    }

    /** Parses {@code Name <email>}. */
    public static Identity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(1).isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "author must look like 'Name <email@example.com>', got '" + text + "'");
        }
        return new Identity(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
