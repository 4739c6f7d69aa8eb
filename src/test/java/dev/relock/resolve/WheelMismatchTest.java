package dev.relock.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.filename.WheelFilename;
import dev.relock.tags.Target;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WheelMismatchTest {
    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("x86_64-manylinux_2_17", "the lowest manylinux for the arch",
                        "its wheels need manylinux_2_28, the target is x86_64-manylinux_2_17", true,
                        new String[] {"cp311-cp311-manylinux_2_34_x86_64", "cp311-cp311-manylinux_2_28_x86_64",
                            "cp311-cp311-manylinux_2_17_aarch64"}),
                Arguments.of("x86_64-manylinux_2_5", "legacy manylinux names count",
                        "its wheels need manylinux_2_12, the target is x86_64-manylinux_2_5", true,
                        new String[] {"cp311-cp311-manylinux2014_x86_64", "cp311-cp311-manylinux2010_x86_64"}),
                Arguments.of("x86_64-manylinux_2_17", "abi3 wheels count",
                        "its wheels need manylinux_2_28, the target is x86_64-manylinux_2_17", true,
                        new String[] {"cp39-abi3-manylinux_2_28_x86_64"}),
                Arguments.of("x86_64-manylinux_2_17", "wheels for another arch are listed",
                        "its wheels are for manylinux_2_17_aarch64, the target is x86_64-manylinux_2_17", true,
                        new String[] {"cp311-cp311-manylinux_2_17_aarch64"}),
                Arguments.of("aarch64-apple-darwin", "the lowest macOS for arm64, universal2 included",
                        "its wheels need macosx_14_0, the target is aarch64-macosx_13_0", true,
                        new String[] {"cp311-cp311-macosx_15_0_arm64", "cp311-cp311-macosx_14_0_universal2",
                            "cp311-cp311-macosx_14_0_x86_64"}),
                Arguments.of("aarch64-unknown-linux-musl", "musllinux",
                        "its wheels need musllinux_1_3, the target is aarch64-musllinux_1_2", true,
                        new String[] {"py3-none-musllinux_1_3_aarch64"}),
                Arguments.of("x86_64-pc-windows-msvc", "other platforms are listed, at most three",
                        "its wheels are for linux_x86_64, macosx_14_0_arm64, manylinux_2_17_x86_64 and 1 more,"
                                + " the target is x86_64-pc-windows-msvc", true,
                        new String[] {"cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-win_arm64",
                            "cp311-cp311-macosx_14_0_arm64", "cp311-cp311-linux_x86_64"}),
                Arguments.of("x86_64-manylinux_2_17", "wheels for other Pythons",
                        "its wheels are for cp312-cp312, pp310-pypy310_pp73, not Python 3.11.7 (cp311)", false,
                        new String[] {"cp312-cp312-manylinux_2_17_x86_64", "pp310-pypy310_pp73-manylinux_2_17_x86_64"}));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("reasons")
    void reason(String platform, String description, String expected, boolean aboutPlatform, String[] tags) {
        List<WheelFilename> wheels = Arrays.stream(tags).map(t -> WheelFilename.parse("pkg-1.0-" + t + ".whl")).toList();
        WheelMismatch.Reason reason = WheelMismatch.reason(wheels, Target.parse("3.11.7", platform));
        assertThat(reason.text()).isEqualTo(expected);
        assertThat(reason.platform()).isEqualTo(aboutPlatform);
    }
}
