package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relock.common.RelockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad input is one BAD_INPUT error whose single line starts with file:line:column. */
class RequirementsFileBadInputTest {
    @TempDir
    Path temp;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("malformed requirement", Map.of("requirements.txt", "ok\nfoo >=< 1\n"),
                        "requirements.txt:2:5: invalid requirement: "),
                Arguments.of("unterminated continuation", Map.of("requirements.txt", "ok\nfoo \\"),
                        "requirements.txt:2:5: line continuation (backslash) at the end of the file has no following line"),
                Arguments.of("unknown option", Map.of("requirements.txt", "--frobnicate yes\n"),
                        "requirements.txt:1:1: unknown option --frobnicate"),
                Arguments.of("include cycle", Map.of("requirements.txt", "-r a.txt\n", "a.txt", "-r requirements.txt\n"),
                        "a.txt:1:4: include cycle: requirements.txt -> a.txt -> requirements.txt"),
                Arguments.of("missing include", Map.of("requirements.txt", "ok\n\n-c nope.txt\n"),
                        "requirements.txt:3:4: included file nope.txt does not exist"),
                Arguments.of("bad hash", Map.of("requirements.txt", "ok==1 --hash=sha256:abc\n"),
                        "requirements.txt:1:14: bad --hash value 'sha256:abc': a sha256 digest is 64 hexadecimal digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineNamingFileLineAndColumn(String what, Map<String, String> files, String expected)
            throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(temp.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        RequirementsFileException e = catchThrowableOfType(RequirementsFileException.class,
                () -> new RequirementsFileReader(Map.of()).read(temp.resolve("requirements.txt")));
        String message = e.getMessage().replace(temp + temp.getFileSystem().getSeparator(), "");
        assertThat(message).startsWith(expected).doesNotContain("\n");
        assertThat(e.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
        assertThat(e.location()).isPresent();
    }
}
