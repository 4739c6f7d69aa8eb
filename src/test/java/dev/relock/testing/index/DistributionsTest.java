package dev.relock.testing.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionsTest {
    static final Scenario SCENARIO = Scenario.builder()
            .project("Foo.Bar_baz", p -> p
                    .release("1.0", r -> r
                            .requires("urllib3>=1.21.1,<3", "colorama; sys_platform == \"win32\"")
                            .extra("socks", "PySocks>=1.5.6,!=1.5.7")
                            .extra("win", "pywin32; os_name == \"nt\"")
                            .requiresPython(">=3.7")
                            .summary("A \"quoted\" summary")
                            .projectUrl("Homepage", "https://example.org/foo")
                            .wheel()
                            .wheel("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")
                            .sdist("2.2", "Requires-Dist")))
            .project("legacy", p -> p.release("0.1", r -> r.sdist("2.1")))
            .build();

    static ProjectSpec foo() {
        return SCENARIO.project("foo-bar-baz").orElseThrow();
    }

    static BuiltDistribution build(String project, int dist) {
        ProjectSpec p = SCENARIO.project(project).orElseThrow();
        ReleaseSpec r = p.releases().get(0);
        return Distributions.build(p, r, r.distributions().get(dist));
    }

    @ParameterizedTest
    @CsvSource({
        "Foo.Bar_baz, 1.0, py3-none-any, foo_bar_baz-1.0-py3-none-any.whl",
        "Django, 4.2.1, py3-none-any, django-4.2.1-py3-none-any.whl",
        "zope.interface, 6.0, cp311-cp311-win_amd64, zope_interface-6.0-cp311-cp311-win_amd64.whl",
        "a--b, 1.0-1, py2.py3-none-any, a_b-1.0_1-py2.py3-none-any.whl",
    })
    void wheelFileNamesUseTheEscapedNormalizedName(String name, String version, String tags, String expected) {
        ProjectSpec p = new ProjectSpec(name, List.of());
        ReleaseSpec r = release(version);
        assertThat(Distributions.filename(p, r, new DistributionSpec.Wheel(tags))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Foo.Bar_baz, 1.0, foo_bar_baz-1.0.tar.gz", "PyYAML, 6.0.1, pyyaml-6.0.1.tar.gz"})
    void sdistFileNamesFollowPep625(String name, String version, String expected) {
        ProjectSpec p = new ProjectSpec(name, List.of());
        assertThat(Distributions.filename(p, release(version), DistributionSpec.Sdist.STATIC)).isEqualTo(expected);
    }

    static Stream<Arguments> requiresDistLines() {
        return Stream.of(
                Arguments.of(Dependency.of("a>=1"), "a>=1"),
                Arguments.of(Dependency.of("a>=1 ; python_version < \"3.8\""), "a>=1 ; python_version < \"3.8\""),
                Arguments.of(new Dependency("b", java.util.Optional.of("x")), "b; extra == \"x\""),
                Arguments.of(new Dependency("b[y]>=2; os_name == \"nt\"", java.util.Optional.of("x")),
                        "b[y]>=2; (os_name == \"nt\") and extra == \"x\""));
    }

    @ParameterizedTest
    @MethodSource("requiresDistLines")
    void extrasAreFoldedIntoTheMarkerOfRequiresDist(Dependency dependency, String expected) {
        assertThat(dependency.requiresDist()).isEqualTo(expected);
    }

    @Test
    void wheelHoldsModuleMetadataWheelAndRecordInThatOrder() {
        Map<String, byte[]> entries = Archives.unzip(build("foo-bar-baz", 0).bytes());
        assertThat(entries.keySet()).containsExactly(
                "foo_bar_baz/__init__.py",
                "foo_bar_baz-1.0.dist-info/METADATA",
                "foo_bar_baz-1.0.dist-info/WHEEL",
                "foo_bar_baz-1.0.dist-info/RECORD");
        assertThat(new String(entries.get("foo_bar_baz-1.0.dist-info/METADATA"), UTF_8)).isEqualTo("""
                Metadata-Version: 2.1
                Name: Foo.Bar_baz
                Version: 1.0
                Summary: A "quoted" summary
                Project-URL: Homepage, https://example.org/foo
                Requires-Python: >=3.7
                Provides-Extra: socks
                Provides-Extra: win
                Requires-Dist: urllib3>=1.21.1,<3
                Requires-Dist: colorama; sys_platform == "win32"
                Requires-Dist: PySocks>=1.5.6,!=1.5.7; extra == "socks"
                Requires-Dist: pywin32; (os_name == "nt") and extra == "win"
                """);
        assertThat(new String(entries.get("foo_bar_baz-1.0.dist-info/WHEEL"), UTF_8)).isEqualTo("""
                Wheel-Version: 1.0
                Generator: relock-test-index 1.0
                Root-Is-Purelib: true
                Tag: py3-none-any
                """);
    }

    @Test
    void platformWheelListsEveryExpandedTagAndIsNotPurelib() {
        Map<String, byte[]> entries = Archives.unzip(build("foo-bar-baz", 1).bytes());
        assertThat(new String(entries.get("foo_bar_baz-1.0.dist-info/WHEEL"), UTF_8)).endsWith("""
                Root-Is-Purelib: false
                Tag: cp311-cp311-manylinux_2_17_x86_64
                Tag: cp311-cp311-manylinux2014_x86_64
                """);
    }

    @Test
    void recordListsTheTrueDigestAndSizeOfEveryOtherEntryAndLeavesItsOwnLineEmpty() {
        Map<String, byte[]> entries = Archives.unzip(build("foo-bar-baz", 1).bytes());
        String[] lines = new String(entries.get("foo_bar_baz-1.0.dist-info/RECORD"), UTF_8).split("\n");
        assertThat(lines).hasSize(entries.size());
        for (String line : lines) {
            String[] cols = line.split(",", -1);
            assertThat(cols).hasSize(3);
            if (cols[0].endsWith("/RECORD")) {
                assertThat(cols[1]).isEmpty();
                assertThat(cols[2]).isEmpty();
                continue;
            }
            byte[] data = entries.get(cols[0]);
            assertThat(cols[1]).isEqualTo("sha256=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Hashing.sha256(data)));
            assertThat(cols[1].substring("sha256=".length())).doesNotContain("=", "+", "/");
            assertThat(Integer.parseInt(cols[2])).isEqualTo(data.length);
        }
    }

    @Test
    void sdistHoldsPkgInfoBuildFilesAndModuleUnderOneRoot() throws IOException {
        BuiltDistribution sdist = build("foo-bar-baz", 2);
        assertThat(sdist.filename()).isEqualTo("foo_bar_baz-1.0.tar.gz");
        Map<String, byte[]> entries = Archives.untarGz(sdist.bytes());
        assertThat(entries.keySet()).containsExactly(
                "foo_bar_baz-1.0/PKG-INFO",
                "foo_bar_baz-1.0/foo_bar_baz/__init__.py",
                "foo_bar_baz-1.0/pyproject.toml",
                "foo_bar_baz-1.0/setup.py");
        String pkgInfo = new String(entries.get("foo_bar_baz-1.0/PKG-INFO"), UTF_8);
        assertThat(pkgInfo).startsWith("Metadata-Version: 2.2\nName: Foo.Bar_baz\nVersion: 1.0\nDynamic: Requires-Dist\n");
        assertThat(sdist.coreMetadata()).isEqualTo(entries.get("foo_bar_baz-1.0/PKG-INFO"));
        String setup = new String(entries.get("foo_bar_baz-1.0/setup.py"), UTF_8);
        assertThat(setup)
                .contains("install_requires=[\"urllib3>=1.21.1,<3\", \"colorama; sys_platform == \\\"win32\\\"\"]")
                .contains("extras_require={\"socks\": [\"PySocks>=1.5.6,!=1.5.7\"], "
                        + "\"win\": [\"pywin32; os_name == \\\"nt\\\"\"]}")
                .contains("python_requires=\">=3.7\"");
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new GZIPInputStream(new ByteArrayInputStream(sdist.bytes())))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(Instant.parse("2020-02-02T00:00:00Z"));
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getMode()).isEqualTo(0100644);
            }
        }
    }

    @Test
    void legacySdistsUseMetadataVersion21() {
        String pkgInfo = new String(build("legacy", 0).coreMetadata(), UTF_8);
        assertThat(pkgInfo).startsWith("Metadata-Version: 2.1\nName: legacy\nVersion: 0.1\n").doesNotContain("Dynamic");
    }

    @Test
    void buildingTwiceGivesIdenticalBytes() {
        for (int i = 0; i < 3; i++) {
            assertThat(build("foo-bar-baz", i).bytes()).isEqualTo(build("foo-bar-baz", i).bytes());
        }
    }

    @Test
    void pureWheelBytesDoNotDependOnTheMachine() {
        // STORED entries with a fixed DOS time: the digest is a function of the description alone.
        ProjectSpec p = new ProjectSpec("demo", List.of(release("1.0")));
        BuiltDistribution wheel = Distributions.build(p, p.releases().get(0), DistributionSpec.Wheel.PURE);
        assertThat(wheel.sha256()).isEqualTo(Hashing.sha256Hex(wheel.bytes()));
        assertThat(wheel.sha256()).isEqualTo(GOLDEN_DEMO_WHEEL_SHA256);
    }

    static final String GOLDEN_DEMO_WHEEL_SHA256 =
            "0e43b294dd07a574cb41809d681b45a8c84895e1cef0e02ba6940bf4ece00fb0";

    @Test
    void dynamicFieldsNeedMetadataVersion22() {
        assertThatThrownBy(() -> new DistributionSpec.Sdist("2.1", List.of("Requires-Dist")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DistributionSpec.Sdist("1.0", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releasesDefaultToOnePureWheelAndAdvancingUploadTimes() {
        Scenario s = Scenario.builder().project("a", p -> p.release("1.0").release("2.0")).build();
        List<ReleaseSpec> releases = s.project("A").orElseThrow().releases();
        assertThat(releases.get(0).distributions()).containsExactly(DistributionSpec.Wheel.PURE);
        assertThat(releases.get(0).uploadTime()).isEqualTo(Scenario.DEFAULT_EPOCH);
        assertThat(releases.get(1).uploadTime()).isAfter(releases.get(0).uploadTime());
    }

    @Test
    void projectsWhoseNamesNormalizeAlikeAreRejected() {
        assertThatThrownBy(() -> Scenario.builder().project("Foo_Bar", p -> p.release("1"))
                .project("foo.bar", p -> p.release("1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foo-bar");
    }

    private static ReleaseSpec release(String version) {
        return new ReleaseSpec(version, List.of(), List.of(), java.util.Optional.empty(), Yank.NONE,
                Scenario.DEFAULT_EPOCH, "", List.of(), List.of(DistributionSpec.Wheel.PURE));
    }
}
