package dev.relock.pep508;

import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.VersionSpecifierParseException;
import dev.relock.pep440.VersionSpecifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A PEP 508 dependency specifier such as {@code requests[socks]>=2.31; python_version >= "3.8"}
 * or {@code pkg @ https://example.org/pkg.whl ; sys_platform == "linux"}.
 *
 * <p>{@link #extras()} is sorted by normalized name and free of duplicates. A requirement has
 * either a {@link #url()} or {@link #specifiers()} (possibly empty), never both. A missing marker is
 * {@link MarkerTree#TRUE}. {@link #toString()} is packaging's {@code str(Requirement(...))} with the
 * name and extras normalized: {@code name[extra,...]specifiers}, or {@code name @ url} followed by
 * a space before {@code ;} when there is a marker, then {@code ; marker}.
 *
 * @param name the project name
 * @param extras the requested extras
 * @param specifiers the version constraints; empty when none (and always for URL requirements)
 * @param url the direct reference after {@code @}, verbatim
 * @param marker when the requirement applies
 */
public record Requirement(
        PackageName name,
        List<ExtraName> extras,
        VersionSpecifiers specifiers,
        Optional<String> url,
        MarkerTree marker) {

    public Requirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specifiers, "specifiers");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(marker, "marker");
        TreeMap<String, ExtraName> sorted = new TreeMap<>();
        extras.forEach(extra -> sorted.putIfAbsent(extra.toString(), extra));
        extras = List.copyOf(sorted.values());
        if (url.isPresent() && (url.get().isEmpty() || !specifiers.isAny())) {
            throw new IllegalArgumentException("a URL requirement needs a URL and no version specifiers");
        }
    }

    /**
     * Parses one dependency specifier. Comments are not part of PEP 508: strip them first.
     *
     * @throws Pep508Exception with the offending span when {@code requirement} is not valid
     */
    public static Requirement parse(String requirement) {
        Pep508Parser.ParsedRequirement parsed = Pep508Parser.parseRequirement(requirement);
        PackageName name = PackageName.tryOf(parsed.name().text()).orElseThrow(() -> new Pep508Exception(
                "Invalid package name '" + parsed.name().text() + "'", requirement,
                parsed.name().start(), parsed.name().text().length()));
        List<ExtraName> extras = new ArrayList<>();
        for (Pep508Parser.Token extra : parsed.extras()) {
            extras.add(ExtraName.tryOf(extra.text()).orElseThrow(() -> new Pep508Exception(
                    "Invalid extra name '" + extra.text() + "'", requirement, extra.start(), extra.text().length())));
        }
        VersionSpecifiers specifiers;
        try {
            specifiers = VersionSpecifiers.parse(String.join(",", parsed.specifiers()));
        } catch (VersionSpecifierParseException invalid) {
            throw new Pep508Exception("Invalid version specifier: " + invalid.getMessage(), requirement,
                    parsed.specifierStart(), parsed.specifierEnd() - parsed.specifierStart());
        }
        return new Requirement(name, extras, specifiers, parsed.url(),
                parsed.marker().map(MarkerTree::of).orElse(MarkerTree.TRUE));
    }

    /** The requirement in {@code requirement}, or empty if it is not a valid dependency specifier. */
    public static Optional<Requirement> tryParse(String requirement) {
        try {
            return Optional.of(parse(requirement));
        } catch (Pep508Exception invalid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name.toString());
        if (!extras.isEmpty()) {
            text.append('[');
            text.append(String.join(",", extras.stream().map(ExtraName::toString).toList()));
            text.append(']');
        }
        text.append(specifiers);
        if (url.isPresent()) {
            text.append(" @ ").append(url.get());
            if (!marker.isTrue()) {
                text.append(' ');
            }
        }
        if (!marker.isTrue()) {
            text.append("; ").append(marker);
        }
        return text.toString();
    }
}
