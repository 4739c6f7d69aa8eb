package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lockfile text the reader cannot reproduce is refused with one line naming file, line and column. */
class LockfileReaderErrorTest {
    static final String HASH = "sha256:683adbe388e14e640b4153863b7eb8cc329c4d64c74cc611270e90f4d3e23f92";

    static Stream<Arguments> badLockfiles() {
        return Stream.of(
                Arguments.of("six>=1.0\n",
                        "lock.txt:1:1: expected 'name==version', 'name @ url', a URL or '-e url', found 'six>=1.0'"),
                Arguments.of("six==1.16.0 \\\n",
                        "lock.txt:1:1: line continuation (backslash) at the end of the file has no following line"),
                Arguments.of("six==1.16.0 \\\n    --hash=md5:abc\n",
                        "lock.txt:2:12: unsupported --hash algorithm 'md5' (allowed: sha256, sha384, sha512)"),
                Arguments.of("six==1.16.0 \\\n    # via foo\n",
                        "lock.txt:2:1: expected a '    --hash=ALGORITHM:DIGEST' line"),
                Arguments.of("--index-url https://x.example.org\nsix==1.16.0\n",
                        "lock.txt:2:1: expected a blank line after the options block"),
                Arguments.of("six==1.16.0\n    # from https://pypi.org/simple\n",
                        "lock.txt:2:1: expected a pinned requirement, found '# from https://pypi.org/simple'"),
                Arguments.of("six==1.16.0\n\n# a note\n",
                        "lock.txt:3:1: expected the unsafe or excluded packages heading after the blank line"),
                Arguments.of("a==1\n    # via\n    #   x\n    #   y\nb==1  # via x, y\nc==1\n    # via\n    #   p\n    #   q\n",
                        "lock.txt:1:1: the file mixes line-style and split-style '# via' annotations"),
                Arguments.of("six==1.16.0 ; python_version >> '3'\n",
                        "lock.txt:1:31: invalid marker: Expected a marker variable or quoted string"),
                Arguments.of("Not A Name==1\n", "lock.txt:1:1: malformed package name 'Not A Name'"),
                Arguments.of("six==1.16.0  # via a\n    # via b\n",
                        "lock.txt:2:1: a second '# via' annotation for the same pin"),
                Arguments.of("x==1\n    --hash=" + HASH + "\n",
                        "lock.txt:2:1: expected a pinned requirement, found '--hash=" + HASH + "'"));
    }

    @ParameterizedTest
    @MethodSource("badLockfiles")
    void unreadableLockfilesAreReportedInOneLine(String text, String message) {
        assertThatThrownBy(() -> LockfileReader.read(text, Path.of("lock.txt")))
                .isInstanceOf(RequirementsFileException.class)
                .hasMessage(message)
                .matches(e -> ((RelockException) e).kind() == RelockException.Kind.BAD_INPUT);
    }
}
