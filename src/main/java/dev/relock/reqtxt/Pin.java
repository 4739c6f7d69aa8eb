package dev.relock.reqtxt;

import dev.relock.name.PackageName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One locked package of a {@link Lockfile}, in the forms pip-compile prints.
 *
 * @param kind how the package is pinned
 * @param name the name as printed (pip-compile prints the normalized name); empty for a
 *     {@link Kind#URL} or {@link Kind#EDITABLE} pin whose name is not known (not printed for these kinds;
 *     used for sorting)
 * @param extras extras as printed inside brackets (the writer sorts them, as packaging does)
 * @param target the version for {@link Kind#PINNED}, otherwise the URL or path
 * @param marker the environment marker printed after {@code " ; "}, verbatim
 * @param hashes the {@code --hash} values (the writer sorts them)
 * @param via the {@code # via} sources: parent package names ({@code requests[socks]} style
 *     included), {@code -r file.in}, {@code -c file.txt}, kept verbatim (the writer sorts them)
 */
public record Pin(
        Kind kind,
        String name,
        List<String> extras,
        String target,
        Optional<String> marker,
        List<Hash> hashes,
        List<String> via) {

    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9._-]+)");

    /** The forms a pin takes in pip-compile's output. */
    public enum Kind {
        /** {@code name[extras]==version} */
        PINNED,
        /** {@code name[extras] @ url} */
        DIRECT,
        /** a bare URL or relative {@code file:} path that pip-compile cannot turn into a direct reference */
        URL,
        /** {@code -e url} */
        EDITABLE
    }

    public Pin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        extras = List.copyOf(extras);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(marker, "marker");
        hashes = List.copyOf(hashes);
        via = List.copyOf(via);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("a pin needs a version or URL");
        }
        if (name.isEmpty() && (kind == Kind.PINNED || kind == Kind.DIRECT)) {
            throw new IllegalArgumentException(kind + " pin needs a name");
        }
    }

    /** {@code name==version}. */
    public static Pin pinned(String name, String version) {
        return new Pin(Kind.PINNED, name, List.of(), version, Optional.empty(), List.of(), List.of());
    }

    /** {@code name @ url}. */
    public static Pin direct(String name, String url) {
        return new Pin(Kind.DIRECT, name, List.of(), url, Optional.empty(), List.of(), List.of());
    }

    /** A bare URL. */
    public static Pin url(String url) {
        return new Pin(Kind.URL, "", List.of(), url, Optional.empty(), List.of(), List.of());
    }

    /** {@code -e url}; the name (for sorting) is taken from an {@code #egg=} fragment when present. */
    public static Pin editable(String url) {
        Matcher egg = EGG.matcher(url);
        return new Pin(Kind.EDITABLE, egg.find() ? egg.group(1) : "", List.of(), url, Optional.empty(), List.of(),
                List.of());
    }

    public Pin withExtras(List<String> newExtras) {
        return new Pin(kind, name, newExtras, target, marker, hashes, via);
    }

    public Pin withMarker(Optional<String> newMarker) {
        return new Pin(kind, name, extras, target, newMarker, hashes, via);
    }

    public Pin withHashes(List<Hash> newHashes) {
        return new Pin(kind, name, extras, target, marker, newHashes, via);
    }

    public Pin withVia(List<String> newVia) {
        return new Pin(kind, name, extras, target, marker, hashes, newVia);
    }

    /** The requirement as pip-compile prints it, without marker, hashes or annotation. */
    public String requirementText() {
        String extrasText = extras.isEmpty() ? "" : "[" + String.join(",", extras.stream().sorted().toList()) + "]";
        return switch (kind) {
            case PINNED -> name + extrasText + "==" + target;
            case DIRECT -> name + extrasText + " @ " + target;
            case URL -> target;
            case EDITABLE -> "-e " + target;
        };
    }

    /**
     * pip-compile's order: editables first, then by normalized name (or by URL when the name is
     * unknown).
     */
    String sortKey() {
        String key = PackageName.tryOf(name).map(PackageName::toString).orElse(target);
        return (kind == Kind.EDITABLE ? "0" : "1") + key;
    }
}
