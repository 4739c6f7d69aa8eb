package dev.relock.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.tags.TargetPlatform.Arch;
import dev.relock.tags.TargetPlatform.MacOs;
import dev.relock.tags.TargetPlatform.Manylinux;
import dev.relock.tags.TargetPlatform.Musllinux;
import dev.relock.tags.TargetPlatform.Windows;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPlatformTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("linux", new Manylinux(Arch.X86_64, 2, 17)),
                Arguments.of("x86_64-unknown-linux-gnu", new Manylinux(Arch.X86_64, 2, 17)),
                Arguments.of("aarch64-unknown-linux-gnu", new Manylinux(Arch.AARCH64, 2, 17)),
                Arguments.of("x86_64-unknown-linux-musl", new Musllinux(Arch.X86_64, 1, 2)),
                Arguments.of("aarch64-unknown-linux-musl", new Musllinux(Arch.AARCH64, 1, 2)),
                Arguments.of("x86_64-manylinux2014", new Manylinux(Arch.X86_64, 2, 17)),
                Arguments.of("aarch64-manylinux2014", new Manylinux(Arch.AARCH64, 2, 17)),
                Arguments.of("x86_64-manylinux2010", new Manylinux(Arch.X86_64, 2, 12)),
                Arguments.of("x86_64-manylinux1", new Manylinux(Arch.X86_64, 2, 5)),
                Arguments.of("x86_64-manylinux_2_17", new Manylinux(Arch.X86_64, 2, 17)),
                Arguments.of("x86_64-manylinux_2_28", new Manylinux(Arch.X86_64, 2, 28)),
                Arguments.of("x86_64-manylinux_2_40", new Manylinux(Arch.X86_64, 2, 40)),
                Arguments.of("x86_64-manylinux_2_36", new Manylinux(Arch.X86_64, 2, 36)),
                Arguments.of("x86_64-manylinux_2_41", new Manylinux(Arch.X86_64, 2, 41)),
                Arguments.of("aarch64-manylinux_2_36", new Manylinux(Arch.AARCH64, 2, 36)),
                Arguments.of("aarch64-manylinux_2_41", new Manylinux(Arch.AARCH64, 2, 41)),
                Arguments.of("x86_64-musllinux_1_2", new Musllinux(Arch.X86_64, 1, 2)),
                Arguments.of("aarch64-manylinux_2_34", new Manylinux(Arch.AARCH64, 2, 34)),
                Arguments.of("x86_64-musllinux_1_1", new Musllinux(Arch.X86_64, 1, 1)),
                Arguments.of("aarch64-musllinux_1_2", new Musllinux(Arch.AARCH64, 1, 2)),
                Arguments.of("macos", new MacOs(Arch.AARCH64, 13, 0)),
                Arguments.of("aarch64-apple-darwin", new MacOs(Arch.AARCH64, 13, 0)),
                Arguments.of("x86_64-apple-darwin", new MacOs(Arch.X86_64, 13, 0)),
                Arguments.of("arm64-macosx_12_0", new MacOs(Arch.AARCH64, 12, 0)),
                Arguments.of("x86_64-macosx_10_9", new MacOs(Arch.X86_64, 10, 9)),
                Arguments.of("windows", new Windows(Arch.X86_64)),
                Arguments.of("x86_64-pc-windows-msvc", new Windows(Arch.X86_64)),
                Arguments.of("aarch64-pc-windows-msvc", new Windows(Arch.AARCH64)),
                Arguments.of("i686-pc-windows-msvc", new Windows(Arch.I686)),
                Arguments.of("  Linux ", new Manylinux(Arch.X86_64, 2, 17)));
    }

    @ParameterizedTest
    @MethodSource("names")
    void namesMapToPlatformsAndCanonicalNamesRoundTrip(String name, TargetPlatform expected) {
        TargetPlatform parsed = TargetPlatform.parse(name);
        assertThat(parsed).isEqualTo(expected);
        assertThat(TargetPlatform.parse(parsed.name())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "x86_64-manylinux_2_36, x86_64-manylinux_2_36",
        "x86_64-manylinux_2_41, x86_64-manylinux_2_41",
        "aarch64-manylinux_2_36, aarch64-manylinux_2_36",
        "x86_64-unknown-linux-musl, x86_64-musllinux_1_2",
        "aarch64-unknown-linux-musl, aarch64-musllinux_1_2",
        "x86_64-musllinux_1_2, x86_64-musllinux_1_2",
        "aarch64-apple-darwin, aarch64-macosx_13_0",
        "x86_64-pc-windows-msvc, x86_64-pc-windows-msvc",
    })
    void platformsDockerfilesNamePrintTheirCanonicalNames(String name, String canonical) {
        assertThat(TargetPlatform.parse(name).name()).isEqualTo(canonical);
    }

    @Test
    void theDefaultIsX8664WithGlibc217() {
        assertThat(TargetPlatform.DEFAULT).isEqualTo(TargetPlatform.parse("x86_64-unknown-linux-gnu"));
        assertThat(TargetPlatform.DEFAULT.name()).isEqualTo("x86_64-manylinux_2_17");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux-gnu", "x86_64-unknown-linux", "riscv64-unknown-linux-gnu", "x86_64-manylinux_3_1",
        "aarch64-manylinux_2_12", "x86_64-manylinux_2_4", "aarch64-macosx_10_15", "x86_64-macosx_9_0",
        "x86_64-musllinux_2_0", "i686-unknown-linux-gnu", "wasm32-pyodide2024"})
    void unknownOrUnsupportedNamesListTheAcceptedOnes(String name) {
        assertThatThrownBy(() -> TargetPlatform.parse(name))
                .isInstanceOfSatisfying(TagParseException.class,
                        e -> assertThat(e.kind()).isEqualTo(dev.relock.common.RelockException.Kind.BAD_INPUT))
                .hasMessageContaining("target platform '" + name.trim() + "'")
                .hasMessageContaining("x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu");
    }

    static Stream<Arguments> platformTagEnds() {
        return Stream.of(
                Arguments.of("x86_64-manylinux_2_17", 17, "manylinux_2_17_x86_64", "linux_x86_64"),
                Arguments.of("aarch64-manylinux_2_17", 3, "manylinux_2_17_aarch64", "linux_aarch64"),
                Arguments.of("aarch64-unknown-linux-musl", 4, "musllinux_1_2_aarch64", "linux_aarch64"),
                Arguments.of("aarch64-macosx_12_0", 17, "macosx_12_0_arm64", "macosx_10_4_universal2"),
                Arguments.of("x86_64-macosx_10_9", 36, "macosx_10_9_x86_64", "macosx_10_4_universal"),
                Arguments.of("aarch64-pc-windows-msvc", 1, "win_arm64", "win_arm64"));
    }

    @ParameterizedTest
    @MethodSource("platformTagEnds")
    void platformTagsRunFromNewestToOldest(String name, int count, String first, String last) {
        var tags = TargetPlatform.parse(name).platformTags();
        assertThat(tags).hasSize(count).startsWith(first).endsWith(last).doesNotHaveDuplicates();
    }

    @Test
    void legacyManylinuxAliasesFollowTheirGlibcVersion() {
        assertThat(TargetPlatform.parse("x86_64-manylinux_2_17").platformTags())
                .containsSubsequence("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_16_x86_64")
                .containsSubsequence("manylinux_2_12_x86_64", "manylinux2010_x86_64", "manylinux_2_11_x86_64")
                .containsSubsequence("manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64");
    }
}
