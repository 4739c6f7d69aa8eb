package dev.relock.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** pypa/packaging's version vectors, all of them. */
class VersionVectorsTest {
    static final List<String> ASCENDING = Vectors.strings("version", "ascending");

    @Test
    void ascendingVersionsCompareInListOrderPairwise() {
        List<Version> parsed = ASCENDING.stream().map(Version::parse).toList();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Version v = parsed.get(i);
            for (int j = 0; j < parsed.size(); j++) {
                Version w = parsed.get(j);
                if (Integer.signum(v.compareTo(w)) != Integer.compare(i, j)
                        || v.equals(w) != (i == j)
                        || (i == j && v.hashCode() != w.hashCode())) {
                    wrong.add(v + " vs " + w);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shuffledAscendingVersionsSortBackIntoOrder() {
        List<Version> shuffled = new ArrayList<>(ASCENDING.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new Random(440));
        Collections.sort(shuffled);
        assertThat(shuffled).map(Version::toString)
                .containsExactlyElementsOf(ASCENDING.stream().map(s -> Version.parse(s).toString()).toList());
    }

    static Stream<Arguments> normalized() {
        return Vectors.list("version", "normalized").stream()
                .map(n -> Arguments.of(n.get("version").asText(), n.get("normalized").asText()));
    }

    @ParameterizedTest(name = "{0} normalizes to {1}")
    @MethodSource("normalized")
    void versionsNormalizeLikePackaging(String input, String normalized) {
        Version v = Version.parse(input);
        assertThat(v).hasToString(normalized);
        assertThat(Version.parse(normalized)).isEqualTo(v).hasToString(normalized);
    }

    static Stream<Arguments> str() {
        return Vectors.list("version", "str").stream()
                .map(n -> Arguments.of(n.get("version").asText(), n.get("expected").asText()));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @MethodSource("str")
    void versionsPrintLikePackaging(String input, String expected) {
        assertThat(Version.parse(input)).hasToString(expected);
    }

    static Stream<Arguments> baseVersion() {
        return Vectors.list("version", "base_version").stream()
                .map(n -> Arguments.of(n.get("version").asText(), n.get("base_version").asText()));
    }

    @ParameterizedTest(name = "base version of {0} is {1}")
    @MethodSource("baseVersion")
    void baseVersionKeepsEpochAndReleaseOnly(String input, String expected) {
        assertThat(Version.parse(input).baseVersion()).hasToString(expected);
    }

    static Stream<Arguments> publicVersion() {
        return Vectors.list("version", "public").stream()
                .map(n -> Arguments.of(n.get("version").asText(), n.get("public").asText()));
    }

    @ParameterizedTest(name = "public version of {0} is {1}")
    @MethodSource("publicVersion")
    void publicVersionDropsTheLocalLabel(String input, String expected) {
        assertThat(Version.parse(input).publicVersion()).hasToString(expected);
    }

    static Stream<Arguments> isPrerelease() {
        return Vectors.list("version", "is_prerelease").stream()
                .map(n -> Arguments.of(n.get("version").asText(), n.get("expected").asBoolean()));
    }

    @ParameterizedTest(name = "{0} is a pre-release: {1}")
    @MethodSource("isPrerelease")
    void preReleasesAreRecognised(String input, boolean expected) {
        assertThat(Version.parse(input).isPrerelease()).isEqualTo(expected);
    }

    static List<String> invalid() {
        return Vectors.strings("version", "invalid");
    }

    @ParameterizedTest(name = "\"{0}\" is not a version")
    @MethodSource("invalid")
    void invalidVersionsAreRejected(String input) {
        assertThat(Version.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOfSatisfying(VersionParseException.class, e -> {
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e.offset()).isBetween(0, input.length());
                    assertThat(e.getMessage()).contains(input);
                });
    }
}
