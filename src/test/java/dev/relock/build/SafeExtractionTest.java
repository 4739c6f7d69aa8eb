package dev.relock.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeExtractionTest {
    @TempDir Path dir;

    /** One tar entry: a file with content, or a link ({@code linkFlag} set) to {@code content}. */
    private record Entry(String name, String content, byte linkFlag) {
        static Entry file(String name, String content) {
            return new Entry(name, content, (byte) 0);
        }
    }

    private Path tar(Entry... entries) throws IOException {
        Path archive = dir.resolve("x-1.0.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                if (e.linkFlag() != 0) {
                    TarArchiveEntry link = new TarArchiveEntry(e.name(), e.linkFlag());
                    link.setLinkName(e.content());
                    tar.putArchiveEntry(link);
                } else {
                    byte[] bytes = e.content().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry file = new TarArchiveEntry(e.name());
                    file.setSize(bytes.length);
                    tar.putArchiveEntry(file);
                    tar.write(bytes);
                }
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    @Test
    void aWellFormedSdistUnpacksToItsTopDirectory() throws IOException {
        Path archive = tar(Entry.file("x-1.0/setup.py", "print(1)\n"), Entry.file("x-1.0/pkg/__init__.py", ""),
                new Entry("x-1.0/link.py", "setup.py", TarArchiveEntry.LF_SYMLINK));

        Path tree = SafeExtraction.extract(archive, "x-1.0.tar.gz", dir.resolve("out"));

        assertThat(tree).isEqualTo(dir.resolve("out").toRealPath().resolve("x-1.0"));
        assertThat(tree.resolve("setup.py")).hasContent("print(1)");
        assertThat(tree.resolve("pkg/__init__.py")).exists();
        assertThat(Files.isSymbolicLink(tree.resolve("link.py"))).isTrue();
    }

    @Test
    void pathsThatLeaveTheDirectoryAreRefused() throws IOException {
        for (String name : new String[] {"x-1.0/../../evil.py", "../evil.py"}) {
            Path archive = tar(Entry.file(name, "boom"));
            assertThatThrownBy(() -> SafeExtraction.extract(archive, "x-1.0.tar.gz", dir.resolve("out-" + name.hashCode())))
                    .as(name).isInstanceOf(SafeExtraction.UnsafeArchiveException.class).hasMessageContaining(name);
        }
        assertThat(dir.getParent().resolve("evil.py")).doesNotExist();
        // commons-compress strips a leading '/' when writing, so absolute names are checked directly
        for (String name : new String[] {"/tmp/evil.py", "C:/evil.py", "x-1.0/a/../../../evil.py"}) {
            assertThatThrownBy(() -> SafeExtraction.inside(dir, name)).as(name)
                    .isInstanceOf(SafeExtraction.UnsafeArchiveException.class);
        }
    }

    @Test
    void linksPointingOutsideAreRefusedAndNothingIsWrittenThroughALink() throws IOException {
        Path outside = tar(new Entry("x-1.0/escape", "../../..", TarArchiveEntry.LF_SYMLINK));
        assertThatThrownBy(() -> SafeExtraction.extract(outside, "x-1.0.tar.gz", dir.resolve("a")))
                .isInstanceOf(SafeExtraction.UnsafeArchiveException.class).hasMessageContaining("points outside");

        Path absolute = tar(new Entry("x-1.0/etc", "/etc", TarArchiveEntry.LF_SYMLINK));
        assertThatThrownBy(() -> SafeExtraction.extract(absolute, "x-1.0.tar.gz", dir.resolve("b")))
                .isInstanceOf(SafeExtraction.UnsafeArchiveException.class).hasMessageContaining("points outside");

        Path hard = tar(new Entry("x-1.0/passwd", "/etc/passwd", TarArchiveEntry.LF_LINK));
        assertThatThrownBy(() -> SafeExtraction.extract(hard, "x-1.0.tar.gz", dir.resolve("c")))
                .isInstanceOf(SafeExtraction.UnsafeArchiveException.class);

        Path chain = tar(new Entry("x-1.0/up", "..", TarArchiveEntry.LF_SYMLINK),
                new Entry("x-1.0/upup", "up/..", TarArchiveEntry.LF_SYMLINK));
        assertThatThrownBy(() -> SafeExtraction.extract(chain, "x-1.0.tar.gz", dir.resolve("d")))
                .isInstanceOf(SafeExtraction.UnsafeArchiveException.class).hasMessageContaining("upup");
    }

    @Test
    void zipEntriesAreCheckedTheSameWay() throws IOException {
        Path archive = dir.resolve("x-1.0.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("x-1.0/../../evil.py"));
            zip.write("boom".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> SafeExtraction.extract(archive, "x-1.0.zip", dir.resolve("z")))
                .isInstanceOf(SafeExtraction.UnsafeArchiveException.class);
    }
}
