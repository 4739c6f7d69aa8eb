package dev.relock.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.reqtxt.LockfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeSetTest {
    static final String HASH_A = "--hash=sha256:" + "a".repeat(64);
    static final String HASH_B = "--hash=sha256:" + "b".repeat(64);

    static Stream<Arguments> versionChanges() {
        return Stream.of(
                Arguments.of("1.2.3", "2.0.0", UpdateType.MAJOR),
                Arguments.of("1.2.3", "1.3.0", UpdateType.MINOR),
                Arguments.of("1.2.3", "1.2.4", UpdateType.PATCH),
                Arguments.of("1.2", "1.2.0.1", UpdateType.PATCH),
                Arguments.of("1.2.3", "1.3.0rc1", UpdateType.PRE),
                Arguments.of("1.0", "1!1.0", UpdateType.MAJOR),
                Arguments.of("2023.1", "2024.2", UpdateType.MAJOR),
                Arguments.of("1.0", "not a version", UpdateType.OTHER));
    }

    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @MethodSource("versionChanges")
    void versionChangesAreClassifiedByTheFirstDifferingSegment(String from, String to, UpdateType type) {
        assertThat(UpdateType.of(from, to)).isEqualTo(type);
    }

    @Test
    void pinsAreComparedByNormalizedNameWithHashOnlyChangesSeen() {
        var before = LockfileReader.read("""
                attrs==23.1.0 \\
                    %s
                idna==3.7
                Old_Pkg==1.0
                six==1.16.0 \\
                    %s
                """.formatted(HASH_A, HASH_A), Path.of("requirements.txt"));
        var after = LockfileReader.read("""
                attrs==24.1.0 \\
                    %s
                idna==3.6
                new-pkg==0.1
                six==1.16.0 \\
                    %s \\
                    %s
                """.formatted(HASH_A, HASH_A, HASH_B), Path.of("requirements.txt"));

        LockfileChanges changes = LockfileChanges.between("requirements.txt", before, after, true);

        assertThat(changes.changes()).extracting(PackageChange::name, PackageChange::kind, PackageChange::fromTo,
                        PackageChange::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("attrs", ChangeKind.UPGRADED, "23.1.0 → 24.1.0", UpdateType.MAJOR),
                        org.assertj.core.groups.Tuple.tuple("idna", ChangeKind.DOWNGRADED, "3.7 → 3.6", UpdateType.MINOR),
                        org.assertj.core.groups.Tuple.tuple("new-pkg", ChangeKind.ADDED, " → 0.1", UpdateType.NEW),
                        org.assertj.core.groups.Tuple.tuple("Old_Pkg", ChangeKind.REMOVED, "1.0 → ", UpdateType.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("six", ChangeKind.HASHES, "1.16.0", UpdateType.OTHER));
    }

    private static FileUpdate update(LockfileChanges changes) {
        return update(changes, Map.of(), Optional.empty());
    }

    private static FileUpdate update(LockfileChanges changes, Map<String, String> skipped, Optional<String> change) {
        var empty = dev.relock.reqtxt.Lockfile.pipCompile(List.of(), dev.relock.reqtxt.LockfileOptions.NONE, List.of(),
                Optional.empty(), dev.relock.reqtxt.AnnotationStyle.SPLIT);
        return new FileUpdate(new LockfileJob(Optional.empty(), java.nio.file.Path.of(changes.path())), changes.path(),
                "", "x", changes, new Recompiled("x", empty, skipped, change));
    }

    @Test
    void aDowngradeCausedByATargetChangeIsNamedAndSkippedReleasesAreListed() {
        List<PackageChange> changes = List.of(new PackageChange("pillow", ChangeKind.DOWNGRADED, Optional.of("12.3.0"),
                Optional.of("11.3.0"), UpdateType.MAJOR));
        String body = PullRequestText.body(List.of(update(new LockfileChanges("requirements.txt", changes, true),
                Map.of("pillow", "pillow 12.3.0 skipped: its wheels need manylinux_2_28, the target is"
                        + " x86_64-manylinux_2_17; set --python-platform"),
                Optional.of("x86_64-manylinux_2_36 → x86_64-manylinux_2_17"))), Map.of(), "Python 3.12", "relock update");

        assertThat(body).contains("| downgraded (target changed) |")
                .contains("### Target changed\n\n- `requirements.txt`: x86_64-manylinux_2_36 → x86_64-manylinux_2_17.")
                .contains("### Newer releases passed over for the target\n\n- pillow 12.3.0 skipped: its wheels need"
                        + " manylinux_2_28");
    }

    @Test
    void longTablesCollapseAndEveryPullRequestCarriesTheMarker() {
        List<PackageChange> many = Stream.iterate(0, i -> i + 1).limit(PullRequestText.COLLAPSE_ROWS + 1)
                .map(i -> new PackageChange("p" + i, ChangeKind.UPGRADED, Optional.of("1.0"), Optional.of("1.1"),
                        UpdateType.MINOR))
                .toList();
        List<PackageChange> few = many.subList(0, 2);

        String longBody = PullRequestText.body(List.of(update(new LockfileChanges("a.txt", many, true))), Map.of(),
                "Python 3.12", "relock update");
        String shortBody = PullRequestText.body(List.of(update(new LockfileChanges("b.txt", few, true))), Map.of(),
                "Python 3.12", "relock update");

        assertThat(longBody).startsWith(PullRequestText.MARKER).contains("<details>\n<summary>11 changes</summary>");
        assertThat(shortBody).startsWith(PullRequestText.MARKER).doesNotContain("changes</summary>")
                .contains("| [p1](https://pypi.org/project/p1/1.1/) | upgraded | `1.0` → `1.1` | minor |");
        assertThat(PullRequestText.commitMessage(List.of(new LockfileChanges("b.txt", few, true))))
                .startsWith("chore(deps): update Python lockfiles (2 packages)\n\nb.txt:\n- p0 upgraded 1.0 -> 1.1\n");
    }

    static Stream<Arguments> changelogLabels() {
        return Stream.of(
                Arguments.of(Map.of("Homepage", "https://h", "Changelog", "https://c"), Optional.of("https://c")),
                Arguments.of(Map.of("Release Notes", "https://r"), Optional.of("https://r")),
                Arguments.of(Map.of("what's new", "https://w"), Optional.of("https://w")),
                Arguments.of(Map.of("CHANGES", "https://x"), Optional.of("https://x")),
                Arguments.of(Map.of("History", "javascript:alert(1)"), Optional.empty()),
                Arguments.of(Map.of("Source", "https://s"), Optional.empty()));
    }

    @ParameterizedTest(name = "{0} links {1}")
    @MethodSource("changelogLabels")
    void changelogLinksComeFromProjectUrlLabelsCaseAndPunctuationInsensitive(Map<String, String> urls,
            Optional<String> expected) {
        assertThat(ReleaseNote.changelog(urls).map(ReleaseNote.Link::url)).isEqualTo(expected);
    }

    @Test
    void constrainedFilesComeAfterTheFilesTheyConstrainOn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.in"), "attrs\n");
        Files.writeString(dir.resolve("dev.in"), "-c base.txt\npytest\n");
        Files.writeString(dir.resolve("docs.in"), "--requirement=dev.txt\nsphinx\n");
        LockfileJob base = new LockfileJob(Optional.of(dir.resolve("base.in")), dir.resolve("base.txt"));
        LockfileJob dev = new LockfileJob(Optional.of(dir.resolve("dev.in")), dir.resolve("dev.txt"));
        LockfileJob docs = new LockfileJob(Optional.of(dir.resolve("docs.in")), dir.resolve("docs.txt"));

        assertThat(LayerOrder.sort(List.of(docs, dev, base))).containsExactly(base, dev, docs);
        assertThat(LayerOrder.sort(List.of(base, dev, docs))).containsExactly(base, dev, docs);
    }

    @Test
    void aCycleOfConstraintsIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.in"), "-c b.txt\n");
        Files.writeString(dir.resolve("b.in"), "-c a.txt\n");
        List<LockfileJob> jobs = List.of(new LockfileJob(Optional.of(dir.resolve("a.in")), dir.resolve("a.txt")),
                new LockfileJob(Optional.of(dir.resolve("b.in")), dir.resolve("b.txt")));

        assertThatThrownBy(() -> LayerOrder.sort(jobs)).isInstanceOf(RelockException.class).hasMessageContaining("cycle");
    }

    @Test
    void lockfilesComeFromOptionsConfigurationAndDiscovery(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("locks"));
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.relock]\nlockfiles = [\"deps/app.in:locks/app.txt\"]\n");
        Files.writeString(dir.resolve("requirements.in"), "attrs\n");
        Files.writeString(dir.resolve("requirements.txt"), "attrs==1\n");

        assertThat(LockfileSelection.discover(dir)).containsExactly(
                new LockfileJob(Optional.of(dir.resolve("deps/app.in")), dir.resolve("locks/app.txt")),
                new LockfileJob(Optional.of(dir.resolve("requirements.in")), dir.resolve("requirements.txt")));
        assertThat(LockfileSelection.parse("requirements.txt", dir)).isEqualTo(
                new LockfileJob(Optional.of(dir.resolve("requirements.in")), dir.resolve("requirements.txt")));
        assertThat(LockfileSelection.parse("dev.in", dir))
                .isEqualTo(new LockfileJob(Optional.of(dir.resolve("dev.in")), dir.resolve("dev.txt")));
        Files.writeString(dir.resolve("relock.toml"), "lockfiles = \"nope\"\n");
        assertThatThrownBy(() -> LockfileSelection.discover(dir)).isInstanceOf(RelockException.class)
                .hasMessageContaining("must be a list");
    }
}
