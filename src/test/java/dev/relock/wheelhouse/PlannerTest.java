package dev.relock.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.filename.DistFilename;
import dev.relock.index.CoreMetadataRef;
import dev.relock.index.DistFile;
import dev.relock.index.IndexSource;
import dev.relock.index.ProjectPage;
import dev.relock.index.Yanked;
import dev.relock.name.PackageName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.reqtxt.Hash;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.Pin;
import dev.relock.tags.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {
    static final Target LINUX = Target.parse("3.11", "linux");
    static final Target MAC = Target.parse("3.11", "aarch64-apple-darwin");
    static final Target WINDOWS = Target.parse("3.11", "windows");
    static final Target LINUX_312 = Target.parse("3.12", "linux");

    static final String FAST_LINUX = "fast-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    static final String FAST_ABI3 = "fast-1.0-cp39-abi3-manylinux_2_17_x86_64.whl";
    static final String FAST_MAC = "fast-1.0-cp311-cp311-macosx_11_0_arm64.whl";
    static final String FAST_PURE = "fast-1.0-py3-none-any.whl";
    static final String FAST_SDIST = "fast-1.0.tar.gz";

    /** The index: every file's published sha256 is the sha256 of its name. */
    static final Map<String, List<String>> INDEX = Map.of(
            "lib", List.of("lib-2.0-py3-none-any.whl", "lib-2.0.tar.gz", "lib-1.0-py3-none-any.whl"),
            "fast", List.of(FAST_LINUX, FAST_ABI3, FAST_MAC, FAST_PURE, FAST_SDIST),
            "src", List.of("src-1.0.tar.gz"),
            "winonly", List.of("winonly-1.0-py3-none-any.whl"));

    static String sha(String filename) {
        return Digests.sha256(filename.getBytes(StandardCharsets.UTF_8));
    }

    static DistFile file(String filename) {
        return new DistFile(filename, DistFilename.parse(filename), URI.create("https://files.invalid/" + filename),
                Map.of("sha256", sha(filename)), Optional.empty(), Yanked.no(), CoreMetadataRef.absent(),
                OptionalLong.empty(), Optional.empty(),
                new IndexSource(IndexSource.Kind.SIMPLE_INDEX, URI.create("https://index.invalid/simple/")));
    }

    static Map<PackageName, ProjectPage> pages() {
        Map<PackageName, ProjectPage> pages = new LinkedHashMap<>();
        INDEX.forEach((name, files) -> pages.put(PackageName.of(name),
                new ProjectPage(PackageName.of(name), files.stream().map(PlannerTest::file).toList())));
        return pages;
    }

    /** {@code name==version} allowing exactly {@code files}. */
    static Pin pin(String requirement, String... files) {
        String[] parts = requirement.split("==");
        return Pin.pinned(parts[0], parts[1])
                .withHashes(Arrays.stream(files).map(f -> new Hash("sha256", sha(f))).toList());
    }

    static Lockfile lock(Pin... pins) {
        return Lockfile.pipCompile(List.of(), LockfileOptions.NONE, List.of(pins), Optional.empty(),
                AnnotationStyle.SPLIT);
    }

    static Map<String, List<String>> plan(Lockfile lock, List<Target> targets, FileChoice choice, boolean sdists) {
        List<LockedPin> pins = Planner.lockedPins(lock, targets);
        Planner.Plan plan = Planner.plan(pins, pages(), choice, sdists);
        return plan.files().stream().collect(Collectors.toMap(PlannedFile::filename,
                f -> f.targets().stream().map(Target::toString).toList(), (a, b) -> a, LinkedHashMap::new));
    }

    static Stream<Arguments> selections() {
        Pin lib = pin("lib==2.0", "lib-2.0-py3-none-any.whl", "lib-2.0.tar.gz");
        Pin fast = pin("fast==1.0", FAST_LINUX, FAST_ABI3, FAST_MAC, FAST_PURE, FAST_SDIST);
        return Stream.of(
                Arguments.of("a pure wheel serves every target",
                        lock(lib), List.of(LINUX, MAC), false,
                        Map.of("lib-2.0-py3-none-any.whl", List.of(LINUX, MAC))),
                Arguments.of("each platform gets its best-ranked wheel, not the pure one",
                        lock(fast), List.of(LINUX, MAC), false,
                        Map.of(FAST_LINUX, List.of(LINUX), FAST_MAC, List.of(MAC))),
                Arguments.of("a newer interpreter falls back to the abi3 wheel before the pure one",
                        lock(fast), List.of(LINUX_312), false,
                        Map.of(FAST_ABI3, List.of(LINUX_312))),
                Arguments.of("a platform without a platform wheel takes the pure wheel",
                        lock(fast), List.of(WINDOWS), false,
                        Map.of(FAST_PURE, List.of(WINDOWS))),
                Arguments.of("files the lockfile's hashes do not allow are never chosen, however good",
                        lock(pin("fast==1.0", FAST_PURE, FAST_SDIST)), List.of(LINUX, MAC), false,
                        Map.of(FAST_PURE, List.of(LINUX, MAC))),
                Arguments.of("a target without a wheel takes the sdist when sdists are allowed",
                        lock(pin("fast==1.0", FAST_LINUX, FAST_SDIST)), List.of(LINUX, MAC), true,
                        Map.of(FAST_LINUX, List.of(LINUX), FAST_SDIST, List.of(MAC))),
                Arguments.of("an sdist-only pin is bundled with --include-sdists",
                        lock(pin("src==1.0", "src-1.0.tar.gz")), List.of(LINUX), true,
                        Map.of("src-1.0.tar.gz", List.of(LINUX))),
                Arguments.of("a pin whose marker excludes every target needs no file",
                        lock(pin("winonly==1.0", "winonly-1.0-py3-none-any.whl")
                                .withMarker(Optional.of("sys_platform == \"win32\"")), lib),
                        List.of(LINUX, MAC), false,
                        Map.of("lib-2.0-py3-none-any.whl", List.of(LINUX, MAC))),
                Arguments.of("a marker is evaluated per target",
                        lock(pin("winonly==1.0", "winonly-1.0-py3-none-any.whl")
                                .withMarker(Optional.of("sys_platform == \"win32\""))),
                        List.of(LINUX, WINDOWS), false,
                        Map.of("winonly-1.0-py3-none-any.whl", List.of(WINDOWS))),
                Arguments.of("the version is matched as a version, not as text",
                        lock(pin("lib==2.0.0", "lib-2.0-py3-none-any.whl")), List.of(LINUX), false,
                        Map.of("lib-2.0-py3-none-any.whl", List.of(LINUX))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void choosesTheFilePipWouldInstallForEachTarget(String description, Lockfile lock, List<Target> targets,
            boolean includeSdists, Map<String, List<Target>> expected) {
        Map<String, List<String>> expectedNames = expected.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(Target::toString).toList()));
        assertThat(plan(lock, targets, FileChoice.BEST_PER_TARGET, includeSdists))
                .containsExactlyInAnyOrderEntriesOf(expectedNames);
    }

    @Test
    void allFilesBundlesEveryHashedFileAndRecordsWhichTargetPrefersIt() {
        Lockfile lock = lock(pin("fast==1.0", FAST_LINUX, FAST_MAC, FAST_SDIST),
                pin("winonly==1.0", "winonly-1.0-py3-none-any.whl").withMarker(Optional.of("sys_platform == \"win32\"")));
        assertThat(plan(lock, List.of(LINUX, WINDOWS), FileChoice.ALL_FILES, false)).containsExactly(
                Map.entry(FAST_MAC, List.of()),
                Map.entry(FAST_LINUX, List.of(LINUX.toString())),
                Map.entry(FAST_SDIST, List.of(WINDOWS.toString())),
                Map.entry("winonly-1.0-py3-none-any.whl", List.of(WINDOWS.toString())));
    }

    @Test
    void allFilesWarnsAboutHashesNoListedFileHas() {
        Lockfile lock = lock(pin("lib==2.0", "lib-2.0-py3-none-any.whl", "lib-2.0-gone.whl"));
        Planner.Plan plan = Planner.plan(Planner.lockedPins(lock, List.of(LINUX)), pages(), FileChoice.ALL_FILES, false);
        assertThat(plan.warnings()).singleElement().asString()
                .startsWith("lib==2.0: the lockfile's hash sha256:" + sha("lib-2.0-gone.whl"))
                .endsWith("matches no file the index lists");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a pin without hashes",
                        lock(Pin.pinned("lib", "2.0")), false,
                        "lib==2.0 has no --hash: a wheelhouse must be verifiable"),
                Arguments.of("a direct reference",
                        lock(Pin.direct("lib", "https://example.invalid/lib-2.0.tar.gz")
                                .withHashes(List.of(new Hash("sha256", sha("lib-2.0.tar.gz"))))), false,
                        "lib @ https://example.invalid/lib-2.0.tar.gz: only name==version pins can be bundled"),
                Arguments.of("a target without a wheel, when the sdist could serve it",
                        lock(pin("fast==1.0", FAST_LINUX, FAST_SDIST)), false,
                        "fast==1.0: no wheel for " + MAC + " among the files its hashes allow ("
                                + FAST_LINUX + ", " + FAST_SDIST + "); pass --include-sdists"),
                Arguments.of("a target without any file",
                        lock(pin("fast==1.0", FAST_LINUX)), true,
                        "fast==1.0: no wheel for " + MAC + " among the files its hashes allow ("
                                + FAST_LINUX + "); lock for another target"),
                Arguments.of("hashes no listed file has",
                        lock(pin("lib==2.0", "lib-9.9.tar.gz")), false,
                        "lib==2.0: none of the 2 files the index lists for this version has one of the lockfile's hashes"),
                Arguments.of("a version the index does not list",
                        lock(pin("lib==3.0", "lib-3.0.tar.gz")), false,
                        "lib==3.0: the index lists no files for this version"),
                Arguments.of("a digest pip would not match because it is upper case",
                        lock(Pin.pinned("src", "1.0").withHashes(List.of(
                                new Hash("sha256", sha("src-1.0.tar.gz").toUpperCase(Locale.ROOT))))), true,
                        "src==1.0: none of the 1 files the index lists"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusals")
    void refusesWhatCannotBeBundledWithAMessageNamingThePackage(String description, Lockfile lock,
            boolean includeSdists, String message) {
        assertThatThrownBy(() -> plan(lock, List.of(LINUX, MAC), FileChoice.BEST_PER_TARGET, includeSdists))
                .isInstanceOf(RelockException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((RelockException) e).kind()).isEqualTo(RelockException.Kind.BAD_INPUT));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Lockfile lock = lock(Pin.pinned("lib", "2.0"), Pin.pinned("fast", "1.0"));
        assertThatThrownBy(() -> Planner.lockedPins(lock, List.of(LINUX)))
                .hasMessageStartingWith("the lockfile cannot be bundled: 2 problems\n")
                .hasMessageContaining("\n  lib==2.0 has no --hash")
                .hasMessageContaining("\n  fast==1.0 has no --hash");
    }

    @Test
    void aLockedHashOfAnotherAlgorithmMatchesWhenTheIndexPublishesIt() {
        DistFile listed = new DistFile("lib-2.0.tar.gz", DistFilename.parse("lib-2.0.tar.gz"),
                URI.create("https://files.invalid/lib-2.0.tar.gz"), Map.of("sha256", sha("x"), "sha512", "ab".repeat(64)),
                Optional.empty(), Yanked.no(), CoreMetadataRef.absent(), OptionalLong.empty(), Optional.empty(),
                new IndexSource(IndexSource.Kind.SIMPLE_INDEX, URI.create("https://index.invalid/simple/")));
        assertThat(Planner.matchingHash(listed, List.of(new Hash("sha256", sha("y")), new Hash("sha512", "ab".repeat(64)))))
                .contains(new Hash("sha512", "ab".repeat(64)));
        assertThat(Planner.matchingHash(listed, List.of(new Hash("sha256", sha("y"))))).isEmpty();
    }
}
