package dev.relock.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetTest {

    static Stream<Arguments> goldenTagLists() throws IOException {
        JsonNode root;
        try (InputStream in = TargetTest.class.getResourceAsStream("sys-tags-golden.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> cases = new ArrayList<>();
        root.get("cases").fields().forEachRemaining(e -> {
            List<String> tags = new ArrayList<>();
            e.getValue().get("tags").forEach(t -> tags.add(t.asText()));
            cases.add(Arguments.of(e.getKey(), e.getValue().get("python").asText(),
                    e.getValue().get("platform").asText(), tags));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenTagLists")
    void compatibleTagsMatchPackagingsSysTagsExactly(String name, String python, String platform, List<String> expected) {
        Target target = Target.parse(python, platform);
        assertThat(target.compatibleTags()).extracting(Tag::toString).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> tagListShapes() {
        return Stream.of(
                Arguments.of("3.11", "x86_64-unknown-linux-gnu", 439,
                        List.of("cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64"),
                        List.of("cp311-none-any", "py311-none-any", "py3-none-any", "py310-none-any")),
                Arguments.of("3.12", "aarch64-unknown-linux-musl", 123,
                        List.of("cp312-cp312-musllinux_1_2_aarch64", "cp312-cp312-musllinux_1_1_aarch64",
                            "cp312-cp312-musllinux_1_0_aarch64", "cp312-cp312-linux_aarch64",
                            "cp312-abi3-musllinux_1_2_aarch64"),
                        List.of("py32-none-any", "py31-none-any", "py30-none-any")),
                Arguments.of("3.11", "aarch64-macosx_12_0", 439,
                        List.of("cp311-cp311-macosx_12_0_arm64", "cp311-cp311-macosx_12_0_universal2",
                            "cp311-cp311-macosx_11_0_arm64", "cp311-cp311-macosx_11_0_universal2",
                            "cp311-cp311-macosx_10_16_universal2"),
                        List.of("py30-none-any")),
                Arguments.of("3.11", "windows", 39,
                        List.of("cp311-cp311-win_amd64", "cp311-abi3-win_amd64", "cp311-none-win_amd64",
                            "cp310-abi3-win_amd64", "cp39-abi3-win_amd64"),
                        List.of("py311-none-win_amd64", "py3-none-win_amd64")));
    }

    @ParameterizedTest
    @MethodSource("tagListShapes")
    void tagListsHaveTheExpectedSizeAndOrder(String python, String platform, int count, List<String> prefix,
            List<String> contained) {
        List<String> tags = Target.parse(python, platform).compatibleTags().stream().map(Tag::toString).toList();
        assertThat(tags).hasSize(count).startsWith(prefix.toArray(String[]::new))
                .containsSubsequence(contained).doesNotHaveDuplicates();
    }

    @Test
    void compatibleTagsAreMemoized() {
        assertThat(Target.parse("3.11", "linux").compatibleTags())
                .isSameAs(Target.parse("3.11", "x86_64-unknown-linux-gnu").compatibleTags());
    }

    @Test
    void ranksFollowTheTagOrderAndRejectForeignTags() {
        Target target = Target.parse("3.11", "linux");
        assertThat(target.rank(new Tag("cp311", "cp311", "manylinux_2_17_x86_64"))).hasValue(0);
        assertThat(target.rank(new Tag("py3", "none", "any"))).hasValue(427);
        assertThat(target.rank(new Tag("cp311", "cp311", "manylinux_2_28_x86_64"))).isEmpty();
        assertThat(target.rank(new Tag("cp311", "cp311", "win_amd64"))).isEmpty();
        assertThat(target.rank(new Tag("cp312", "abi3", "manylinux_2_17_x86_64"))).isEmpty();
    }

    @Test
    void bestRankPicksTheMostSpecificTagOfASet() {
        Target target = Target.parse("3.11", "linux");
        Set<Tag> numpy = Tag.parseCompressed("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64");
        assertThat(target.bestRank(numpy)).hasValue(0);
        assertThat(target.bestRank(Tag.parseCompressed("py2.py3-none-any")))
                .isEqualTo(target.rank(new Tag("py3", "none", "any")));
        assertThat(target.bestRank(Tag.parseCompressed("cp312-cp312-win_amd64.macosx_11_0_arm64")))
                .isEqualTo(OptionalInt.empty());
        assertThat(target.priority().isCompatible(Tag.parseCompressed("cp36-abi3-manylinux1_x86_64"))).isTrue();
    }

    static Stream<Arguments> markerEnvironments() {
        return Stream.of(
                Arguments.of("3.11.7", "linux", "posix", "x86_64", "Linux", "linux", "3.11.7", "3.11"),
                Arguments.of("3.12", "aarch64-unknown-linux-musl", "posix", "aarch64", "Linux", "linux", "3.12.0", "3.12"),
                Arguments.of("3.11", "macos", "posix", "arm64", "Darwin", "darwin", "3.11.0", "3.11"),
                Arguments.of("3.9.18", "x86_64-apple-darwin", "posix", "x86_64", "Darwin", "darwin", "3.9.18", "3.9"),
                Arguments.of("3.10", "windows", "nt", "AMD64", "Windows", "win32", "3.10.0", "3.10"),
                Arguments.of("3.13.1", "aarch64-pc-windows-msvc", "nt", "ARM64", "Windows", "win32", "3.13.1", "3.13"),
                Arguments.of("3.8", "i686-pc-windows-msvc", "nt", "x86", "Windows", "win32", "3.8.0", "3.8"));
    }

    @ParameterizedTest
    @MethodSource("markerEnvironments")
    void markerValuesDescribeTheTargetNotTheHost(String python, String platform, String osName, String machine,
            String system, String sysPlatform, String fullVersion, String pythonVersion) {
        Map<String, String> values = Target.parse(python, platform).markerValues();
        assertThat(values).containsExactly(
                Map.entry("implementation_name", "cpython"),
                Map.entry("implementation_version", fullVersion),
                Map.entry("os_name", osName),
                Map.entry("platform_machine", machine),
                Map.entry("platform_python_implementation", "CPython"),
                Map.entry("platform_release", ""),
                Map.entry("platform_system", system),
                Map.entry("platform_version", ""),
                Map.entry("python_full_version", fullVersion),
                Map.entry("python_version", pythonVersion),
                Map.entry("sys_platform", sysPlatform));
    }

    @Test
    void onlyCPython33AndLaterIsATarget() {
        assertThatThrownBy(() -> Target.parse("2.7", "linux")).isInstanceOf(TagParseException.class)
                .hasMessageContaining("CPython 3.3 or later");
        assertThatThrownBy(() -> Target.parse("3.2", "linux")).isInstanceOf(TagParseException.class);
    }

    @Test
    void pythonBefore38UsesTheMAbi() {
        assertThat(Target.parse("3.7", "linux").compatibleTags().get(0))
                .isEqualTo(new Tag("cp37", "cp37m", "manylinux_2_17_x86_64"));
    }
}
