package dev.relock.resolve;

import static dev.relock.resolve.IndexFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.Requirement;
import dev.relock.tags.Target;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resolutions against one real local index holding many small scenarios. */
class ResolverScenarioTest {
    static final Scenario SCENARIO = Scenario.builder()
            // chain and diamond
            .project("chain-a", p -> p.release("1.0", r -> r.requires("chain-b")))
            .project("chain-b", p -> p.release("1.0", r -> r.requires("chain-c>=1")).release("0.9"))
            .project("chain-c", p -> p.release("1.0").release("1.1"))
            .project("top", p -> p.release("1.0", r -> r.requires("left", "right")))
            .project("left", p -> p.release("1.0", r -> r.requires("bottom>=1")))
            .project("right", p -> p.release("1.0", r -> r.requires("bottom<2")))
            .project("bottom", p -> p.release("1.0").release("1.5").release("2.0"))
            // backtracking: newest bt-a needs bt-c>=2 but bt-b caps bt-c<2
            .project("bt-a", p -> p.release("1.0", r -> r.requires("bt-c")).release("2.0", r -> r.requires("bt-c>=2")))
            .project("bt-b", p -> p.release("1.0", r -> r.requires("bt-c<2")))
            .project("bt-c", p -> p.release("1.0").release("2.0"))
            // conflict
            .project("requests", p -> p.release("2.31.0", r -> r.requires("urllib3>=1.21.1,<3", "idna")))
            .project("urllib3", p -> p.release("1.26.18").release("2.0.7").release("3.0.0"))
            .project("idna", p -> p.release("3.6"))
            // extras
            .project("lib", p -> p.release("1.0", r -> r.requires("core")
                    .extra("fast", "speedy")
                    .extra("cli", "clicky")
                    .extra("all", "lib[fast,cli]")))
            .project("core", p -> p.release("1.0"))
            .project("speedy", p -> p.release("1.0"))
            .project("clicky", p -> p.release("1.0"))
            // markers
            .project("marked", p -> p.release("1.0", r -> r.requires(
                    "winonly; sys_platform == 'win32'", "oldpy; python_version < '3.10'",
                    "newpy; python_version >= '3.11'")))
            .project("winonly", p -> p.release("1.0"))
            .project("oldpy", p -> p.release("1.0"))
            .project("newpy", p -> p.release("1.0"))
            // requires-python
            .project("needs-py", p -> p.release("1.0").release("2.0", r -> r.requiresPython(">=3.12")))
            // pre-releases
            .project("pre", p -> p.release("1.0").release("2.0b1"))
            .project("onlypre", p -> p.release("1.0a1"))
            // local and post releases
            .project("loc", p -> p.release("1.0").release("1.0+ubuntu.1").release("1.0.post1"))
            // yanked
            .project("yank", p -> p.release("1.0").release("2.0", r -> r.yanked("broken")))
            // wheel tags
            .project("native", p -> p.release("1.0").release("2.0", r -> r.wheel("cp312-cp312-manylinux_2_17_x86_64")))
            .project("musl", p -> p
                    .release("1.0", r -> r.wheel("cp311-cp311-musllinux_1_2_x86_64").wheel("cp311-cp311-manylinux_2_17_x86_64"))
                    .release("2.0", r -> r.wheel("cp311-cp311-manylinux_2_17_x86_64")))
            // sdists
            .project("static-sdist", p -> p.release("1.0", r -> r.sdist().requires("core")))
            .project("dyn", p -> p.release("1.0").release("2.0", r -> r.sdist("2.2", "Requires-Dist")))
            // upload times: 2020-01-01T00:00Z + 1h per release in declaration order
            .project("dated", p -> p.release("1.0", r -> r.uploaded(Instant.parse("2023-01-01T00:00:00Z")))
                    .release("2.0", r -> r.uploaded(Instant.parse("2024-06-01T00:00:00Z"))))
            // preferences and constraints
            .project("foo", p -> p.release("1.0").release("2.0"))
            .project("wants-newer-foo", p -> p.release("1.0", r -> r.requires("foo>=2.0,!=2.0")))
            .project("bar", p -> p.release("1.0").release("2.0"))
            .project("unsafe-user", p -> p.release("1.0", r -> r.requires("setuptools>=40")))
            .project("setuptools", p -> p.release("39.0").release("69.0"))
            .build();

