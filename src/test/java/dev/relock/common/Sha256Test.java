package dev.relock.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sha256Test {
    @TempDir
    Path tmp;

    /** FIPS 180-2 test vectors. */
    @ParameterizedTest(name = "sha256({0})")
    @CsvSource({
        "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, "
                + "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"})
    void bytesAndFilesDigestToTheStandardVectors(String text, String hex) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Sha256.of(bytes)).isEqualTo(hex);
        Path file = Files.write(tmp.resolve("f"), bytes);
        assertThat(Sha256.ofFile(file)).isEqualTo(hex);
    }

    @Test
    void aFileLargerThanTheBufferIsReadWhole() throws IOException {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path file = Files.write(tmp.resolve("big"), big);
        assertThat(Sha256.ofFile(file)).isEqualTo(Sha256.of(big));
    }
}
