package dev.relock.lock;

import dev.relock.common.Excerpt;
import dev.relock.common.RelockException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code --exclude-newer}: files uploaded after a cut-off are ignored. The cut-off is
 * a fixed {@link Timestamp}, or a {@link Cooldown} (a release must be at least that old), which
 * is evaluated against the current time whenever a lock is compiled, updated or re-resolved;
 * the header records the cooldown, not the instant it gave.
 */
public sealed interface ExcludeNewer permits ExcludeNewer.Timestamp, ExcludeNewer.Cooldown {

    /** The cut-off at {@code now}: files uploaded after it are ignored. */
    Instant cutoff(Instant now);

    /** The canonical spelling recorded in a lockfile's header ({@code 2024-03-01T00:00:00Z}, {@code P7D}). */
    String recorded();

    /** A fixed cut-off. */
    record Timestamp(Instant at) implements ExcludeNewer {
        public Timestamp {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Instant cutoff(Instant now) {
            return at;
        }

        @Override
        public String recorded() {
            return at.toString();
        }
    }

    /**
     * A cut-off that many days and hours before now.
     *
     * @param age positive, whole hours
     */
    record Cooldown(Duration age) implements ExcludeNewer {
        public Cooldown {
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero() || age.toSeconds() % 3600 != 0) {
                throw new IllegalArgumentException("a cooldown is a positive number of whole hours: " + age);
            }
        }

        @Override
        public Instant cutoff(Instant now) {
            return now.minus(age);
        }

        /** ISO 8601, days and hours only ({@code P7D}, {@code PT36H} is {@code P1DT12H}): no quoting, one spelling. */
        @Override
        public String recorded() {
            long days = age.toDays();
            long hours = age.toHours() % 24;
            return "P" + (days > 0 ? days + "D" : "") + (hours > 0 ? "T" + hours + "H" : "");
        }

        /** Up to six digits per number: a century of days fits, and no sum can overflow. */
        private static final String NUMBER = "(\\d{1,6})";
        /** ISO 8601 with weeks, days and hours: {@code P7D}, {@code P2W}, {@code PT24H}, {@code P1DT12H}. */
        private static final Pattern ISO = Pattern.compile("p(?:" + NUMBER + "w)?(?:" + NUMBER + "d)?(?:t" + NUMBER + "h)?");
        /** One "number unit" part: {@code 7d}, {@code 7 days}, {@code 2w}, {@code 24 hours}, then a separator or the end. */
        private static final Pattern PART =
                Pattern.compile(NUMBER + "\\s*(w|wk|wks|weeks?|d|days?|h|hr|hrs|hours?)(?:\\s*,\\s*|\\s+|$)");

        /** The duration {@code t} (lower case) spells, or null when it spells none. */
        static Duration duration(String t) {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) {
                if (iso.group(1) == null && iso.group(2) == null && iso.group(3) == null) {
                    return null;
                }
                return Duration.ofDays(7 * number(iso.group(1)) + number(iso.group(2))).plusHours(number(iso.group(3)));
            }
            Matcher part = PART.matcher(t);
            Duration total = Duration.ZERO;
            int at = 0;
            while (at < t.length()) {
                if (!part.find(at) || part.start() != at) {
                    return null;
                }
                long n = number(part.group(1));
                total = total.plus(switch (part.group(2).charAt(0)) {
                    case 'w' -> Duration.ofDays(7 * n);
                    case 'd' -> Duration.ofDays(n);
                    default -> Duration.ofHours(n);
                });
                at = part.end();
            }
            return at == 0 ? null : total;
        }

        private static long number(String digits) {
            return digits == null ? 0 : Long.parseLong(digits);
        }
    }

    /**
     * Parses an {@code --exclude-newer} value: an RFC 3339 timestamp, a date {@code YYYY-MM-DD}
     * (midnight UTC at its start), or a duration: {@code 7d}, {@code 24h}, {@code 2w},
     * {@code "7 days"}, {@code "1 week 2 days"}, or ISO 8601 {@code P7D}, {@code P2W},
     * {@code PT24H}.
     *
     * @throws RelockException BAD_INPUT naming the value and the accepted forms
     */
    static ExcludeNewer parse(String text) {
        String t = text.strip();
        try {
            return new Timestamp(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notTimestamp) {
            // try the other forms
        }
        try {
            return new Timestamp(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notDate) {
            // try a duration
        }
        Duration age = Cooldown.duration(t.toLowerCase(Locale.ROOT));
        if (age == null) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --exclude-newer value '"
                    + Excerpt.of(text) + "': expected an RFC 3339 timestamp (2024-03-01T12:00:00Z), a date"
                    + " (2024-03-01) or a duration of days, hours or weeks (7d, 24h, 2w, '7 days', P7D)");
        }
        if (age.isZero()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "bad --exclude-newer value '"
                    + Excerpt.of(text) + "': a cooldown must be longer than zero");
        }
        return new Cooldown(age);
    }
}
