package dev.relock.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompileRequestTest {
    static final Target TARGET = Target.parse("3.12.7", "x86_64-manylinux_2_17");

    @TempDir Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "requirements.in, requirements.txt",
        "deps/dev.in, deps/dev.txt",
        "app/pyproject.toml, app/requirements.txt",
        "requirements, requirements.txt"
    })
    void theDefaultOutputFollowsPipCompile(String source, String output) {
        CompileRequest r = CompileRequest.builder(dir, TARGET).source(Path.of(source)).build();
        assertThat(r.output()).isEqualTo(dir.resolve(output));
    }

    @Test
    void aTxtSourceNeedsAnExplicitOutput() {
        assertThatThrownBy(() -> CompileRequest.builder(dir, TARGET).source(Path.of("reqs.txt")).build())
                .isInstanceOf(RelockException.class).hasMessageContaining("its own output");
    }

    @Test
    void buildingARequestReadsNoFileAndNeedsASource() {
        assertThatThrownBy(() -> CompileRequest.builder(dir, TARGET).build())
                .isInstanceOf(RelockException.class).hasMessageContaining("no source given");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-03-01T12:30:00Z, 2024-03-01T12:30:00Z",
        "2024-03-01T12:30:00+02:00, 2024-03-01T10:30:00Z",
        "2024-03-01, 2024-03-01T00:00:00Z"
    })
    void excludeNewerAcceptsTimestampsAndDates(String text, String instant) {
        assertThat(ExcludeNewer.parse(text)).isEqualTo(new ExcludeNewer.Timestamp(Instant.parse(instant)));
    }

    @Test
    void aBadTimestampIsBadInput() {
        assertThatThrownBy(() -> ExcludeNewer.parse("yesterday"))
                .isInstanceOf(RelockException.class).hasMessageContaining("RFC 3339");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "disallow, DISALLOW", "allow, ALLOW", "if-necessary, IF_NECESSARY", "explicit, EXPLICIT",
        "IF-NECESSARY-OR-EXPLICIT, IF_NECESSARY_OR_EXPLICIT"
    })
    void prereleaseModesUseUvsNames(String text, PrereleaseMode mode) {
        assertThat(LockOption.parseMode(text)).isEqualTo(mode);
        assertThat(LockOption.modeName(mode)).isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"django|django|", "Django<5|django|<5", "foo>=1,<2|foo|<2,>=1"})
    void upgradePackageTakesANameAndOptionalSpecifiers(String text, String name, String specifiers) {
        var r = CompileRequest.parseUpgradePackage(text);
        assertThat(r.name().toString()).isEqualTo(name);
        assertThat(r.specifiers().toString()).isEqualTo(specifiers == null ? "" : specifiers);
    }

    @Test
    void upgradePackageRefusesUrlsAndMarkers() {
        assertThatThrownBy(() -> CompileRequest.parseUpgradePackage("foo; python_version < '3'"))
                .isInstanceOf(RelockException.class).hasMessageStartingWith("bad --upgrade-package");
        assertThatThrownBy(() -> CompileRequest.parseUpgradePackage("foo>>1"))
                .isInstanceOf(RelockException.class).hasMessageStartingWith("bad --upgrade-package");
    }

    @Test
    void indexUrlsLoseCredentialsAndPypiIsNotRecorded() {
        IndexSettings s = new IndexSettings(Optional.of("https://pypi.org/simple"),
                List.of("https://u:p@a.example/simple/", "https://b.example/simple/"), List.of("./wheels"), false);
        assertThat(s.recordedIndexUrl()).isEmpty();
        assertThat(s.recordedExtraIndexUrls()).containsExactly("https://a.example/simple/", "https://b.example/simple/");
        IndexSettings merged = s.overlaidBy(new IndexSettings(Optional.of("https://c.example/simple/"),
                List.of("https://b.example/simple/"), List.of(), true));
        assertThat(merged.indexUrl()).contains("https://c.example/simple/");
        assertThat(merged.extraIndexUrls()).hasSize(2);
        assertThat(merged.noIndex()).isTrue();
    }

    @Test
    void aFailedReplaceKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("lock.txt"));
        Files.writeString(target.resolve("inside"), "old");

        assertThatThrownBy(() -> AtomicFile.write(target, "new\n"))
                .isInstanceOf(RelockException.class).hasMessageContaining("cannot write");

        assertThat(target.resolve("inside")).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aReplaceRenamesANewFileOverTheOldOneInsteadOfWritingIntoIt() throws IOException {
        Path target = dir.resolve("lock.txt");
        Files.writeString(target, "old\n");
        Path link = Files.createLink(dir.resolve("hardlink"), target);

        AtomicFile.write(target, "new\n");

        assertThat(target).hasContent("new");
        // An in-place write would have changed the shared inode; a rename leaves the old one to the link.
        assertThat(link).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(target, link);
        }
    }
}
