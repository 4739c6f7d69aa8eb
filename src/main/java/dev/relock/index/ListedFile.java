package dev.relock.index;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file link as an index page lists it, before its filename is interpreted. The link and the
 * upload time stay text until a file of this version is used ({@link ProjectPage} builds files
 * lazily), because a page lists many more files than a resolution looks at.
 *
 * @param uploadTime the raw ISO 8601 upload time, if published (JSON API only)
 */
record ListedFile(
        String filename,
        Link link,
        Map<String, String> hashes,
        Optional<String> requiresPython,
        Yanked yanked,
        CoreMetadataRef coreMetadata,
        OptionalLong size,
        Optional<String> uploadTime) {

    ListedFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(link, "link");
        hashes = Map.copyOf(hashes);
    }

    /** The file's absolute URL without fragment; empty if the link is not a usable URL. */
    Optional<URI> url() {
        return link.resolve();
    }

    /** The upload time; empty when not published or not a valid timestamp. */
    Optional<Instant> uploadInstant() {
        return uploadTime.flatMap(ListedFile::instant);
    }

    /**
     * An ISO 8601 timestamp with an offset. PyPI's form ({@code 2024-01-02T03:04:05.678901Z}) is
     * read directly; java.time's general parser, many times slower on a cold JVM, takes the rest.
     */
    static Optional<Instant> instant(String text) {
        int end = text.endsWith("Z") ? text.length() - 1
                : text.endsWith("+00:00") ? text.length() - 6 : -1;
        if (end >= 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            boolean fraction = end == 19 || (text.charAt(19) == '.' && end > 20 && end <= 29
                    && digits(text, 20, end) >= 0);
            if (Math.min(Math.min(year, month), Math.min(Math.min(day, hour), Math.min(minute, second))) >= 0
                    && fraction && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23
                    && minute <= 59 && second <= 59) {
                try {
                    long nanos = end == 19 ? 0 : digits(text, 20, end) * (long) Math.pow(10, 29 - end);
                    return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos)
                            .toInstant(ZoneOffset.UTC));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any char is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Where a file is: {@code href} as written on the page, relative to {@code base}; an empty
     * {@code href} means {@code base} is the file's URL already.
     */
    record Link(URI base, String href) {
        Link {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(href, "href");
        }

        /** A link that is already an absolute URL without fragment. */
        static Link of(URI url) {
            return new Link(url, "");
        }

        /** The absolute URL without its fragment; empty if {@code href} is not a usable URL. */
        Optional<URI> resolve() {
            return href.isEmpty() ? Optional.of(base) : Links.resolve(base, href).map(Links::withoutFragment);
        }

        @Override
        public String toString() {
            return href.isEmpty() ? base.toString() : href;
        }
    }
}
