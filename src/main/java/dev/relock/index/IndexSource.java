package dev.relock.index;

import java.net.URI;
import java.util.Objects;

/**
 * One place relock looks for distributions.
 *
 * @param kind what the URL points at
 * @param url the URL (credentials removed; a simple index URL always ends in {@code /})
 */
public record IndexSource(Kind kind, URI url) {

    /** What an {@link IndexSource} URL points at. */
    public enum Kind {
        /** A PEP 503 / PEP 691 simple repository root ({@code --index-url}, {@code --extra-index-url}). */
        SIMPLE_INDEX,
        /** A local directory of distribution files ({@code --find-links DIR}). */
        FIND_LINKS_DIRECTORY,
        /** One HTML page linking to distribution files of any project ({@code --find-links URL}). */
        FIND_LINKS_PAGE
    }

    public IndexSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("index source URLs must not carry credentials");
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
