package dev.relock.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Tag;
import dev.relock.tags.Target;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WheelFilenameTest {

    static Stream<Arguments> wheels() {
        return Stream.of(
                Arguments.of("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                        "numpy", "1.26.4", "", List.of("cp311"), List.of("cp311"),
                        List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"), 2),
                Arguments.of("requests-2.31.0-py3-none-any.whl", "requests", "2.31.0", "",
                        List.of("py3"), List.of("none"), List.of("any"), 1),
                Arguments.of("six-1.16.0-py2.py3-none-any.whl", "six", "1.16.0", "",
                        List.of("py2", "py3"), List.of("none"), List.of("any"), 2),
                Arguments.of("cryptography-42.0.5-cp39-abi3-macosx_10_12_universal2.whl", "cryptography", "42.0.5", "",
                        List.of("cp39"), List.of("abi3"), List.of("macosx_10_12_universal2"), 1),
                Arguments.of("typing_extensions-4.9.0-py3-none-any.whl", "typing-extensions", "4.9.0", "",
                        List.of("py3"), List.of("none"), List.of("any"), 1),
                Arguments.of("zope.interface-6.1-cp311-cp311-win_amd64.whl", "zope-interface", "6.1", "",
                        List.of("cp311"), List.of("cp311"), List.of("win_amd64"), 1),
                Arguments.of("tensorflow-2.15.0-1-cp311-cp311-manylinux_2_17_x86_64.whl", "tensorflow", "2.15.0", "1",
                        List.of("cp311"), List.of("cp311"), List.of("manylinux_2_17_x86_64"), 1),
                Arguments.of("foo-1.0-12beta-py3-none-any.whl", "foo", "1.0", "12beta",
                        List.of("py3"), List.of("none"), List.of("any"), 1),
                Arguments.of("PyYAML-6.0.1-cp312-cp312-musllinux_1_1_aarch64.whl", "pyyaml", "6.0.1", "",
                        List.of("cp312"), List.of("cp312"), List.of("musllinux_1_1_aarch64"), 1),
                Arguments.of("pip-24.0.dev1-py3-none-any.whl", "pip", "24.0.dev1", "",
                        List.of("py3"), List.of("none"), List.of("any"), 1));
    }

    @ParameterizedTest
    @MethodSource("wheels")
    void realWorldWheelNamesParseIntoTheirParts(String filename, String name, String version, String build,
            List<String> python, List<String> abi, List<String> platform, int tagCount) {
        WheelFilename wheel = WheelFilename.parse(filename);
        assertThat(wheel.name()).isEqualTo(PackageName.of(name));
        assertThat(wheel.version()).isEqualTo(Version.parse(version));
        assertThat(wheel.buildTag().map(BuildTag::toString)).isEqualTo(build.isEmpty() ? Optional.empty() : Optional.of(build));
        assertThat(wheel.pythonTags()).isEqualTo(python);
        assertThat(wheel.abiTags()).isEqualTo(abi);
        assertThat(wheel.platformTags()).isEqualTo(platform);
        assertThat(wheel.tags()).hasSize(tagCount);
        assertThat(wheel).hasToString(filename);
        assertThat(DistFilename.parse(filename)).isEqualTo(wheel);
    }

    @ParameterizedTest(name = "the version field of {0} is {2}")
    @MethodSource("wheels")
    void theVersionFieldIsReadWithoutParsingTheRest(String filename, String name, String version) {
        assertThat(WheelFilename.versionField(filename)).contains(filename.split("-")[1]);
        assertThat(Version.parse(WheelFilename.versionField(filename).orElseThrow())).isEqualTo(Version.parse(version));
    }

    @ParameterizedTest(name = "{0} has no wheel version field")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"numpy-1.26.4.tar.gz", "numpy-1.26.4-cp311-cp311.whl",
        "numpy-1.26.4-1-2-cp311-cp311-win_amd64.whl", "numpy.whl", "numpy-1.0.whl"})
    void namesThatAreNotWheelShapedHaveNoVersionField(String filename) {
        assertThat(WheelFilename.versionField(filename)).isEmpty();
    }

    static Stream<Arguments> invalidWheels() {
        return Stream.of(
                Arguments.of("numpy-1.26.4-cp311-cp311.whl", "5 or 6 parts"),
                Arguments.of("numpy-1.26.4-1-2-cp311-cp311-win_amd64.whl", "5 or 6 parts"),
                Arguments.of("numpy-notaversion-cp311-cp311-win_amd64.whl", "invalid version 'notaversion'"),
                Arguments.of("foo-1.0-beta-py3-none-any.whl", "must start with a digit"),
                Arguments.of("foo__bar-1.0-py3-none-any.whl", "invalid project name"),
                Arguments.of("foo+bar-1.0-py3-none-any.whl", "invalid project name"),
                Arguments.of("_foo-1.0-py3-none-any.whl", "invalid project name"),
                Arguments.of("foo-1.0-py3..py2-none-any.whl", "invalid tags"),
                Arguments.of("foo-1.0-py3-none-.whl", "invalid tags"));
    }

    @ParameterizedTest
    @MethodSource("invalidWheels")
    void invalidWheelNamesAreRejectedWithTheReason(String filename, String reason) {
        assertThatThrownBy(() -> WheelFilename.parse(filename))
                .isInstanceOfSatisfying(InvalidFilenameException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
                    assertThat(e.filename()).isEqualTo(filename);
                })
                .hasMessageContaining(filename)
                .hasMessageContaining(reason);
    }

    @Test
    void aWheelOfAnotherProjectIsRejectedWhenTheProjectIsKnown() {
        assertThat(WheelFilename.parse("Typing_Extensions-4.9.0-py3-none-any.whl", PackageName.of("typing.extensions")).name())
                .isEqualTo(PackageName.of("typing-extensions"));
        assertThatThrownBy(() -> WheelFilename.parse("six-1.16.0-py3-none-any.whl", PackageName.of("seven")))
                .isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("does not match the expected 'seven'");
    }

    @Test
    void compatibilityUsesTheBestExpandedTag() {
        Target linux = Target.parse("3.11", "linux");
        WheelFilename numpy = WheelFilename.parse(
                "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        WheelFilename newGlibc = WheelFilename.parse("numpy-2.3.0-cp311-cp311-manylinux_2_28_x86_64.whl");
        WheelFilename pure = WheelFilename.parse("six-1.16.0-py2.py3-none-any.whl");
        assertThat(numpy.bestRank(linux)).hasValue(0);
        assertThat(numpy.isCompatible(Target.parse("3.12", "linux"))).isFalse();
        assertThat(newGlibc.isCompatible(linux)).isFalse();
        assertThat(newGlibc.isCompatible(Target.parse("3.11", "x86_64-manylinux_2_28"))).isTrue();
        assertThat(pure.bestRank(linux.priority())).isEqualTo(linux.rank(new Tag("py3", "none", "any")));
        assertThat(pure.isUniversal()).isTrue();
        assertThat(numpy.isUniversal()).isFalse();
    }

    @Test
    void buildTagsSortNumericallyThenByTheRest() {
        assertThat(Stream.of("10", "2b", "2", "2a").map(BuildTag::parse).sorted().map(BuildTag::toString))
                .containsExactly("2", "2a", "2b", "10");
    }
}
