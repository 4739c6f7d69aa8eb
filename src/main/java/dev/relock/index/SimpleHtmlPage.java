package dev.relock.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a PEP 503 HTML project page (or a find-links page) with a tolerant scanner: only
 * {@code <base href>} and {@code <a>} tags matter, attribute names are case-insensitive, values
 * may be double-, single- or un-quoted and carry HTML character references, and anything else
 * (comments, scripts, broken markup) is skipped rather than rejected.
 */
final class SimpleHtmlPage {
    private SimpleHtmlPage() {}

    static List<ListedFile> parse(String html, URI pageUrl, IndexLog log) {
        List<ListedFile> out = new ArrayList<>();
        URI base = pageUrl;
        int i = 0;
        int n = html.length();
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int nameStart = lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && Character.isLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            String tag = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            Tag parsed = attributes(html, nameEnd);
            i = parsed.end;
            if (tag.equals("base")) {
                String href = parsed.attributes.get("href");
                if (href != null) {
                    base = Links.resolve(pageUrl, href).orElse(base);
                }
            } else if (tag.equals("a")) {
                int close = indexOfIgnoreCase(html, "</a", i);
                String text = unescape(html.substring(i, close < 0 ? i : close).replaceAll("<[^>]*>", "")).strip();
                link(parsed.attributes, text, base, pageUrl, log).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<ListedFile> link(
            Map<String, String> attrs, String text, URI base, URI pageUrl, IndexLog log) {
        String href = attrs.get("href");
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        Optional<URI> resolved = Links.resolve(base, href);
        if (resolved.isEmpty()) {
            log.debug("skipping link " + UrlRedaction.redact(href) + " on "
                    + UrlRedaction.redact(pageUrl.toString()) + ": not a valid URL");
            return Optional.empty();
        }
        URI url = resolved.get();
        String filename = Links.filename(url);
        if (filename.isEmpty()) {
            filename = text;
        }
        String coreMetadata = attrs.containsKey("data-core-metadata")
                ? attrs.get("data-core-metadata") : attrs.get("data-dist-info-metadata");
        String yanked = attrs.get("data-yanked");
        String requiresPython = attrs.get("data-requires-python");
        return Optional.of(new ListedFile(
                filename,
                ListedFile.Link.of(Links.withoutFragment(url)),
                Hashes.wellFormed(Links.fragmentHashes(url), filename, pageUrl, log),
                Optional.ofNullable(requiresPython).map(String::strip).filter(s -> !s.isEmpty()),
                yanked == null ? Yanked.no() : Yanked.withReason(Optional.of(yanked)),
                coreMetadataRef(coreMetadata),
                OptionalLong.empty(),
                Optional.empty()));
    }

    private static CoreMetadataRef coreMetadataRef(String value) {
        if (value == null || value.strip().equalsIgnoreCase("false")) {
            return CoreMetadataRef.absent();
        }
        String v = value.strip();
        int eq = v.indexOf('=');
        if (eq > 0 && eq < v.length() - 1) {
            return CoreMetadataRef.present(Map.of(
                    v.substring(0, eq).toLowerCase(Locale.ROOT), v.substring(eq + 1).toLowerCase(Locale.ROOT)));
        }
        return CoreMetadataRef.present(Map.of());
    }

    private record Tag(Map<String, String> attributes, int end) {}

    /** Reads attributes from {@code from} up to the tag's closing {@code >}. */
    private static Tag attributes(String html, int from) {
        Map<String, String> attrs = new HashMap<>();
        int n = html.length();
        int i = from;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                return new Tag(attrs, i + 1);
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(html.charAt(i)) && "=>/".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && html.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(html.charAt(i))) {
                    i++;
                }
                if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    char quote = html.charAt(i);
                    int end = html.indexOf(quote, i + 1);
                    end = end < 0 ? n : end;
                    value = html.substring(i + 1, end);
                    i = Math.min(n, end + 1);
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                        i++;
                    }
                    value = html.substring(start, i);
                }
            }
            attrs.putIfAbsent(name, unescape(value));
        }
        return new Tag(attrs, n);
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i <= s.length() - needle.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes HTML character references (named ones a page may use, decimal and hex). */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String ref = s.substring(i + 1, semi);
                Optional<String> decoded = reference(ref);
                if (decoded.isPresent()) {
                    out.append(decoded.get());
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Optional<String> reference(String ref) {
        switch (ref) {
            case "amp": return Optional.of("&");
            case "lt": return Optional.of("<");
            case "gt": return Optional.of(">");
            case "quot": return Optional.of("\"");
            case "apos": return Optional.of("'");
            case "nbsp": return Optional.of("\u00a0");
            default: break;
        }
        try {
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                return Optional.of(Character.toString(Integer.parseInt(ref.substring(2), 16)));
            }
            if (ref.startsWith("#")) {
                return Optional.of(Character.toString(Integer.parseInt(ref.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
