package dev.relock.resolve;

import static dev.relock.resolve.IndexFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.filename.WheelFilename;
import dev.relock.metadata.CoreMetadata;
import dev.relock.pep508.Requirement;
import dev.relock.tags.Target;
import java.util.Optional;
import dev.relock.testing.index.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One resolution for several platforms at once, against a real local index. */
class MultiTargetResolverTest {
    static final Target LINUX = Target.parse("3.11.7", "x86_64-manylinux_2_28");
    static final Target MAC = Target.parse("3.11.7", "aarch64-apple-darwin");
    static final Target OLD_LINUX = Target.parse("3.11.7", "x86_64-manylinux_2_17");
    static final List<Target> BOTH = List.of(LINUX, MAC);
    static final List<Target> TWO_LINUXES = List.of(LINUX, OLD_LINUX);

    static final String LINUX_WHEEL = "cp311-cp311-manylinux_2_17_x86_64";
    static final String MAC_WHEEL = "cp311-cp311-macosx_11_0_arm64";

    static final Scenario SCENARIO = Scenario.builder()
            // the newest release ships a Linux wheel only
            .project("native", p -> p
                    .release("1.0", r -> r.wheel(LINUX_WHEEL).wheel(MAC_WHEEL))
                    .release("2.0", r -> r.wheel("cp311-cp311-manylinux_2_28_x86_64")))
            // pure Python
            .project("pure", p -> p.release("1.0").release("2.0"))
            // the newest release is an sdist only
            .project("fresh", p -> p
                    .release("1.0", r -> r.wheel(LINUX_WHEEL).wheel(MAC_WHEEL))
                    .release("2.0", r -> r.sdist()))
            // a dependency for macOS only
            .project("cli-tool", p -> p.release("1.0", r -> r.requires("colorama; sys_platform == 'darwin'")))
            .project("colorama", p -> p.release("0.4.6"))
            // no release has a file for macOS
            .project("linux-only", p -> p.release("1.0", r -> r.wheel(LINUX_WHEEL)))
            // one file per platform, the macOS one yanked
            .project("half-yanked", p -> p
                    .release("1.0", r -> r.wheel(LINUX_WHEEL).wheel(MAC_WHEEL))
                    .release("2.0", r -> r.wheel(LINUX_WHEEL).wheel(MAC_WHEEL).yanked("broken on macOS")))
            .build();

