package dev.relock.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WheelhouseManifestTest {
    static final Target LINUX = Target.parse("3.12", "linux");
    static final String SHA = "ab".repeat(32);

    static WheelhouseManifest manifest() {
        return new WheelhouseManifest("1.2.3", "requirements.txt", SHA,
                List.of(WheelhouseManifest.TargetEntry.of(LINUX)),
                List.of(new WheelhouseManifest.Entry("zed-1.0.tar.gz", "zed", "1.0", SHA, List.of()),
                        new WheelhouseManifest.Entry("abc-2.0-py3-none-any.whl", "abc", "2.0", SHA,
                                List.of(LINUX.toString()))));
    }

    @Test
    void isWrittenAsStableJsonWithFilesSortedByName() {
        assertThat(manifest().toJson()).isEqualTo("""
                {
                  "formatVersion": 1,
                  "relockVersion": "1.2.3",
                  "lockfile": "requirements.txt",
                  "lockfileSha256": "%1$s",
                  "targets": [
                    {
                      "name": "3.12 on x86_64-manylinux_2_17",
                      "python": "3.12",
                      "platform": "x86_64-manylinux_2_17"
                    }
                  ],
                  "files": [
                    {
                      "filename": "abc-2.0-py3-none-any.whl",
                      "package": "abc",
                      "version": "2.0",
                      "sha256": "%1$s",
                      "targets": [
                        "3.12 on x86_64-manylinux_2_17"
                      ]
                    },
                    {
                      "filename": "zed-1.0.tar.gz",
                      "package": "zed",
                      "version": "1.0",
                      "sha256": "%1$s",
                      "targets": []
                    }
                  ]
                }
                """.formatted(SHA));
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws IOException {
        manifest().writeTo(dir);
        assertThat(WheelhouseManifest.read(dir)).contains(manifest());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(WheelhouseManifest.FILENAME);
        }
    }

    @Test
    void aDirectoryWithoutManifestHasNone(@TempDir Path dir) {
        assertThat(WheelhouseManifest.read(dir)).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{", "not valid JSON"),
                Arguments.of("[]", "not a JSON object"),
                Arguments.of("{\"formatVersion\": 2}", "formatVersion 2 is not 1"),
                Arguments.of("{\"formatVersion\": 1, \"relockVersion\": 1}", "\"targets\" must be an array"),
                Arguments.of("{\"formatVersion\": 1, \"targets\": [], \"files\": [{\"filename\": \"a.whl\"}]}",
                        "\"targets\" must be an array"),
                Arguments.of("{\"formatVersion\": 1, \"targets\": [], \"files\": [{\"targets\": [1]}]}",
                        "a file's targets must be strings"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void refusesWhatIsNotAManifestOfThisFormat(String text, String message) {
        assertThatThrownBy(() -> WheelhouseManifest.parse(text, Path.of("w/relock-wheelhouse.json")))
                .isInstanceOf(RelockException.class)
                .hasMessageStartingWith("w/relock-wheelhouse.json: not a relock wheelhouse manifest: ")
                .hasMessageContaining(message);
    }
}
