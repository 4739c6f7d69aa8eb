package dev.relock.metadata;

import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifierParseException;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.Requirement;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parts of a distribution's core metadata (METADATA in wheels, PKG-INFO in sdists) that
 * resolution needs.
 *
 * <p>{@link #parse(String, String)} is lenient about real-world junk: invalid
 * {@code Requires-Dist} / {@code Requires-Python} values are first repaired (see the package
 * documentation), and otherwise dropped with a message in {@link #warnings()}; the raw text of
 * dropped requirements is kept in {@link #invalidRequiresDist()} so callers can refuse to trust
 * an incomplete dependency list. Only a missing or invalid {@code Name} or {@code Version} is an
 * error.
 *
 * @param metadataVersion the {@code Metadata-Version} as written ({@code 1.0} when absent)
 * @param name the normalized project name
 * @param version the version
 * @param requiresDist the dependencies that could be parsed, in file order
 * @param requiresPython the {@code Requires-Python} specifiers, empty when absent, blank or unparseable
 * @param providesExtra the declared extras, in file order, without duplicates
 * @param dynamic the lower-cased field names listed as {@code Dynamic} (metadata 2.2+)
 * @param projectUrls {@code Project-URL} entries, label to URL, in file order (first wins)
 * @param summary the one-line summary, if present and not blank
 * @param warnings human-readable notes about repaired or ignored values, each prefixed with the source name
 * @param invalidRequiresDist the raw {@code Requires-Dist} values that could not be parsed even leniently
 */
public record CoreMetadata(
        String metadataVersion,
        PackageName name,
        Version version,
        List<Requirement> requiresDist,
        Optional<VersionSpecifiers> requiresPython,
        List<ExtraName> providesExtra,
        Set<String> dynamic,
        Map<String, String> projectUrls,
        Optional<String> summary,
        List<String> warnings,
        List<String> invalidRequiresDist) {

    /** Makes defensive, unmodifiable copies that keep the given order. */
    public CoreMetadata {
        requiresDist = List.copyOf(requiresDist);
        providesExtra = List.copyOf(providesExtra);
        dynamic = Collections.unmodifiableSet(new LinkedHashSet<>(dynamic));
        projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
        warnings = List.copyOf(warnings);
        invalidRequiresDist = List.copyOf(invalidRequiresDist);
    }

    /**
     * Parses raw METADATA / PKG-INFO bytes. They should be UTF-8; invalid bytes are replaced by
     * U+FFFD with a warning rather than failing. A leading byte order mark is ignored.
     *
     * @param sourceName where the bytes came from, used in warnings and errors
     * @throws InvalidMetadataException when {@code Name} or {@code Version} is missing or invalid
     */
    public static CoreMetadata parse(byte[] bytes, String sourceName) {
        String text;
        List<String> decodeWarnings = new ArrayList<>();
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            decodeWarnings.add(sourceName + ": not valid UTF-8; undecodable bytes were replaced");
        }
        return parse(text, sourceName, decodeWarnings);
    }

    /**
     * Parses METADATA / PKG-INFO text.
     *
     * @param sourceName where the text came from, used in warnings and errors
     * @throws InvalidMetadataException when {@code Name} or {@code Version} is missing or invalid
     */
    public static CoreMetadata parse(String text, String sourceName) {
        return parse(text, sourceName, List.of());
    }

    /**
     * Whether an sdist's PKG-INFO can be trusted for dependencies without building it: metadata
     * version 2.2 or later (PEP 643) with neither {@code Requires-Dist} nor {@code Requires-Python}
     * marked {@code Dynamic}.
     */
    public boolean dependenciesAreStatic() {
        return atLeast22(metadataVersion) && !dynamic.contains("requires-dist") && !dynamic.contains("requires-python");
    }

    private static CoreMetadata parse(String text, String sourceName, List<String> initialWarnings) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        HeaderBlock block = HeaderBlock.parse(text);
        List<String> warnings = new ArrayList<>(initialWarnings);
        block.warnings().forEach(w -> warnings.add(sourceName + ": " + w));

        Map<String, String> single = new LinkedHashMap<>();
        List<Requirement> requiresDist = new ArrayList<>();
        List<String> invalidRequiresDist = new ArrayList<>();
        Set<ExtraName> extras = new LinkedHashSet<>();
        Set<String> dynamic = new LinkedHashSet<>();
        Map<String, String> urls = new LinkedHashMap<>();

        for (HeaderBlock.Field field : block.fields()) {
            String value = field.value();
            switch (field.name()) {
                case "metadata-version", "name", "version", "summary", "requires-python" -> {
                    if (single.putIfAbsent(field.name(), value) != null) {
                        warnings.add(sourceName + ": repeated " + field.name() + " '" + value + "' ignored");
                    }
                }
                case "requires-dist" -> {
                    Optional<Requirement> requirement =
                            lenient(value, true, Requirement::tryParse, "Requires-Dist", sourceName, warnings);
                    if (requirement.isPresent()) {
                        requiresDist.add(requirement.get());
                    } else {
                        invalidRequiresDist.add(value);
                    }
                }
                case "provides-extra" -> {
                    Optional<ExtraName> extra = ExtraName.tryOf(value);
                    if (extra.isPresent()) {
                        extras.add(extra.get());
                    } else {
                        warnings.add(sourceName + ": ignored invalid Provides-Extra '" + value + "'");
                    }
                }
                case "dynamic" -> dynamic.add(value.toLowerCase(Locale.ROOT));
                case "project-url" -> {
                    int comma = value.indexOf(',');
                    if (comma < 0) {
                        warnings.add(sourceName + ": ignored Project-URL without 'label, url': '" + value + "'");
                    } else {
                        urls.putIfAbsent(value.substring(0, comma).strip(), value.substring(comma + 1).strip());
                    }
                }
                default -> {
                    // Fields relock does not use (Description, Classifier, Author, ...).
                }
            }
        }

        String metadataVersion = single.get("metadata-version");
        if (metadataVersion == null || metadataVersion.isEmpty()) {
            warnings.add(sourceName + ": no Metadata-Version; assuming 1.0");
            metadataVersion = "1.0";
        }
        String rawName = required(single, "name", "Name", sourceName);
        PackageName name = PackageName.tryOf(rawName).orElseThrow(
                () -> new InvalidMetadataException(sourceName, "invalid Name '" + rawName + "'"));
        String rawVersion = required(single, "version", "Version", sourceName);
        Version version = Version.tryParse(rawVersion).orElseThrow(
                () -> new InvalidMetadataException(sourceName, "invalid Version '" + rawVersion + "'"));

        Optional<VersionSpecifiers> requiresPython = Optional.empty();
        String rawRequiresPython = single.get("requires-python");
        if (rawRequiresPython != null && !rawRequiresPython.isBlank()) {
            requiresPython = lenient(rawRequiresPython, false, CoreMetadata::trySpecifiers, "Requires-Python",
                    sourceName, warnings);
        }
        Optional<String> summary = Optional.ofNullable(single.get("summary")).filter(s -> !s.isBlank());
        return new CoreMetadata(metadataVersion, name, version, requiresDist, requiresPython, List.copyOf(extras),
                dynamic, urls, summary, warnings, invalidRequiresDist);
    }

    private static String required(Map<String, String> single, String key, String field, String sourceName) {
        String value = single.get(key);
        if (value == null || value.isEmpty()) {
            throw new InvalidMetadataException(sourceName, "missing required field '" + field + "'");
        }
        return value;
    }

    private static <T> Optional<T> lenient(String value, boolean skipName, Function<String, Optional<T>> parser,
            String field, String sourceName, List<String> warnings) {
        Optional<T> parsed = parser.apply(value);
        if (parsed.isPresent()) {
            return parsed;
        }
        Optional<LenientFixups.Repaired<T>> repaired = LenientFixups.repair(value, skipName, parser);
        if (repaired.isPresent()) {
            warnings.add(sourceName + ": invalid " + field + " '" + value + "' read as '" + repaired.get().text()
                    + "' (" + repaired.get().description() + ")");
            return Optional.of(repaired.get().value());
        }
        warnings.add(sourceName + ": ignored invalid " + field + " '" + value + "'");
        return Optional.empty();
    }

    private static Optional<VersionSpecifiers> trySpecifiers(String text) {
        try {
            return Optional.of(VersionSpecifiers.parse(text));
        } catch (VersionSpecifierParseException e) {
            return Optional.empty();
        }
    }

    private static boolean atLeast22(String metadataVersion) {
        String[] parts = metadataVersion.strip().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 2 || (major == 2 && minor >= 2);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
