package dev.relock.resolve;

import static dev.relock.resolve.IndexFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Target;
import dev.relock.testing.index.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Notes on newer releases passed over only because a target has no file of them. */
class SkippedVersionResolverTest {
    static final Target OLD_LINUX = Target.parse("3.11.7", "x86_64-manylinux_2_17");
    static final Target LINUX = Target.parse("3.11.7", "x86_64-manylinux_2_28");
    static final Target MAC = Target.parse("3.11.7", "aarch64-apple-darwin");

    static final String OLD_WHEEL = "cp311-cp311-manylinux_2_17_x86_64";
    static final String NEW_WHEEL = "cp311-cp311-manylinux_2_28_x86_64";

    static final Scenario SCENARIO = Scenario.builder()
            // numpy-like: the newest releases ship manylinux_2_28 (and newer macOS) wheels only
            .project("numpyish", p -> p
                    .release("2.3.1", r -> r.wheel(OLD_WHEEL).wheel("cp311-cp311-macosx_11_0_arm64"))
                    .release("2.4.5", r -> r.wheel(NEW_WHEEL))
                    .release("2.4.6", r -> r.wheel(NEW_WHEEL).wheel("cp311-cp311-manylinux_2_34_x86_64")
                            .wheel("cp311-cp311-manylinux_2_28_aarch64").wheel("cp311-cp311-macosx_14_0_arm64")
                            .wheel("cp311-cp311-macosx_15_0_arm64")))
            .project("uses-numpyish", p -> p.release("1.0", r -> r.requires("numpyish<2.4")))
            // newer releases unusable for other reasons than the platform
            .project("yanked-newer", p -> p.release("1.0").release("2.0", r -> r.wheel(NEW_WHEEL).yanked()))
            .project("newer-python", p -> p.release("1.0")
                    .release("2.0", r -> r.wheel(NEW_WHEEL).requiresPython(">=3.12")))
            .project("pre-newer", p -> p.release("1.0").release("2.0rc1", r -> r.wheel(NEW_WHEEL)))
            .project("too-new", p -> p.release("1.0", r -> r.uploaded(Instant.parse("2023-01-01T00:00:00Z")))
                    .release("2.0", r -> r.wheel(NEW_WHEEL).uploaded(Instant.parse("2025-01-01T00:00:00Z"))))
            .project("sdist-too", p -> p.release("1.0").release("2.0", r -> r.wheel(NEW_WHEEL).sdist()))
            // the newest release is usable
            .project("newest-ok", p -> p.release("1.0", r -> r.wheel(NEW_WHEEL)).release("2.0"))
            // wheels for another Python and for Windows only
            .project("other-python", p -> p.release("1.0").release("2.0", r -> r.wheel("cp312-cp312-manylinux_2_17_x86_64")))
            .project("windows-only", p -> p.release("1.0")
                    .release("2.0", r -> r.wheel("cp311-cp311-win_amd64").wheel("cp311-cp311-win32")))
            .build();

    /** Served for the whole class; closed after the last test. */
    @RegisterExtension
    static final IndexFixture index = IndexFixture.serve(SCENARIO);