    /** Served for the whole class; closed after the last test. */
    @RegisterExtension
    static final IndexFixture index = IndexFixture.serve(SCENARIO);

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("Linux alone takes the Linux-only newest release", List.of(LINUX), List.of("native"),
                        List.of(), Map.of("native", "2.0")),
                Arguments.of("Linux and macOS take the newest release with files for both", BOTH, List.of("native"),
                        List.of(), Map.of("native", "1.0")),
                Arguments.of("macOS first: the order of targets does not matter", List.of(MAC, LINUX),
                        List.of("native"), List.of(), Map.of("native", "1.0")),
                Arguments.of("a pure-Python wheel fits both", BOTH, List.of("pure"), List.of(), Map.of("pure", "2.0")),
                Arguments.of("an sdist-only newest release fits both", BOTH, List.of("fresh"), List.of(),
                        Map.of("fresh", "2.0")),
                Arguments.of("but not under --only-binary :all:", BOTH, List.of("fresh"), List.of("only::all:"),
                        Map.of("fresh", "1.0")),
                Arguments.of("a dependency marker holds when one target is macOS", BOTH, List.of("cli-tool"),
                        List.of(), Map.of("cli-tool", "1.0", "colorama", "0.4.6")),
                Arguments.of("a dependency marker for macOS fails on two Linuxes", TWO_LINUXES, List.of("cli-tool"),
                        List.of(), Map.of("cli-tool", "1.0")),
                Arguments.of("a root marker holds when one target is macOS", BOTH,
                        List.of("pure", "colorama; sys_platform == 'darwin'"), List.of(),
                        Map.of("pure", "2.0", "colorama", "0.4.6")),
                Arguments.of("a root marker for macOS fails on two Linuxes", TWO_LINUXES,
                        List.of("pure", "colorama; sys_platform == 'darwin'"), List.of(), Map.of("pure", "2.0")),
                Arguments.of("a release yanked on one target is skipped", BOTH, List.of("half-yanked"), List.of(),
                        Map.of("half-yanked", "1.0")),
                Arguments.of("two Linux targets need the older glibc's wheel", TWO_LINUXES, List.of("native"),
                        List.of(), Map.of("native", "1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void resolvesTo(String description, List<Target> targets, List<String> requirements, List<String> options,
            Map<String, String> pins) {
        ResolveRequest.Builder req = request(targets, requirements.toArray(String[]::new))
                .binary(BinaryPolicyResolverTest.policy(options.toArray(String[]::new)));
        assertThat(index.pins(req)).isEqualTo(pins);
    }

    @Test
    void theResolutionNamesItsTargets() {
        Resolution r = index.resolve(request(BOTH, "pure"));
        assertThat(r.targets()).containsExactly(LINUX, MAC);
        assertThat(r.target()).isEqualTo(LINUX);
    }

    @Test
    void noReleaseForBothTargetsExplainsWhichTargetLacksAFile() {
        String message = index.failure(request(BOTH, "linux-only"));
        assertThat(message.lines().findFirst().orElseThrow()).isEqualTo(
                "Cannot resolve the requirements for Python 3.11.7 on x86_64-manylinux_2_28 and aarch64-macosx_13_0:"
                        + " linux-only==1.0 has no wheel for Python 3.11.7 on aarch64-macosx_13_0 and no sdist");
    }

    @Test
    void oneTargetKeepsItsMessage() {
        String message = index.failure(request(List.of(MAC), "linux-only"));
        assertThat(message.lines().findFirst().orElseThrow()).isEqualTo(
                "Cannot resolve the requirements for Python 3.11.7 on aarch64-macosx_13_0:"
                        + " linux-only==1.0 has no wheel for Python 3.11.7 on aarch64-macosx_13_0 and no sdist");
    }

    @Test
    void onlyBinaryNamesTheOptionAndTheTarget() {
        String message = index.failure(request(BOTH, "linux-only").binary(BinaryPolicyResolverTest.policy("only::all:")));
        assertThat(message.lines().findFirst().orElseThrow()).endsWith(
                "linux-only==1.0 has no wheel for Python 3.11.7 on aarch64-macosx_13_0 and no sdist");
    }

    static ResolveRequest.Builder directWheel(List<Target> targets, String filename) {
        String reference = "file:///wheels/" + filename;
        DirectArtifact artifact = new DirectArtifact(reference,
                CoreMetadata.parse("Metadata-Version: 2.1\nName: local\nVersion: 1.0\n", filename),
                Optional.of(WheelFilename.parse(filename)));
        return ResolveRequest.builder(targets).requirement(RootRequirement.direct(
                Requirement.parse("local @ " + reference), "-r requirements.in", artifact));
    }

    @Test
    void aDirectWheelMustFitEveryTarget() {
        String linuxWheel = "local-1.0-cp311-cp311-manylinux_2_17_x86_64.whl";
        assertThat(index.pins(directWheel(List.of(LINUX), linuxWheel))).isEqualTo(Map.of("local", "1.0"));
        assertThat(index.pins(directWheel(BOTH, "local-1.0-py3-none-any.whl"))).isEqualTo(Map.of("local", "1.0"));
        assertThat(index.failure(directWheel(BOTH, linuxWheel))).contains("is the wheel file:///wheels/" + linuxWheel
                        + ", whose tags do not fit the target (3.11.7 on aarch64-macosx_13_0)");
    }
}
