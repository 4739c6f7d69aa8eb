package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemoteZipTest {
    private static final String METADATA = "Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\nRequires-Dist: six\n";

    static byte[] wheel(boolean storeMetadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] noise = new byte[200_000];
            new Random(42).nextBytes(noise);
            zip.putNextEntry(new ZipEntry("pkg/__init__.py"));
            zip.write(noise);
            zip.closeEntry();
            byte[] metadata = METADATA.getBytes(StandardCharsets.UTF_8);
            ZipEntry entry = new ZipEntry("pkg-1.0.dist-info/METADATA");
            if (storeMetadata) {
                CRC32 crc = new CRC32();
                crc.update(metadata);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(metadata.length);
                entry.setCompressedSize(metadata.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(metadata);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("pkg-1.0.dist-info/RECORD"));
            zip.write("pkg/__init__.py,,\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static Stream<Arguments> tails() {
        return Stream.of(true, false).flatMap(stored -> IntStream.of(22, 300, 4096, 65536, Integer.MAX_VALUE)
                .mapToObj(tail -> Arguments.of(stored, tail)));
    }

    @ParameterizedTest(name = "stored={0}, tail of {1} bytes")
    @MethodSource("tails")
    void metadataIsReadFromTheTailAndAFewRanges(boolean stored, int tailSize) throws IOException {
        byte[] zip = wheel(stored);
        byte[] tail = Arrays.copyOfRange(zip, Math.max(0, zip.length - tailSize), zip.length);
        AtomicInteger fetches = new AtomicInteger();
        RemoteZip remote = new RemoteZip(tail, zip.length, (start, end) -> {
            fetches.incrementAndGet();
            return Arrays.copyOfRange(zip, (int) start, (int) end);
        });
        List<RemoteZip.Entry> entries = remote.entries();
        List<String> names = entries.stream().map(RemoteZip.Entry::name).toList();
        String name = MetadataFetcher.metadataEntry(names, "pkg-1.0-py3-none-any.whl");

        assertThat(new String(remote.read(entries.get(names.indexOf(name))), StandardCharsets.UTF_8)).isEqualTo(METADATA);
        assertThat(fetches.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFileThatIsNotAZipIsReportedForFallback() {
        byte[] junk = new byte[1000];
        RemoteZip remote = new RemoteZip(junk, junk.length, (s, e) -> new byte[0]);
        assertThatThrownBy(remote::entries).isInstanceOf(RemoteZip.ZipFormatException.class)
                .hasMessageContaining("end of central directory");
    }

    @Test
    void aWheelWithSeveralMetadataFilesMustNameOneByItsFilename() throws IOException {
        List<String> names = List.of("a-1.0.dist-info/METADATA", "b-2.0.dist-info/METADATA", "a/x.dist-info/METADATA");
        assertThatThrownBy(() -> MetadataFetcher.metadataEntry(names, "c-1.0-py3-none-any.whl"))
                .isInstanceOf(RemoteZip.ZipFormatException.class);
        assertThat(MetadataFetcher.metadataEntry(names, "b-2.0-py3-none-any.whl")).isEqualTo("b-2.0.dist-info/METADATA");
    }
}
