package dev.relock.index;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
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
        try {
            return uploadTime.map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