    @Test
    void theNewestReleaseWithoutAWheelForTheTargetIsNamedOnce() {
        Resolution r = index.resolve(request(OLD_LINUX, "numpyish"));
        assertThat(r.get(PackageName.of("numpyish")).orElseThrow().version()).isEqualTo(Version.parse("2.3.1"));
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(PackageName.of("numpyish"));
            assertThat(s.version()).isEqualTo(Version.parse("2.4.6"));
            assertThat(s.chosen()).isEqualTo(Version.parse("2.3.1"));
            assertThat(s.message()).isEqualTo("numpyish 2.4.6 skipped: its wheels need manylinux_2_28,"
                    + " the target is x86_64-manylinux_2_17; set --python-platform");
        });
    }

    @Test
    void severalTargetsNameTheOneWithoutAFile() {
        Resolution r = index.resolve(request(List.of(LINUX, MAC), "numpyish"));
        assertThat(r.get(PackageName.of("numpyish")).orElseThrow().version()).isEqualTo(Version.parse("2.3.1"));
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo(
                "numpyish 2.4.6 skipped: its wheels need macosx_14_0, the target is aarch64-macosx_13_0;"
                        + " set --python-platform"));
    }

    @Test
    void bothTargetsLackingAreBothNamed() {
        Resolution r = index.resolve(request(List.of(OLD_LINUX, MAC), "numpyish"));
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reasons()).containsExactly(
                "its wheels need manylinux_2_28, the target is x86_64-manylinux_2_17",
                "its wheels need macosx_14_0, the target is aarch64-macosx_13_0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noNotes")
    void noNote(String description, Target target, String requirement) {
        Resolution r = index.resolve(request(target, requirement));
        assertThat(r.skipped()).isEmpty();
    }

    static Stream<Arguments> noNotes() {
        return Stream.of(
                Arguments.of("the newest release is chosen", LINUX, "numpyish"),
                Arguments.of("a newer yanked release", OLD_LINUX, "yanked-newer"),
                Arguments.of("a newer release for a newer Python", OLD_LINUX, "newer-python"),
                Arguments.of("a newer pre-release (pre-releases not allowed)", OLD_LINUX, "pre-newer"),
                Arguments.of("a newer release with an sdist is chosen", OLD_LINUX, "sdist-too"),
                Arguments.of("the newest release fits", OLD_LINUX, "newest-ok"),
                Arguments.of("a dependency caps the package below the skipped releases", OLD_LINUX, "uses-numpyish"),
                Arguments.of("a root requirement caps it", OLD_LINUX, "numpyish<2.4"),
                Arguments.of("an exact pin of the chosen version", OLD_LINUX, "numpyish==2.3.1"));
    }

    @Test
    void aReleaseAfterTheCutOffGetsNoNote() {
        Resolution r = index.resolve(request(OLD_LINUX, "too-new").excludeNewer(Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(r.get(PackageName.of("too-new")).orElseThrow().version()).isEqualTo(Version.parse("1.0"));
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void onlyBinaryRulingOutTheSdistGetsNoNote() {
        Resolution r = index.resolve(request(OLD_LINUX, "sdist-too").binary(BinaryPolicyResolverTest.policy("only::all:")));
        assertThat(r.get(PackageName.of("sdist-too")).orElseThrow().version()).isEqualTo(Version.parse("1.0"));
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void aConstraintCapsTheNote() {
        ResolveRequest.Builder req = request(OLD_LINUX, "numpyish")
                .constraint(new RootRequirement(dev.relock.pep508.Requirement.parse("numpyish<2.4.6"), "-c c.txt"));
        assertThat(index.resolve(req).skipped()).extracting(SkippedVersion::version)
                .containsExactly(Version.parse("2.4.5"));
    }

    @Test
    void aPreferredVersionGetsNoNote() {
        ResolveRequest.Builder req = request(OLD_LINUX, "numpyish")
                .preference(PackageName.of("numpyish"), Version.parse("2.3.1"));
        assertThat(index.resolve(req).skipped()).isEmpty();
    }

    @Test
    void allowedPreReleasesAreNoted() {
        Resolution r = index.resolve(request(OLD_LINUX, "pre-newer").prereleases(PrereleaseMode.ALLOW));
        assertThat(r.skipped()).extracting(SkippedVersion::message).containsExactly(
                "pre-newer 2.0rc1 skipped: its wheels need manylinux_2_28, the target is x86_64-manylinux_2_17;"
                        + " set --python-platform");
    }

    @Test
    void wheelsForAnotherPythonOrPlatformAreListed() {
        Resolution r = index.resolve(request(OLD_LINUX, "other-python", "windows-only"));
        assertThat(r.skipped()).extracting(SkippedVersion::message).containsExactly(
                "other-python 2.0 skipped: its wheels are for cp312-cp312, not Python 3.11.7 (cp311);"
                        + " set --python-version",
                "windows-only 2.0 skipped: its wheels are for win32, win_amd64, the target is x86_64-manylinux_2_17;"
                        + " set --python-platform");
    }
}
