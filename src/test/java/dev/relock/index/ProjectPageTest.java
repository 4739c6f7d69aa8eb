package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.filename.DistFilename;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectPageTest {
    private static final PackageName DEMO = PackageName.of("demo");
    private static final URI PAGE = URI.create("https://index.example.org/simple/demo/");
    private static final IndexSource SOURCE = new IndexSource(IndexSource.Kind.SIMPLE_INDEX,
            URI.create("https://index.example.org/simple/"));

    private static final String JSON_PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "demo", "files": [
              {"filename": "demo-2.0.tar.gz", "url": "../../files/demo-2.0.tar.gz",
               "hashes": {"sha256": "AA00000000000000000000000000000000000000000000000000000000000000"}, "upload-time": "2024-05-01T10:00:00Z"},
              {"filename": "demo-1.0-py3-none-any.whl", "url": "https://files.example.org/demo-1.0-py3-none-any.whl",
               "hashes": {"sha256": "bb00000000000000000000000000000000000000000000000000000000000000"}, "upload-time": "2023-01-01T00:00:00.000000Z"},
              {"filename": "demo-1.0.0.tar.gz", "url": "https://files.example.org/demo-1.0.0.tar.gz#sha256=cc",
               "hashes": {"sha256": "cc00000000000000000000000000000000000000000000000000000000000000"}},
              {"filename": "demo-1.5.tar.gz", "url": "http://[broken/demo-1.5.tar.gz", "hashes": {}}
            ], "versions": ["1.0", "1.5", "2.0"]}
            """;

    /** The page as {@link PageFetcher} builds it, counting how many files get built. */
    private static ProjectPage lazyPage(AtomicInteger built) {
        List<ListedFile> listed = SimpleJsonPage.parse(JSON_PAGE.getBytes(StandardCharsets.UTF_8), PAGE,
                IndexLog.silent());
        return ProjectPage.lazy(DEMO, listed, f -> DistFilename.parse(f.filename(), DEMO).version(), f -> {
            built.incrementAndGet();
            return f.url().map(url -> new DistFile(f.filename(), DistFilename.parse(f.filename(), DEMO), url,
                    f.hashes(), f.requiresPython(), f.yanked(), f.coreMetadata(), f.size(), f.uploadInstant(), SOURCE));
        });
    }

    @Test
    void versionsAreSortedAndEqualVersionsShareOneEntry() {
        ProjectPage page = lazyPage(new AtomicInteger());

        assertThat(page.versions()).containsExactly(Version.parse("1.0"), Version.parse("1.5"), Version.parse("2.0"));
        assertThat(page.filesOf(Version.parse("1.0.0"))).extracting(DistFile::filename)
                .containsExactly("demo-1.0-py3-none-any.whl", "demo-1.0.0.tar.gz");
        assertThat(page.isEmpty()).isFalse();
    }

    @Test
    void onlyTheFilesOfTheVersionsAskedForAreBuiltAndEachOnlyOnce() {
        AtomicInteger built = new AtomicInteger();
        ProjectPage page = lazyPage(built);
        assertThat(built).hasValue(0);

        page.filesOf(Version.parse("2.0"));
        page.filesOf(Version.parse("2.0"));
        assertThat(built).hasValue(1);

        page.files();
        assertThat(built).hasValue(4);
    }

    @Test
    void aBuiltFileHasItsResolvedUrlWithoutFragmentAndItsUploadTime() {
        ProjectPage page = lazyPage(new AtomicInteger());

        DistFile sdist = page.filesOf(Version.parse("2.0")).get(0);
        assertThat(sdist.url()).isEqualTo(URI.create("https://index.example.org/files/demo-2.0.tar.gz"));
        assertThat(sdist.uploadTime()).contains(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(sdist.sha256()).contains("aa" + "0".repeat(62));
        assertThat(page.filesOf(Version.parse("1.0")).get(1).url())
                .isEqualTo(URI.create("https://files.example.org/demo-1.0.0.tar.gz"));
    }

    @Test
    void aFileWhoseUrlCannotBeResolvedIsDroppedWhenItsVersionIsBuilt() {
        ProjectPage page = lazyPage(new AtomicInteger());

        assertThat(page.versions()).contains(Version.parse("1.5"));
        assertThat(page.filesOf(Version.parse("1.5"))).isEmpty();
        assertThat(page.files()).hasSize(3);
    }

    @Test
    void anUnlistedVersionHasNoFilesAndAnEmptyPageHasNoVersions() {
        assertThat(lazyPage(new AtomicInteger()).filesOf(Version.parse("3.0"))).isEmpty();
        ProjectPage empty = new ProjectPage(DEMO, List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.versions()).isEmpty();
        assertThat(empty.files()).isEmpty();
    }

    @Test
    void concurrentReadersOfOneVersionSeeTheSameBuiltFiles() throws InterruptedException {
        AtomicInteger built = new AtomicInteger();
        ProjectPage page = lazyPage(built);
        List<List<DistFile>> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(page.filesOf(Version.parse("1.0")));
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(8).allSatisfy(files -> assertThat(files).isSameAs(seen.get(0)));
        assertThat(built).hasValue(2);
    }

    @Test
    void theJsonReaderKeepsTheUploadTimeAsTextUntilAsked() {
        ListedFile first = SimpleJsonPage.parse(JSON_PAGE.getBytes(StandardCharsets.UTF_8), PAGE,
                IndexLog.silent()).get(0);
        assertThat(first.uploadTime()).contains("2024-05-01T10:00:00Z");
        assertThat(first.uploadInstant()).contains(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(first.size()).isEqualTo(OptionalLong.empty());
        assertThat(first.link().href()).isEqualTo("../../files/demo-2.0.tar.gz");
        assertThat(first.url()).isEqualTo(Optional.of(URI.create("https://index.example.org/files/demo-2.0.tar.gz")));
    }
}
