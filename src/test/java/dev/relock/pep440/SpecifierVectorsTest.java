package dev.relock.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** pypa/packaging's specifier vectors, all of them, plus the range bridge checked against them. */
class SpecifierVectorsTest {

    static Stream<Arguments> contains() {
        return Vectors.list("specifier", "contains").stream().map(n -> Arguments.of(
                n.get("spec_str").asText(), n.get("version").asText(), n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @MethodSource("contains")
    void specifierContainsVersionsIgnoringPrereleasePolicy(String spec, String version, boolean expected) {
        VersionSpecifier s = VersionSpecifier.parse(spec);
        Version v = Version.parse(version);
        assertThat(s.contains(v)).isEqualTo(expected);
        assertThat(s.toRanges().contains(v)).as("ranges %s", s.toRanges()).isEqualTo(expected);
        assertThat(VersionSpecifier.parse(s.toString())).isEqualTo(s);
    }

    static List<String> invalid() {
        return Vectors.strings("specifier", "invalid");
    }

    @ParameterizedTest(name = "\"{0}\" is not a specifier")
    @MethodSource("invalid")
    void invalidSpecifiersAreRejectedWithAnOffset(String spec) {
        assertThatThrownBy(() -> VersionSpecifier.parse(spec))
                .isInstanceOfSatisfying(VersionSpecifierParseException.class, e -> {
                    assertThat(e.input()).isEqualTo(spec);
                    assertThat(e.offset()).isBetween(0, spec.length());
                    assertThat(e.offset() + e.length()).isBetween(0, spec.length());
                });
        assertThatThrownBy(() -> VersionSpecifiers.parse(">=0," + spec))
                .isInstanceOfSatisfying(VersionSpecifierParseException.class,
                        e -> assertThat(e.offset()).isGreaterThanOrEqualTo(4));
    }

    static Stream<Arguments> prereleases() {
        return Vectors.list("specifier", "prereleases").stream().map(n -> Arguments.of(
                n.get("specifier").asText(), n.get("version").asText(),
                Vectors.optionalBoolean(n.get("spec_pre")), Vectors.optionalBoolean(n.get("contains_pre")),
                n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} (prereleases {2}) contains {1} (prereleases {3}): {4}")
    @MethodSource("prereleases")
    void prereleaseChoicesDecideWhetherMatchingPrereleasesCount(
            String spec, String version, Optional<Boolean> specPre, Optional<Boolean> containsPre, boolean expected) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec).withPrereleases(specPre);
        assertThat(set.contains(Version.parse(version), containsPre)).isEqualTo(expected);
    }

    static Stream<Arguments> arbitraryEquality() {
        return Vectors.list("specifier", "arbitrary_equality").stream().map(n -> Arguments.of(
                n.get("spec_str").asText(), n.get("version").asText(), n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} matches \"{1}\": {2}")
    @MethodSource("arbitraryEquality")
    void arbitraryEqualityComparesTextIgnoringCase(String spec, String version, boolean expected) {
        VersionSpecifier s = VersionSpecifier.parse(spec);
        assertThat(s.matchesString(version)).isEqualTo(expected);
        assertThat(VersionSpecifiers.parse(spec).filterStrings(List.of(version), Optional.empty()))
                .isEqualTo(expected ? List.of(version) : List.of());
    }

    static Stream<Arguments> setContainsBridges() {
        return Vectors.list("specifier", "set_contains_bridges").stream().map(n -> Arguments.of(
                n.get("specifier").asText(), n.get("version").asText(),
                Vectors.optionalBoolean(n.get("prereleases")), n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} contains {1} (prereleases {2}): {3}")
    @MethodSource("setContainsBridges")
    void specifierSetsContainVersionsAcrossGaps(String spec, String version, Optional<Boolean> pre, boolean expected) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        Version v = Version.parse(version);
        assertThat(set.contains(v, pre)).isEqualTo(expected);
        if (expected) {
            assertThat(set.isSatisfiable()).isTrue();
        }
    }

    static Stream<Arguments> setContainsIgnoresLocal() {
        return Vectors.list("specifier", "set_contains_ignores_local").stream().map(n -> Arguments.of(
                n.get("specifier").asText(), n.get("version").asText(), n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @MethodSource("setContainsIgnoresLocal")
    void specifierSetsTreatLocalLabelsAsPackagingDoes(String spec, String version, boolean expected) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        Version v = Version.parse(version);
        assertThat(set.contains(v)).isEqualTo(expected);
        assertThat(set.toRanges().contains(v)).isEqualTo(expected);
    }

    static Stream<Arguments> setFilter() {
        return Vectors.list("specifier", "set_filter").stream().map(n -> Arguments.of(
                n.get("specifier").asText(), texts(n.get("input")),
                Vectors.optionalBoolean(n.get("specifier_prereleases")),
                Vectors.optionalBoolean(n.get("prereleases")), texts(n.get("expected"))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    @ParameterizedTest(name = "\"{0}\" (prereleases {2}) filters {1} (prereleases {3}) to {4}")
    @MethodSource("setFilter")
    void filterKeepsMatchesAndFallsBackToPrereleases(
            String spec, List<String> input, Optional<Boolean> setPre, Optional<Boolean> pre, List<String> expected) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec).withPrereleases(setPre);
        assertThat(set.filterStrings(input, pre)).containsExactlyElementsOf(expected);
    }

    static List<String> satisfiable() {
        return Vectors.strings("specifier", "satisfiable");
    }

    @ParameterizedTest(name = "\"{0}\" is satisfiable")
    @MethodSource("satisfiable")
    void satisfiableSetsAreRecognised(String spec) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        assertThat(set.isSatisfiable()).isTrue();
        assertThat(set.isUnsatisfiable()).isFalse();
    }

    static List<String> unsatisfiable() {
        return Vectors.strings("specifier", "unsatisfiable");
    }

    @ParameterizedTest(name = "\"{0}\" is unsatisfiable")
    @MethodSource("unsatisfiable")
    void unsatisfiableSetsAreRecognised(String spec) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        assertThat(set.isUnsatisfiable()).isTrue();
        assertThat(Vectors.allVersions()).noneMatch(v -> set.contains(v, Optional.of(true)));
    }

    /** Every specifier-set text in the vectors, without duplicates. */
    static List<String> everySet() {
        Set<String> out = new LinkedHashSet<>();
        for (String section : List.of("contains", "arbitrary_equality")) {
            Vectors.list("specifier", section).forEach(n -> out.add(n.get("spec_str").asText()));
        }
        for (String section : List.of("prereleases", "set_contains_bridges", "set_contains_ignores_local", "set_filter")) {
            Vectors.list("specifier", section).forEach(n -> out.add(n.get("specifier").asText()));
        }
        out.addAll(Vectors.strings("specifier", "satisfiable"));
        out.addAll(Vectors.strings("specifier", "unsatisfiable"));
        return List.copyOf(out);
    }

    /**
     * Sets without {@code ===}: that operator compares text, which an ordered set of versions
     * cannot express (see {@link VersionSpecifier#toRanges()}), so the range property excludes it.
     */
    static List<String> everySetWithoutArbitrary() {
        return everySet().stream().filter(t -> !t.contains("===")).toList();
    }

    /** Every specifier except {@code ===} in the vectors, split out of its set, without duplicates. */
    static List<String> everySpecifierWithoutArbitrary() {
        Set<String> single = new LinkedHashSet<>();
        for (String set : everySet()) {
            VersionSpecifiers.parse(set).specifiers().stream()
                    .filter(s -> s.operator() != Operator.ARBITRARY)
                    .forEach(s -> single.add(s.toString()));
        }
        return List.copyOf(single);
    }

    @ParameterizedTest(name = "ranges of {0} agree with contains for every vector version")
    @MethodSource("everySpecifierWithoutArbitrary")
    void rangesAgreeWithContainsOnEveryVectorVersion(String spec) {
        VersionSpecifier s = VersionSpecifier.parse(spec);
        var ranges = s.toRanges();
        assertThat(Vectors.allVersions()).allMatch(v -> ranges.contains(v) == s.contains(v));
    }

    @ParameterizedTest(name = "ranges of \"{0}\" agree with its specifiers for every vector version")
    @MethodSource("everySetWithoutArbitrary")
    void setRangesAgreeWithContainsOnEveryVectorVersion(String text) {
        VersionSpecifiers set = VersionSpecifiers.parse(text);
        var ranges = set.toRanges();
        assertThat(Vectors.allVersions()).allMatch(v -> ranges.contains(v) == set.contains(v, Optional.of(true)));
        if (set.isUnsatisfiable()) {
            assertThat(Vectors.allVersions()).noneMatch(ranges::contains);
        }
    }
}
