package dev.relock.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relock.common.RelockException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An advisory the project has decided to accept for now: {@code --ignore-vuln ID[@UNTIL][:REASON]}
 * on the command line, or an entry of {@code ignore-vulns} in {@code [tool.relock]}
 * ({@code {id = "GHSA-...", reason = "...", until = "2027-01-01"}} or just {@code "GHSA-..."}).
 * It matches the advisory's id or any alias (a CVE id ignores every record of that CVE). It holds
 * through {@code until} (inclusive, UTC) and then expires: the advisory is reported again, saying so.
 *
 * @param id the advisory id or alias
 * @param reason why it is accepted, if given
 * @param until the last day it holds; empty: no expiry
 */
public record VulnIgnore(String id, Optional<String> reason, Optional<LocalDate> until) {
    /** The command-line option. */
    public static final String OPTION = "--ignore-vuln";
    /** The key in {@code [tool.relock]} (or at the top of {@code relock.toml}). */
    public static final String TOML_KEY = "ignore-vulns";

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9._]+)+");

    public VulnIgnore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(until, "until");
    }

    /**
     * Parses {@code ID[@YYYY-MM-DD][:REASON]}, e.g.
     * {@code GHSA-j8r2-6x86-q33q@2027-01-01:we never send proxy credentials}.
     *
     * @throws RelockException BAD_INPUT naming the option for a malformed value
     */
    public static VulnIgnore parse(String spec) {
        String rest = spec.strip();
        int colon = rest.indexOf(':');
        Optional<String> reason = Optional.empty();
        if (colon >= 0) {
            reason = Optional.of(rest.substring(colon + 1).strip()).filter(r -> !r.isEmpty());
            rest = rest.substring(0, colon).strip();
        }
        Optional<String> date = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            date = Optional.of(rest.substring(at + 1).strip());
            rest = rest.substring(0, at).strip();
        }
        return of(rest, reason, date, OPTION + " '" + spec + "'",
                "expected ID[@YYYY-MM-DD][:REASON], e.g. GHSA-j8r2-6x86-q33q@2027-01-01:no proxy in use");
    }

    /**
     * The {@code ignore-vulns} value of a settings table: an array of strings (ids) or tables
     * with {@code id}, optional {@code reason} and {@code until}.
     *
     * @param where the file, for messages
     * @throws RelockException BAD_INPUT for a malformed entry
     */
    public static List<VulnIgnore> fromToml(JsonNode value, String where) {
        List<VulnIgnore> out = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return out;
        }
        String key = where + ": " + TOML_KEY;
        String shape = "an array of ids or of tables like {id = \"GHSA-...\", reason = \"...\", until = \"2027-01-01\"}";
        if (!value.isArray()) {
            throw bad(key + " must be " + shape);
        }
        for (JsonNode item : value) {
            if (item.isTextual()) {
                out.add(of(item.asText(), Optional.empty(), Optional.empty(), key, shape));
            } else if (item.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    String field = it.next().getKey();
                    if (!List.of("id", "reason", "until").contains(field)) {
                        throw bad(key + ": unknown field '" + field + "' (known: id, reason, until)");
                    }
                }
                if (!item.path("id").isTextual()) {
                    throw bad(key + ": every entry needs an id, e.g. {id = \"GHSA-...\"}");
                }
                out.add(of(item.get("id").asText(), text(item.get("reason"), key + " reason"),
                        text(item.get("until"), key + " until"), key, shape));
            } else {
                throw bad(key + " must be " + shape);
            }
        }
        return out;
    }

    private static Optional<String> text(JsonNode node, String what) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isNull()) {
            throw bad(what + " must be a string");
        }
        return Optional.of(node.asText().strip()).filter(s -> !s.isEmpty());
    }

    private static VulnIgnore of(String id, Optional<String> reason, Optional<String> date, String where,
            String expected) {
        String clean = id.strip();
        if (!ID.matcher(clean).matches()) {
            throw bad(where + ": '" + clean + "' is not an advisory id (" + expected + ")");
        }
        Optional<LocalDate> until = Optional.empty();
        if (date.isPresent()) {
            try {
                until = Optional.of(LocalDate.parse(date.get()));
            } catch (DateTimeParseException e) {
                throw bad(where + ": '" + date.get() + "' is not a date YYYY-MM-DD (" + expected + ")");
            }
        }
        return new VulnIgnore(clean, reason, until);
    }

    private static RelockException bad(String message) {
        return new RelockException(RelockException.Kind.BAD_INPUT, message);
    }

    /** Whether this ignore names {@code advisory} (its id or an alias). */
    public boolean matches(Advisory advisory) {
        return advisory.isKnownAs(id);
    }

    /** Whether it has expired on {@code today}: {@code until} is before today. */
    public boolean expiredOn(LocalDate today) {
        return until.map(u -> u.isBefore(today)).orElse(false);
    }

    /** {@code ID (until 2027-01-01: reason)}, for reports. */
    public String describe() {
        String extra = until.map(u -> "until " + u).orElse("") + (until.isPresent() && reason.isPresent() ? ": " : "")
                + reason.orElse("");
        return extra.isEmpty() ? id : id + " (" + extra + ")";
    }
}
