package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshot tests: each directory under {@code reader/} is one case whose {@code requirements.txt}
 * is read (with its includes) and compared with {@code expected.txt}, a readable dump of the model
 * or the one-line error. Every case runs twice, the second time with CRLF line endings, and must
 * give the same answer. Run with {@code -Dreqtxt.updateGoldens=true} to rewrite the snapshots.
 */
class RequirementsFileReaderGoldenTest {
    static final Map<String, String> ENVIRONMENT = Map.of("INDEX_TOKEN", "s3cr3t", "PKG", "requests");

    @TempDir
    Path temp;

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = Path.of(RequirementsFileReaderGoldenTest.class.getResource("reader").toURI());
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                cases.add(Arguments.of(dir.getFileName().toString(), dir, false));
                cases.add(Arguments.of(dir.getFileName().toString(), dir, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} (crlf={2})")
    @MethodSource("cases")
    void readingTheCaseGivesItsSnapshot(String name, Path caseDir, boolean crlf) throws IOException {
        Path work = temp.resolve(name);
        copy(caseDir, work, crlf);
        String actual = describe(work);
        Path expectedFile = sourceDir(name).resolve("expected.txt");
        if (Boolean.getBoolean("reqtxt.updateGoldens") && !crlf) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8));
    }

    private static String describe(Path work) {
        String prefix = work + work.getFileSystem().getSeparator();
        try {
            RequirementsFile file = new RequirementsFileReader(ENVIRONMENT).read(work.resolve("requirements.txt"));
            return ModelDump.dump(file).replace(prefix, "");
        } catch (RequirementsFileException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
            return "error: " + e.getMessage().replace(prefix, "") + "\n";
        }
    }

    private static Path sourceDir(String name) {
        return Path.of("src/test/resources/dev/relock/reqtxt/reader", name);
    }

    private static void copy(Path from, Path to, boolean crlf) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().equals("expected.txt")
                            && !source.getFileName().toString().equals(".keep")) {
                        byte[] bytes = Files.readAllBytes(source);
                        if (crlf) {
                            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
                            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                        }
                        Files.write(target, bytes);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
