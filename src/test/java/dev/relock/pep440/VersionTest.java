package dev.relock.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VersionTest {

    @Test
    void accessorsExposeEveryPart() {
        Version v = Version.parse(" V2!1.02.3-Preview.4_rev5.DEV6+Ubuntu-007.x ");
        assertThat(v).hasToString("2!1.2.3rc4.post5.dev6+ubuntu.7.x");
        assertThat(v.epoch()).isEqualTo(2);
        assertThat(v.release()).containsExactly(1L, 2L, 3L);
        assertThat(v.releaseLength()).isEqualTo(3);
        assertThat(v.pre()).contains(new Pre(PreKind.RC, 4));
        assertThat(v.post()).isEqualTo(OptionalLong.of(5));
        assertThat(v.dev()).isEqualTo(OptionalLong.of(6));
        assertThat(v.local()).containsExactly(
                new LocalSegment("ubuntu", false), new LocalSegment("7", true), new LocalSegment("x", false));
        assertThat(v.localLabel()).contains("ubuntu.7.x");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.isPostrelease()).isTrue();
        assertThat(v.isDevrelease()).isTrue();
        assertThat(v.isLocal()).isTrue();
        assertThat(v.isBoundary()).isFalse();
        assertThat(v.baseVersion()).hasToString("2!1.2.3");
        assertThat(v.publicVersion()).hasToString("2!1.2.3rc4.post5.dev6");
        assertThat(v.major()).isEqualTo(1);
        assertThat(v.minor()).isEqualTo(2);
        assertThat(v.micro()).isEqualTo(3);
    }

    @Test
    void aFinalReleaseHasNoOptionalParts() {
        Version v = Version.of(3, 12);
        assertThat(v).hasToString("3.12").isEqualTo(Version.parse("3.12.0"));
        assertThat(v.pre()).isEmpty();
        assertThat(v.post()).isEmpty();
        assertThat(v.dev()).isEmpty();
        assertThat(v.local()).isEmpty();
        assertThat(v.localLabel()).isEmpty();
        assertThat(v.micro()).isZero();
        assertThat(v.releaseAt(7)).isZero();
        assertThat(v.isPrerelease() || v.isPostrelease() || v.isDevrelease() || v.isLocal()).isFalse();
    }

    @Test
    void ofRejectsEmptyAndNegativeReleases() {
        assertThatThrownBy(Version::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> equalSpellings() {
        return Stream.of(
                Arguments.of("1.0", "1.0.0.0"),
                Arguments.of("1", "1.0"),
                Arguments.of("0!1.0", "1"),
                Arguments.of("1.0a", "1.0.alpha.0"),
                Arguments.of("1.0c1", "1.0rc1"),
                Arguments.of("1.0-1", "1.0.post1"),
                Arguments.of("1.0r", "1.0.post0"),
                Arguments.of("1.0+ab.01", "1.0.0+AB-1"),
                Arguments.of("v1.0", "1.0"));
    }

    @ParameterizedTest(name = "{0} equals {1} with the same hash")
    @MethodSource("equalSpellings")
    void equalVersionsHaveEqualHashes(String a, String b) {
        Version x = Version.parse(a);
        Version y = Version.parse(b);
        assertThat(x).isEqualTo(y);
        assertThat(x.compareTo(y)).isZero();
        assertThat(x.hashCode()).isEqualTo(y.hashCode());
    }

    @Test
    void trailingZerosAreKeptWhenPrinting() {
        assertThat(Version.parse("1.0.0")).hasToString("1.0.0");
        assertThat(Version.parse("1.0.0").baseVersion()).hasToString("1.0.0");
    }

    static Stream<Arguments> localOrdering() {
        return Stream.of(
                Arguments.of("1.0", "1.0+a"),
                Arguments.of("1.0+a", "1.0+b"),
                Arguments.of("1.0+abc", "1.0+abd"),
                Arguments.of("1.0+z", "1.0+0"),
                Arguments.of("1.0+9", "1.0+10"),
                Arguments.of("1.0+a", "1.0+a.0"),
                Arguments.of("1.0+a.b", "1.0+a.1"),
                Arguments.of("1.0+99999999999999999999998", "1.0+99999999999999999999999"),
                Arguments.of("1.0+1.a", "1.0+2"),
                Arguments.of("1.0+999", "1.0.post0.dev0"));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @MethodSource("localOrdering")
    void localLabelsOrderNumericAboveAlphanumericSegments(String lower, String higher) {
        assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
        assertThat(Version.parse(higher)).isGreaterThan(Version.parse(lower));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", 0, "expected a release number"),
                Arguments.of("   ", 3, "expected a release number"),
                Arguments.of("french toast", 0, "expected a release number"),
                Arguments.of("1.0+", 4, "local version label"),
                Arguments.of("1.0+a.", 6, "local version label"),
                Arguments.of("1!", 2, "after the epoch"),
                Arguments.of("1.0 junk", 4, "unexpected character 'j'"),
                Arguments.of("1.0.", 3, "unexpected character '.'"),
                Arguments.of("1.0-", 3, "unexpected character '-'"),
                Arguments.of("1.0.*", 3, "unexpected character '.'"),
                Arguments.of("1.2.3prevıew1", 8, "unexpected character 'v'"),
                Arguments.of("1.0+İ", 4, "local version label"),
                Arguments.of("1.99999999999999999999", 2, "number is too large"));
    }

    @ParameterizedTest(name = "\"{0}\" fails at offset {1}: {2}")
    @MethodSource("errors")
    void parseErrorsPointAtTheOffendingCharacter(String input, int offset, String reason) {
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOfSatisfying(VersionParseException.class, e -> {
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains(reason);
                    assertThat(e.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
                });
        assertThat(Version.tryParse(input)).isEmpty();
    }

    @Test
    void tryParseAcceptsNullAsInvalid() {
        assertThat(Version.tryParse(null)).isEmpty();
    }

    @Test
    void boundariesSortBetweenTheRealVersionsTheyDescribe() {
        Version v = Version.parse("1.0");
        List<Version> ascending = List.of(
                Version.parse("1.0rc1.post9"), v, Version.parse("1.0+zzz.999"), v.afterLocals(),
                Version.parse("1.0.post0.dev0"), Version.parse("1.0.post99+x"), v.afterPosts(),
                Version.parse("1.0.0.0.1.dev0"));
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(ascending.get(i)).as("position %d", i).isLessThan(ascending.get(i + 1));
        }
        Version a1 = Version.parse("1.0a1");
        assertThat(a1.afterPosts()).isGreaterThan(Version.parse("1.0a1.post5.dev1+x"))
                .isLessThan(Version.parse("1.0a2.dev0"));
        assertThat(a1.afterPosts().leastVersionAbove()).contains(Version.parse("1.0a2.dev0"));
        assertThat(v.afterLocals().leastVersionAbove()).contains(Version.parse("1.0.post0.dev0"));
        assertThat(Version.parse("1.0.dev3").afterLocals().leastVersionAbove()).contains(Version.parse("1.0.dev4"));
        assertThat(v.afterPosts().leastVersionAbove()).isEmpty();
    }

    @Test
    void boundariesPrintRecognisablyAndNeverParse() {
        Version v = Version.parse("1.0");
        assertThat(v.afterLocals()).hasToString("1.0+<after-locals>");
        assertThat(v.afterPosts()).hasToString("1.0.<after-posts>");
        assertThat(v.afterLocals().isBoundary()).isTrue();
        assertThat(v.afterLocals()).isNotEqualTo(v).isNotEqualTo(v.afterPosts());
        assertThat(Version.tryParse(v.afterLocals().toString())).isEmpty();
        assertThat(Version.tryParse(v.afterPosts().toString())).isEmpty();
        assertThat(v.afterLocals().publicVersion()).isEqualTo(v);
    }

    @Test
    void theSmallestVersionIsZeroDevZero() {
        assertThat(Version.MIN).isEqualTo(Version.parse("0.dev0")).isEqualTo(Version.parse("0.0.0.dev0"));
        assertThat(Version.MIN).isLessThan(Version.parse("0.dev0+a")).isLessThan(Version.parse("0a0"));
    }
}
