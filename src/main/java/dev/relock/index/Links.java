package dev.relock.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** URL helpers shared by the page readers. */
final class Links {
    private Links() {}

    /** {@code href} resolved against {@code base}; empty if it cannot be made a valid URI. */
    static Optional<URI> resolve(URI base, String href) {
        String h = href.strip();
        for (String candidate : new String[] {h, h.replace(" ", "%20")}) {
            try {
                return Optional.of(base.resolve(new URI(candidate)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    static URI withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : URI.create(s.substring(0, hash));
    }

    /** Hashes from a {@code #sha256=<hex>} fragment (PEP 503); empty map if none. */
    static Map<String, String> fragmentHashes(URI uri) {
        Map<String, String> hashes = new TreeMap<>();
        String fragment = uri.getRawFragment();
        if (fragment != null) {
            int eq = fragment.indexOf('=');
            if (eq > 0 && eq < fragment.length() - 1) {
                hashes.put(fragment.substring(0, eq).toLowerCase(Locale.ROOT),
                        fragment.substring(eq + 1).toLowerCase(Locale.ROOT));
            }
        }
        return hashes;
    }

    /** The percent-decoded last path segment of {@code uri}. */
    static String filename(URI uri) {
        String path = Optional.ofNullable(uri.getRawPath()).orElse("");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
