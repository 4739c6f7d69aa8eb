package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimplePageParsingTest {
    private static final URI PAGE = URI.create("https://index.example.org/simple/example-pkg/");

    private static List<ListedFile> json() throws IOException {
        return SimpleJsonPage.parse(resource("example-page.json"), PAGE, IndexLog.silent());
    }

    private static List<ListedFile> html() throws IOException {
        return SimpleHtmlPage.parse(new String(resource("example-page.html"), StandardCharsets.UTF_8), PAGE,
                IndexLog.silent());
    }

    @Test
    void jsonAndHtmlPagesDescribeTheSameFiles() throws IOException {
        List<ListedFile> json = json();
        List<ListedFile> html = html();
        assertThat(html).hasSameSizeAs(json).hasSize(3);
        for (int i = 0; i < json.size(); i++) {
            ListedFile j = json.get(i);
            ListedFile h = html.get(i);
            assertThat(h.filename()).isEqualTo(j.filename());
            assertThat(h.url()).isEqualTo(j.url());
            assertThat(h.hashes().get("sha256")).isEqualTo(j.hashes().get("sha256"));
            assertThat(h.requiresPython()).isEqualTo(j.requiresPython());
            assertThat(h.yanked()).isEqualTo(j.yanked());
            assertThat(h.coreMetadata()).isEqualTo(j.coreMetadata());
        }
    }

    static Stream<Arguments> expectedFiles() {
        return Stream.of(
                Arguments.of(0, "example_pkg-1.0-py3-none-any.whl",
                        "https://index.example.org/files/example_pkg-1.0-py3-none-any.whl",
                        Optional.of(">=3.8, <4"), Yanked.no(), CoreMetadataRef.present(Map.of("sha256", "bbbb2222"))),
                Arguments.of(1, "example-pkg-1.0.tar.gz", "https://files.example.org/example-pkg-1.0.tar.gz",
                        Optional.empty(), Yanked.withReason(Optional.of("broken <build>")),
                        CoreMetadataRef.present(Map.of())),
                Arguments.of(2, "example_pkg-2.0-py3-none-any.whl",
                        "https://index.example.org/files/example_pkg-2.0-py3-none-any.whl",
                        Optional.empty(), Yanked.withReason(Optional.empty()), CoreMetadataRef.absent()));
    }

    @ParameterizedTest(name = "file {0} of the JSON page is {1}")
    @MethodSource("expectedFiles")
    void theJsonPageIsReadFieldByField(int index, String filename, String url, Optional<String> requiresPython,
            Yanked yanked, CoreMetadataRef coreMetadata) throws IOException {
        ListedFile f = json().get(index);
        assertThat(f.filename()).isEqualTo(filename);
        assertThat(f.url()).contains(URI.create(url));
        assertThat(f.requiresPython()).isEqualTo(requiresPython);
        assertThat(f.yanked()).isEqualTo(yanked);
        assertThat(f.coreMetadata()).isEqualTo(coreMetadata);
    }

    @Test
    void jsonHashesSizesAndUploadTimesAreKept() throws IOException {
        List<ListedFile> files = json();
        assertThat(files.get(0).hashes()).containsExactly(Map.entry("sha256", "aaaa1111" + "0".repeat(56)));
        assertThat(files.get(0).size()).isEqualTo(OptionalLong.of(1234));
        assertThat(files.get(0).uploadInstant()).contains(Instant.parse("2024-01-02T03:04:05.678901Z"));
        assertThat(files.get(1).hashes()).containsEntry("md5", "dddd" + "0".repeat(28));
        assertThat(files.get(2).size()).isEmpty();
    }

    @Test
    void aBaseHrefChangesWhereRelativeLinksPoint() {
        String page = "<html><head><base href=\"https://mirror.example.net/pkgs/\"></head>"
                + "<body><a href=\"a-1.0.tar.gz#sha256=00\">a-1.0.tar.gz</a></body></html>";
        List<ListedFile> files = SimpleHtmlPage.parse(page, PAGE, IndexLog.silent());
        assertThat(files).singleElement()
                .satisfies(f -> assertThat(f.url()).contains(URI.create("https://mirror.example.net/pkgs/a-1.0.tar.gz")));
    }

    static Stream<Arguments> htmlOddities() {
        return Stream.of(
                Arguments.of("unquoted attributes", "<a href=a-1.0.tar.gz>x</a>", "a-1.0.tar.gz"),
                Arguments.of("percent-encoded names", "<a href=\"a_b-1.0%2Blocal.tar.gz\">x</a>", "a_b-1.0+local.tar.gz"),
                Arguments.of("entities in href", "<a href=\"d/a-1.0.tar.gz?x=1&amp;y=2\">a</a>", "a-1.0.tar.gz"),
                Arguments.of("uppercase tags", "<A HREF=\"a-1.0.tar.gz\">a</A>", "a-1.0.tar.gz"),
                Arguments.of("a truncated page", "<a href=\"a-1.0.tar.gz\">a-1.0.tar", "a-1.0.tar.gz"));
    }

    @ParameterizedTest(name = "the HTML scanner copes with {0}")
    @MethodSource("htmlOddities")
    void theHtmlScannerIsTolerant(String what, String html, String filename) {
        assertThat(SimpleHtmlPage.parse(html, PAGE, IndexLog.silent()))
                .singleElement()
                .satisfies(f -> assertThat(f.filename()).isEqualTo(filename));
    }

    @Test
    void entriesWithoutFilenameOrUrlAreSkippedWithADebugNote() {
        List<String> notes = new CopyOnWriteArrayList<>();
        IndexLog log = new IndexLog() {
            @Override
            public void debug(String message) {
                notes.add(message);
            }

            @Override
            public void warn(String message) {
                notes.add(message);
            }
        };
        String body = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"a\",\"files\":[{\"filename\":\"a-1.0.tar.gz\"},"
                + "{\"filename\":\"a-1.0-py3-none-any.whl\",\"url\":\"a-1.0-py3-none-any.whl\",\"hashes\":{}}]}";
        assertThat(SimpleJsonPage.parse(body.getBytes(StandardCharsets.UTF_8), PAGE, log)).hasSize(1);
        assertThat(notes).hasSize(1);
    }

    static Stream<Arguments> unreadableJson() {
        return Stream.of(
                Arguments.of("{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}", "unsupported simple API version 2.0"),
                Arguments.of("{\"meta\":{\"api-version\":\"1.0\"}}", "no \"files\" array"),
                Arguments.of("[1,2]", "not a JSON object"),
                Arguments.of("{\"files\": [", "not valid JSON"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unreadableJson")
    void unreadableJsonPagesAreRejected(String body, String message) {
        assertThatThrownBy(() -> SimpleJsonPage.parse(body.getBytes(StandardCharsets.UTF_8), PAGE, IndexLog.silent()))
                .isInstanceOf(PageFormatException.class)
                .hasMessageContaining(message);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SimplePageParsingTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
