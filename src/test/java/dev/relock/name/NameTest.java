package dev.relock.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameTest {

    static Stream<Arguments> normalization() {
        return Stream.of(
                Arguments.of("requests", "requests", "requests"),
                Arguments.of("Django", "django", "django"),
                Arguments.of("typing_extensions", "typing-extensions", "typing_extensions"),
                Arguments.of("zope.interface", "zope-interface", "zope_interface"),
                Arguments.of("Foo__Bar", "foo-bar", "foo_bar"),
                Arguments.of("foo-_.-bar", "foo-bar", "foo_bar"),
                Arguments.of("A.B-C_D", "a-b-c-d", "a_b_c_d"),
                Arguments.of("x", "x", "x"),
                Arguments.of("0", "0", "0"),
                Arguments.of("PyYAML", "pyyaml", "pyyaml"),
                Arguments.of("ruamel.yaml.clib", "ruamel-yaml-clib", "ruamel_yaml_clib"),
                Arguments.of("backports.zoneinfo", "backports-zoneinfo", "backports_zoneinfo"));
    }

    @ParameterizedTest(name = "{0} is a spelling of {1}")
    @MethodSource("normalization")
    void everyRawFormIsASpellingOfItsNormalizedName(String raw, String normalized, String distInfo) {
        assertThat(PackageName.of(normalized).isSpelledAs(raw)).isTrue();
        assertThat(PackageName.of(normalized).isSpelledAs(distInfo)).isTrue();
    }

    @ParameterizedTest(name = "{1} is not a spelling of {0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "foo-bar, foobar", "foobar, foo-bar", "foo, fo", "fo, foo", "foo, foo-", "foo, -foo", "foo, foo1",
        "foo-bar, foo--bar-"})
    void otherNamesAreNotSpellingsOfAName(String name, String raw) {
        assertThat(PackageName.of(name).isSpelledAs(raw)).isFalse();
    }

    @ParameterizedTest(name = "{0} normalizes to {1} (dist-info {2})")
    @MethodSource("normalization")
    void projectNamesNormalizeLikePep503(String raw, String normalized, String distInfo) {
        PackageName name = PackageName.of(raw);
        assertThat(name.value()).isEqualTo(normalized);
        assertThat(name).hasToString(normalized);
        assertThat(name.distInfoName()).isEqualTo(distInfo);
        assertThat(name).isEqualTo(PackageName.of(normalized)).isEqualTo(new PackageName(raw));
        assertThat(name.hashCode()).isEqualTo(PackageName.of(normalized).hashCode());
        assertThat(PackageName.tryOf(raw)).contains(name);
    }

    @ParameterizedTest(name = "extra {0} normalizes to {1}")
    @MethodSource("normalization")
    void extraNamesNormalizeLikeProjectNames(String raw, String normalized, String ignored) {
        assertThat(ExtraName.of(raw).value()).isEqualTo(normalized);
        assertThat(ExtraName.tryOf(raw)).contains(ExtraName.of(normalized));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", 0),
                Arguments.of("-foo", 0),
                Arguments.of("foo-", 3),
                Arguments.of("foo.", 3),
                Arguments.of("_", 0),
                Arguments.of("foo bar", 3),
                Arguments.of(" foo", 0),
                Arguments.of("foo!", 3),
                Arguments.of("foo[bar]", 3),
                Arguments.of("café", 3),
                Arguments.of("İnfo", 0),
                Arguments.of("name>=1.0", 4));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected at offset {1}")
    @MethodSource("invalid")
    void invalidNamesAreRejectedNamingTheInputAndOffset(String raw, int offset) {
        assertThatThrownBy(() -> PackageName.of(raw))
                .isInstanceOfSatisfying(InvalidNameException.class, e -> {
                    assertThat(e.input()).isEqualTo(raw);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("'" + raw + "'");
                });
        assertThatThrownBy(() -> ExtraName.of(raw)).isInstanceOf(InvalidNameException.class);
        assertThat(PackageName.tryOf(raw)).isEmpty();
        assertThat(ExtraName.tryOf(raw)).isEmpty();
    }

    @Test
    void namesSortByNormalizedValue() {
        List<PackageName> names = Stream.of("Zope", "attrs", "Babel", "a-b", "A_A")
                .map(PackageName::of).sorted().toList();
        assertThat(names).map(PackageName::value).containsExactly("a-a", "a-b", "attrs", "babel", "zope");
        assertThat(ExtraName.of("B").compareTo(ExtraName.of("a"))).isPositive();
    }

    @Test
    void tryOfAcceptsNullAsInvalid() {
        assertThat(PackageName.tryOf(null)).isEmpty();
        assertThat(ExtraName.tryOf(null)).isEmpty();
    }
}