    /** Served for the whole class; closed after the last test. */
    @RegisterExtension
    static final IndexFixture index = IndexFixture.serve(SCENARIO);

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("a simple chain takes the newest of each", List.of("chain-a"),
                        Map.of("chain-a", "1.0", "chain-b", "1.0", "chain-c", "1.1")),
                Arguments.of("a diamond meets both ranges", List.of("top"),
                        Map.of("top", "1.0", "left", "1.0", "right", "1.0", "bottom", "1.5")),
                Arguments.of("backtracking picks an older version", List.of("bt-a", "bt-b"),
                        Map.of("bt-a", "1.0", "bt-b", "1.0", "bt-c", "1.0")),
                Arguments.of("an extra adds its dependencies and the base ones", List.of("lib[fast]"),
                        Map.of("lib", "1.0", "core", "1.0", "speedy", "1.0")),
                Arguments.of("extras of extras resolve", List.of("lib[all]"),
                        Map.of("lib", "1.0", "core", "1.0", "speedy", "1.0", "clicky", "1.0")),
                Arguments.of("markers drop win32 and old-python dependencies", List.of("marked"),
                        Map.of("marked", "1.0", "newpy", "1.0")),
                Arguments.of("a direct requirement whose marker fails is skipped",
                        List.of("foo", "bar; sys_platform == 'win32'"), Map.of("foo", "2.0")),
                Arguments.of("requires-python on files skips versions for newer Pythons", List.of("needs-py"),
                        Map.of("needs-py", "1.0")),
                Arguments.of("post releases are newest", List.of("loc"), Map.of("loc", "1.0.post1")),
                Arguments.of("== admits local versions", List.of("loc==1.0"), Map.of("loc", "1.0+ubuntu.1")),
                Arguments.of("<= admits local versions but no post releases", List.of("loc<=1.0"),
                        Map.of("loc", "1.0+ubuntu.1")),
                Arguments.of("yanked versions are skipped", List.of("yank"), Map.of("yank", "1.0")),
                Arguments.of("yanked versions are kept when pinned", List.of("yank==2.0"), Map.of("yank", "2.0")),
                Arguments.of("a version with only a wheel for another Python is unusable", List.of("native"),
                        Map.of("native", "1.0")),
                Arguments.of("a static sdist is usable", List.of("static-sdist"),
                        Map.of("static-sdist", "1.0", "core", "1.0")),
                Arguments.of("an sdist with dynamic dependencies is skipped", List.of("dyn"), Map.of("dyn", "1.0")),
                Arguments.of("unsafe packages resolve like any other", List.of("unsafe-user"),
                        Map.of("unsafe-user", "1.0", "setuptools", "69.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void resolvesTo(String description, List<String> requirements, Map<String, String> expected) {
        assertThat(index.pins(request(requirements.toArray(String[]::new)))).isEqualTo(expected);
    }

    static Stream<Arguments> prereleasePolicies() {
        return Stream.of(
                Arguments.of("pre", PrereleaseMode.DISALLOW, "1.0"),
                Arguments.of("pre", PrereleaseMode.ALLOW, "2.0b1"),
                Arguments.of("pre", PrereleaseMode.IF_NECESSARY, "1.0"),
                Arguments.of("pre", PrereleaseMode.EXPLICIT, "1.0"),
                Arguments.of("pre", PrereleaseMode.IF_NECESSARY_OR_EXPLICIT, "1.0"),
                Arguments.of("pre>=2.0b1", PrereleaseMode.DISALLOW, "none"),
                Arguments.of("pre>=2.0b1", PrereleaseMode.ALLOW, "2.0b1"),
                // uv's "if necessary": only when every release of the package is a pre-release
                Arguments.of("pre>=2.0b1", PrereleaseMode.IF_NECESSARY, "none"),
                Arguments.of("pre>=2.0b1", PrereleaseMode.EXPLICIT, "2.0b1"),
                Arguments.of("pre>=2.0b1", PrereleaseMode.IF_NECESSARY_OR_EXPLICIT, "2.0b1"),
                Arguments.of("pre>=1.5", PrereleaseMode.IF_NECESSARY, "none"),
                Arguments.of("pre>=1.5", PrereleaseMode.IF_NECESSARY_OR_EXPLICIT, "none"),
                Arguments.of("onlypre", PrereleaseMode.IF_NECESSARY, "1.0a1"),
                Arguments.of("pre>=1.5", PrereleaseMode.EXPLICIT, "none"),
                Arguments.of("onlypre", PrereleaseMode.DISALLOW, "none"),
                Arguments.of("onlypre", PrereleaseMode.EXPLICIT, "none"),
                Arguments.of("onlypre", PrereleaseMode.IF_NECESSARY_OR_EXPLICIT, "1.0a1"));
    }

    @ParameterizedTest(name = "{0} under {1} gives {2}")
    @MethodSource("prereleasePolicies")
    void prereleasesFollowThePolicy(String requirement, PrereleaseMode mode, String expected) {
        ResolveRequest.Builder req = request(requirement).prereleases(mode);
        if (expected.equals("none")) {
            assertThat(index.failure(req)).contains("pre-release");
        } else {
            assertThat(index.pins(req).values()).containsExactly(expected);
        }
    }

    @Test
    void aConflictIsExplainedInPipsWords() {
        String message = index.failure(request("requests", "urllib3>=3"));
        assertThat(message.lines().findFirst().orElseThrow()).isEqualTo(
                "Cannot resolve the requirements for Python 3.11.7 on x86_64-manylinux_2_17: conflicting requirements"
                        + " on urllib3 (requests==2.31.0 depends on urllib3>=1.21.1, <3; you require urllib3>=3)");
        assertThat(message.lines().skip(1)).containsExactly(
                "Because you require requests and requests==2.31.0 depends on urllib3>=1.21.1, <3, you require"
                        + " urllib3>=1.21.1, <3.",
                "And because you require urllib3>=3, version solving failed.");
        assertThat(message).doesNotContain("dev0", "after-", "∅");
    }

    @Test
    void aDependencyNoVersionSatisfiesIsNamedNotHidden() {
        String message = index.failure(request("wants-newer-foo"));
        assertThat(message.lines().findFirst().orElseThrow()).endsWith("no version of foo matches >2.0");
        assertThat(message.lines().skip(1).toList()).anySatisfy(line -> assertThat(line)
                .contains("no version of foo matches >2.0")
                .contains("wants-newer-foo==1.0 depends on foo>2.0"));
    }

    static Stream<Arguments> explanations() {
        return Stream.of(
                Arguments.of(List.of("needs-py==2.0"),
                        "needs-py==2.0 requires Python >=3.12, but the target is Python 3.11.7"),
                Arguments.of(List.of("foo>=9"), "no version of foo matches >=9"),
                Arguments.of(List.of("yank>=2.0"), "yank==2.0 is yanked (reason: broken)"),
                Arguments.of(List.of("dyn==2.0"), "dyn==2.0 has only an sdist that needs a build"),
                Arguments.of(List.of("native>=2"),
                        "native==2.0 has no wheel for Python 3.11.7 on x86_64-manylinux_2_17 and no sdist"),
                Arguments.of(List.of("no-such-project"), "no-such-project was not found in the package index"),
                Arguments.of(List.of("loc>1.0"), "no version of loc matches >1.0"),
                Arguments.of(List.of("foo!=1.0,<2"), "no version of foo matches !=1.0, <2"),
                Arguments.of(List.of("foo", "foo>=1.0,!=1.0,!=2.0"), "no version of foo matches >1.0, !=2.0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("explanations")
    void unusableVersionsAreExplained(List<String> requirements, String cause) {
        String message = index.failure(request(requirements.toArray(String[]::new)));
        assertThat(message.lines().findFirst().orElseThrow()).contains(cause);
    }

    @Test
    void aMusllinuxTargetPicksMusllinuxWheels() {
        Target musl = Target.parse("3.11.7", "x86_64-unknown-linux-musl");
        assertThat(index.pins(request(musl, "musl"))).containsEntry("musl", "1.0");
        assertThat(index.pins(request("musl"))).containsEntry("musl", "2.0");
    }

    @Test
    void filesListEveryPlatformAndExtrasAndViaAreRecorded() {
        Resolution r = index.resolve(request("musl==1.0", "lib[all]", "top"));
        ResolvedPackage musl = r.get(PackageName.of("musl")).orElseThrow();
        assertThat(musl.files()).extracting(f -> f.filename()).containsExactly(
                "musl-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", "musl-1.0-cp311-cp311-musllinux_1_2_x86_64.whl");
        ResolvedPackage lib = r.get(PackageName.of("lib")).orElseThrow();
        assertThat(lib.extras()).containsExactly(ExtraName.of("all"), ExtraName.of("cli"), ExtraName.of("fast"));
        assertThat(lib.via()).containsExactly(new Via.Source("-r requirements.in"));
        assertThat(r.get(PackageName.of("bottom")).orElseThrow().via())
                .containsExactly(new Via.Parent(PackageName.of("left")), new Via.Parent(PackageName.of("right")));
        assertThat(r.get(PackageName.of("speedy")).orElseThrow().via())
                .containsExactly(new Via.Parent(PackageName.of("lib")));
        assertThat(r.get(PackageName.of("core")).orElseThrow().metadata().name()).isEqualTo(PackageName.of("core"));
        assertThat(r.packages()).extracting(p -> p.name().toString()).isSorted();
    }

    @Test
    void theSameInputsGiveTheSameResolution() {
        ResolveRequest.Builder req = request("top", "lib[all]", "bt-a", "bt-b", "requests");
        Resolution first = index.resolve(req);
        try (IndexFixture other = IndexFixture.serve(SCENARIO)) {
            assertThat(summary(other.resolve(req))).isEqualTo(summary(first));
        }
    }

    /** Everything but the server's URLs. */
    static List<String> summary(Resolution r) {
        return r.packages().stream().map(p -> p.name() + "==" + p.version() + p.extras() + " via " + p.via()
                + " files " + p.files().stream().map(f -> f.filename()).toList() + " " + p.metadata()).toList();
    }

    @Test
    void aDirectMarkerIsKeptWhenItHolds() {
        Resolution r = index.resolve(request("foo; python_version >= '3.8'", "bar"));
        assertThat(r.get(PackageName.of("foo")).orElseThrow().directMarker()).map(Object::toString)
                .contains("python_version >= \"3.8\"");
        assertThat(r.get(PackageName.of("bar")).orElseThrow().directMarker()).isEmpty();
    }

    @Test
    void excludeNewerDropsLaterUploads() {
        assertThat(index.pins(request("dated").excludeNewer(Instant.parse("2024-01-01T00:00:00Z"))))
                .containsEntry("dated", "1.0");
        assertThat(index.pins(request("dated"))).containsEntry("dated", "2.0");
        assertThat(index.failure(request("dated").excludeNewer(Instant.parse("2022-01-01T00:00:00Z"))))
                .contains("dated==1.0 was uploaded after 2022-01-01T00:00:00Z");
    }

    @Test
    void aRemedyTakesTheLowestVersionThatStillResolves() {
        // bottom>=1.1 allows 1.5 and 2.0: the smallest step wins, not the newest release
        assertThat(index.pins(request("bottom>=1.1").remedy(Remedy.lowest(Set.of(PackageName.of("bottom"))))))
                .containsEntry("bottom", "1.5");
        // bt-c 1.0 is the lowest, but bt-a 2.0 needs bt-c>=2: the resolver moves up to the next that resolves
        assertThat(index.pins(request("bt-a>=2", "bt-c").remedy(Remedy.lowest(Set.of(PackageName.of("bt-c"))))))
                .containsEntry("bt-c", "2.0");
        // the other packages are still chosen newest first
        assertThat(index.pins(request("top", "bottom>=1").remedy(Remedy.lowest(Set.of(PackageName.of("left"))))))
                .containsEntry("bottom", "1.5");
    }

    @Test
    void aRemedyMayLiftTheCutoffForItsPackagesOnly() {
        Instant cutoff = Instant.parse("2024-01-01T00:00:00Z");
        Remedy past = new Remedy(Set.of(PackageName.of("dated")), Set.of(PackageName.of("dated")));
        assertThat(index.pins(request("dated>1.0").excludeNewer(cutoff).remedy(past))).containsEntry("dated", "2.0");
        assertThat(index.failure(request("dated>1.0").excludeNewer(cutoff)
                .remedy(Remedy.lowest(Set.of(PackageName.of("dated")))))).contains("uploaded after");
    }

    static Stream<Arguments> preferences() {
        return Stream.of(
                Arguments.of(UpgradePolicy.NONE, "1.0", "1.0"),
                Arguments.of(UpgradePolicy.packages(Set.of(PackageName.of("foo"))), "2.0", "1.0"),
                Arguments.of(UpgradePolicy.ALL, "2.0", "2.0"));
    }

    @ParameterizedTest(name = "{0} gives foo {1}, bar {2}")
    @MethodSource("preferences")
    void preferencesAreKeptUnlessFreed(UpgradePolicy upgrade, String foo, String bar) {
        ResolveRequest.Builder req = request("foo", "bar")
                .preference(PackageName.of("foo"), Version.parse("1.0"))
                .preference(PackageName.of("bar"), Version.parse("1.0"))
                .upgrade(upgrade);
        assertThat(index.pins(req)).isEqualTo(Map.of("foo", foo, "bar", bar));
    }

    @Test
    void aPreferenceThatNoLongerSatisfiesIsDropped() {
        assertThat(index.pins(request("foo>=2").preference(PackageName.of("foo"), Version.parse("1.0"))))
                .containsEntry("foo", "2.0");
    }

    @Test
    void constraintsNarrowRangesButAddNoPackages() {
        ResolveRequest.Builder req = request("foo")
                .constraint(new RootRequirement(Requirement.parse("foo<2"), "-c constraints.txt"))
                .constraint(new RootRequirement(Requirement.parse("bar==1.0"), "-c constraints.txt"));
        Resolution r = index.resolve(req);
        assertThat(IndexFixture.pins(r)).isEqualTo(Map.of("foo", "1.0"));
        assertThat(r.get(PackageName.of("foo")).orElseThrow().via())
                .containsExactly(new Via.Source("-r requirements.in"), new Via.Source("-c constraints.txt"));
        assertThat(index.pins(request("top").constraint(
                new RootRequirement(Requirement.parse("bottom<1.5"), "-c c.txt")))).containsEntry("bottom", "1.0");
    }

    @Test
    void requiresPythonInMetadataAloneIsHonoured(@TempDir Path dir) throws Exception {
        LocalIndexServer.exportFindLinks(SCENARIO, dir);
        IndexSources sources = IndexSources.builder().noIndex(true).findLinks(dir.toString()).build();
        try (IndexClient client = IndexFixture.client(sources)) {
            Resolver resolver = new Resolver(client);
            assertThat(IndexFixture.pins(resolver.resolve(request("needs-py").build())))
                    .containsEntry("needs-py", "1.0");
            try {
                resolver.resolve(request("needs-py==2.0").build());
                throw new AssertionError("expected a failure");
            } catch (dev.relock.common.RelockException e) {
                assertThat(e.getMessage()).contains("needs-py==2.0 requires Python >=3.12, but the target is Python 3.11.7");
            }
        }
    }

    @Test
    void progressIsReported() {
        java.util.List<ResolverListener.Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        new Resolver(index.client, seen::add).resolve(request("top").build());
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).versionsRead()).isEqualTo(5);
        assertThat(seen.get(0).toString()).startsWith("resolved 1 package, ");
    }
}
