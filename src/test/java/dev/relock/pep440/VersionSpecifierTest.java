package dev.relock.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionSpecifierTest {

    @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        " >= 1.0 | >=1.0",
        "==1.0.0|==1.0.0",
        "== v1.0-1|==1.0.post1",
        "==1.2.*|==1.2.*",
        "!= 1!2.0.*|!=1!2.0.*",
        "~=1.4.5a|~=1.4.5a0",
        "<2.0DEV|<2.0.dev0",
        ">1.0_rc_1|>1.0rc1",
        "==1.0+Local.01|==1.0+local.1",
        "=== FooBar |===FooBar",
    })
    void specifiersPrintNormalized(String input, String printed) {
        VersionSpecifier spec = VersionSpecifier.parse(input);
        assertThat(spec).hasToString(printed);
        assertThat(VersionSpecifier.parse(printed)).isEqualTo(spec).hasSameHashCodeAs(spec);
    }

    @Test
    void wildcardAndArbitraryOperatorsKeepTheirParts() {
        VersionSpecifier star = VersionSpecifier.parse("!=1.2.*");
        assertThat(star.operator()).isEqualTo(Operator.NOT_EQUAL_STAR);
        assertThat(star.operator().isWildcard()).isTrue();
        assertThat(star.version()).contains(Version.parse("1.2"));
        assertThat(star.versionText()).isEqualTo("1.2.*");

        VersionSpecifier arbitrary = VersionSpecifier.parse("===foobar");
        assertThat(arbitrary.operator()).isEqualTo(Operator.ARBITRARY);
        assertThat(arbitrary.version()).isEmpty();
        assertThat(arbitrary.versionText()).isEqualTo("foobar");
        assertThat(VersionSpecifier.parse("===1.0").version()).contains(Version.parse("1.0"));
    }

    @Test
    void equalityFollowsVersionEqualityExceptForCompatibleRelease() {
        assertThat(VersionSpecifier.parse("==1.0")).isEqualTo(VersionSpecifier.parse("==1.0.0"));
        assertThat(VersionSpecifier.parse("~=1.0")).isNotEqualTo(VersionSpecifier.parse("~=1.0.0"));
        assertThat(VersionSpecifier.parse("==1.0")).isNotEqualTo(VersionSpecifier.parse(">=1.0"));
        assertThat(VersionSpecifier.parse("===ABC")).isEqualTo(VersionSpecifier.parse("===abc"));
    }

    @Test
    void factoriesBuildTheSameSpecifiersAsParsing() {
        assertThat(VersionSpecifier.of(Operator.GREATER_THAN_EQUAL, Version.of(1, 2)))
                .isEqualTo(VersionSpecifier.parse(">=1.2"));
        assertThat(VersionSpecifier.of(Operator.EQUAL_STAR, Version.of(3, 9))).hasToString("==3.9.*");
        assertThat(VersionSpecifier.arbitrary("foo")).isEqualTo(VersionSpecifier.parse("===foo"));
        assertThatThrownBy(() -> VersionSpecifier.of(Operator.TILDE_EQUAL, Version.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionSpecifier.of(Operator.LESS_THAN, Version.parse("1.0+x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionSpecifier.of(Operator.EQUAL_STAR, Version.parse("1.0a1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionSpecifier.of(Operator.ARBITRARY, Version.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionSpecifier.of(Operator.LESS_THAN, Version.of(1).afterLocals()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionSpecifier.arbitrary("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> namesPrerelease() {
        return Stream.of(
                Arguments.of(">=1.0a1", true),
                Arguments.of("<2.0.dev0", true),
                Arguments.of("==1.0rc1", true),
                Arguments.of("~=1.0b1", true),
                Arguments.of("===1.0a1", true),
                Arguments.of("!=1.0a1", false),
                Arguments.of("==1.*", false),
                Arguments.of(">=1.0", false),
                Arguments.of("<=1.0.post1", false),
                Arguments.of("===foobar", false));
    }

    @ParameterizedTest(name = "{0} names a pre-release: {1}")
    @MethodSource("namesPrerelease")
    void onlyInclusiveMentionsOfPrereleasesOptIn(String spec, boolean expected) {
        assertThat(VersionSpecifier.parse(spec).namesPrerelease()).isEqualTo(expected);
        assertThat(VersionSpecifiers.parse(spec).namesPrerelease()).isEqualTo(expected);
    }

    static Stream<Arguments> setErrors() {
        return Stream.of(
                Arguments.of(">=1.0,~=1", 8, "at least two numbers"),
                Arguments.of(">=1.0, <=2.0, foo", 14, "expected an operator"),
                Arguments.of(">=1.0,<1.0+local", 10, "local version labels"),
                Arguments.of(">=1.0,<=", 8, "expected a version after '<='"),
                Arguments.of("==1.0.*.5", 7, "unexpected character '.'"),
                Arguments.of(">=1.0.*", 5, "only allowed with == and !="),
                Arguments.of("==1.0a1.*", 7, "unexpected character '.'"),
                Arguments.of("===a;b", 4, "unexpected character ';'"),
                Arguments.of("=>2.0", 0, "expected an operator"));
    }

    @ParameterizedTest(name = "\"{0}\" fails at offset {1}: {2}")
    @MethodSource("setErrors")
    void setParseErrorsPointIntoTheWholeText(String text, int offset, String reason) {
        assertThatThrownBy(() -> VersionSpecifiers.parse(text))
                .isInstanceOfSatisfying(VersionSpecifierParseException.class, e -> {
                    assertThat(e.input()).isEqualTo(text);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    @Test
    void setsPrintSortedWithoutDuplicatesAndKeepTheirOrderOtherwise() {
        VersionSpecifiers set = VersionSpecifiers.parse(" <2 , >=1.0,, !=1.5, >=1.0.0 ");
        assertThat(set).hasToString("!=1.5,<2,>=1.0,>=1.0.0");
        assertThat(set.specifiers()).map(VersionSpecifier::toString)
                .containsExactly("<2", ">=1.0", "!=1.5", ">=1.0.0");
        assertThat(set).isEqualTo(VersionSpecifiers.parse(">=1.0.0,!=1.5,<2,>=1.0"));
        assertThat(VersionSpecifiers.parse("")).isSameAs(VersionSpecifiers.ANY);
        assertThat(VersionSpecifiers.parse(" , ").isAny()).isTrue();
        assertThat(VersionSpecifiers.ANY).hasToString("");
    }

    @Test
    void andCombinesSpecifiersAndPrereleaseChoices() {
        VersionSpecifiers a = VersionSpecifiers.parse(">=1.0").withPrereleases(Optional.of(true));
        VersionSpecifiers b = VersionSpecifiers.parse("<2.0");
        VersionSpecifiers both = a.and(b);
        assertThat(both).hasToString("<2.0,>=1.0");
        assertThat(both.prereleases()).contains(true);
        assertThat(both.contains(Version.parse("1.5a1"))).isTrue();
        assertThatThrownBy(() -> a.and(b.withPrereleases(Optional.of(false))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filterWorksOnItemsCarryingVersions() {
        record Candidate(String file, Version version) {}
        List<Candidate> candidates = List.of(
                new Candidate("a-1.0.tar.gz", Version.parse("1.0")),
                new Candidate("a-2.0b1.tar.gz", Version.parse("2.0b1")),
                new Candidate("a-1.5.tar.gz", Version.parse("1.5")));
        VersionSpecifiers set = VersionSpecifiers.parse(">=1.2");
        assertThat(set.filter(candidates, Candidate::version, Optional.empty())).map(Candidate::file)
                .containsExactly("a-1.5.tar.gz");
        assertThat(set.filter(candidates, Candidate::version, Optional.of(true))).map(Candidate::file)
                .containsExactly("a-2.0b1.tar.gz", "a-1.5.tar.gz");
        assertThat(VersionSpecifiers.parse(">=1.8").filter(candidates.stream().map(Candidate::version).toList()))
                .containsExactly(Version.parse("2.0b1"));
    }

    static Stream<Arguments> prereleaseOnlySets() {
        return Stream.of(
                Arguments.of(">=1.0a1,<1.0a5", false),
                Arguments.of(">=1.0a1,<=1.0", true),
                Arguments.of(">1.0a1,<1.0rc1", false),
                Arguments.of(">=1.0.dev0,<1.0.dev5", false),
                Arguments.of(">1.0.post0.dev0,<=1.0.post0.dev5", false),
                Arguments.of(">1.0.dev0,<1.0.post1", true),
                Arguments.of(">=1.0.post0.dev0,<=1.0.post0", true),
                Arguments.of("==1.0a1", false),
                Arguments.of("===1.0a1", false),
                Arguments.of("===1.0", true),
                Arguments.of(">1.0,<1.1", true),
                Arguments.of("<0.1", true));
    }

    @ParameterizedTest(name = "\"{0}\" without pre-releases is satisfiable: {1}")
    @MethodSource("prereleaseOnlySets")
    void forbiddingPrereleasesCanMakeASetUnsatisfiable(String spec, boolean satisfiable) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        assertThat(set.isSatisfiable()).as("with pre-releases").isTrue();
        assertThat(set.withPrereleases(Optional.of(false)).isSatisfiable()).isEqualTo(satisfiable);
    }

    /**
     * Sets whose only candidates fall into gaps between real versions. packaging 26.2 calls these
     * satisfiable because it orders two boundaries by their base versions alone; its own
     * {@code contains} accepts none of the versions around the gap.
     */
    @ParameterizedTest(name = "\"{0}\" is unsatisfiable")
    @CsvSource(delimiter = '|', value = {
        "==1.0.post0,>1.0",
        "==1.0.post0.dev1,>1.0",
        "==1.0a1.post0,>1.0a1",
        "<=1.0.post1,>1.0",
        "<=0.post0,>0",
        "<1.0a2.dev0,>1.0a1",
    })
    void setsWithOnlyExcludedPostReleasesInRangeAreUnsatisfiable(String spec) {
        VersionSpecifiers set = VersionSpecifiers.parse(spec);
        assertThat(set.isUnsatisfiable()).isTrue();
        List<Version> near = Stream.of("0", "0.post0", "0+x", "1.0", "1.0+x", "1.0.post0", "1.0.post0.dev1",
                "1.0.post1", "1.0.post1+x", "1.0a1", "1.0a1+x", "1.0a1.post0", "1.0a1.post9.dev2", "1.0a2.dev0")
                .map(Version::parse).toList();
        assertThat(near).noneMatch(v -> set.contains(v, Optional.of(true)));
    }

    @Test
    void emptySetMatchesEverythingButFiltersPrereleasesByDefault() {
        Version pre = Version.parse("2.0a1");
        assertThat(VersionSpecifiers.ANY.contains(pre)).isTrue();
        assertThat(VersionSpecifiers.ANY.contains(pre, Optional.of(false))).isFalse();
        assertThat(VersionSpecifiers.ANY.filter(List.of(Version.of(1), pre))).containsExactly(Version.of(1));
        assertThat(VersionSpecifiers.ANY.isSatisfiable()).isTrue();
        assertThat(VersionSpecifiers.ANY.toRanges().isFull()).isTrue();
    }

    @Test
    void rangesMapOperatorsOntoBoundaries() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("==1.2.*", ">=1.2.dev0, <1.3.dev0"),
                Map.entry("!=1.2.*", "<1.2.dev0 | >=1.3.dev0"),
                Map.entry("~=1.4.2", ">=1.4.2, <1.5.dev0"),
                Map.entry("~=2.2.post3", ">=2.2.post3, <3.dev0"),
                Map.entry("==1.0", ">=1.0, <=1.0+<after-locals>"),
                Map.entry("==1.0+abc", "==1.0+abc"),
                Map.entry("!=1.0", "<1.0 | >1.0+<after-locals>"),
                Map.entry("<1.0", "<1.0.dev0"),
                Map.entry("<1.0.post2", "<1.0.post2.dev0"),
                Map.entry("<1.0rc1", "<1.0rc1"),
                Map.entry("<=1.0", "<=1.0+<after-locals>"),
                Map.entry(">1.0", ">1.0.<after-posts>"),
                Map.entry(">1.0b2", ">1.0b2.<after-posts>"),
                Map.entry(">1.0.post1", ">1.0.post1+<after-locals>"),
                Map.entry(">1.0.dev1", ">1.0.dev1+<after-locals>"),
                Map.entry(">=1.0", ">=1.0"),
                Map.entry("===1.0", "==1.0"),
                Map.entry("===foobar", "∅"));
        expected.forEach((spec, ranges) ->
                assertThat(VersionSpecifier.parse(spec).toRanges()).as(spec).hasToString(ranges));
        assertThat(VersionSpecifiers.parse(">=1.0,!=1.5.*,<2").toRanges())
                .hasToString(">=1.0, <1.5.dev0 | >=1.6.dev0, <2.dev0");
    }
}
