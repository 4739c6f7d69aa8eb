package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer reproduces pip-compile's output for models built the way the lock pipeline builds
 * them: pins, hashes and sources deliberately given out of order, the writer sorts them.
 */
class LockfileWriterTest {
    static final Hash ASGIREF_1 = sha("71e68008da809b957b7ee4b43dbccff33d1b23519fb8344e33f049897077afac");
    static final Hash ASGIREF_2 = sha("9567dfe7bd8d3c8c892227827c41cce860b368104c3431da67a0c5a65a949506");
    static final Hash DJANGO_1 = sha("44f714b81c5f190d9d2ddad01a532fe502fa01c4cb8faf1d081f4264ed15dcd8");
    static final Hash DJANGO_2 = sha("f2f431e75adc40039ace496ad3b9f17227022e8b11566f4b363da44c7e44761e");
    static final Hash SQLPARSE_1 = sha("0323c0ec29cd52bceabc1b4d9d579e311f3e4961b98d174201d5622a23b85e34");
    static final Hash SQLPARSE_2 = sha("69ca804846bb114d2ec380e4360a8a340db83f0ccf3afceeb1404df028f57268");
    static final Hash CLICK_1 = sha("df98d61de2dad2bd60d0558c126d6ed0cdf7c7cbfc87a1d06888d6ae85b0a218");
    static final Hash CLICK_2 = sha("e3b2b1835c8322e6f5c67aadc6772b174c030f7dda52bb5087fcb1f1c3b72638");
    static final Hash SIX = sha("683adbe388e14e640b4153863b7eb8cc329c4d64c74cc611270e90f4d3e23f92");
    static final Hash WHEEL = sha("ba59926159d2aa256eb8739b8da7e2b574b960e1202c6d624cbe981cef996c91");
    static final Hash PIP = sha("fed5038bf2f427ab2ec84f85881f103c0e946e8d6252b8731f99ab0cb57729d9");
    static final Hash SETUPTOOLS = sha("9ee3a07916ebb6610dfccf95fb489ed462007ad779bffc79675bb17d504d7a70");
    static final String IN = "-r requirements.in";

    static Stream<Arguments> goldens() {
        LockfileWriter writer = LockfileWriter.pipCompile();
        return Stream.of(
                Arguments.of("hashes-split.txt", writer, lockfile(
                        Lockfile.pipCompileHeader("3.11", "pip-compile --generate-hashes requirements.in"),
                        LockfileOptions.NONE, AnnotationStyle.SPLIT, Optional.empty(),
                        pin("sqlparse", "0.4.3", List.of(SQLPARSE_2, SQLPARSE_1), "django"),
                        pin("django", "4.1.7", List.of(DJANGO_2, DJANGO_1), IN),
                        pin("asgiref", "3.6.0", List.of(ASGIREF_1, ASGIREF_2), "django"))),
                Arguments.of("split-multiple-sources.txt", writer, lockfile(List.of(), LockfileOptions.NONE,
                        AnnotationStyle.SPLIT, Optional.empty(),
                        pin("urllib3", "2.2.1", List.of(), "requests", "-c constraints.txt"),
                        pin("requests", "2.31.0", List.of(), IN),
                        pin("idna", "3.6", List.of(), "requests", "-c constraints.txt", "requests"),
                        pin("charset-normalizer", "3.3.2", List.of(), "requests"),
                        pin("certifi", "2024.2.2", List.of(), "requests"))),
                Arguments.of("line-style.txt", writer, lockfile(
                        Lockfile.pipCompileHeader("3.11", "pip-compile --annotation-style=line requirements.in"),
                        LockfileOptions.NONE, AnnotationStyle.LINE, Optional.empty(),
                        pin("zope-interface", "6.2", List.of(), "twisted", IN),
                        pin("sqlparse", "0.4.3", List.of(), "django"),
                        pin("django", "4.1.7", List.of(), IN),
                        pin("asgiref", "3.6.0", List.of(), "django"),
                        pin("zope-deprecation", "5.0.0.post1", List.of(), "pyramid"))),
                Arguments.of("line-style-hashes.txt", writer, lockfile(List.of(), LockfileOptions.NONE,
                        AnnotationStyle.LINE, Optional.empty(),
                        pin("six", "1.16.0", List.of(SIX), "python-dateutil"),
                        pin("click", "8.1.7", List.of(CLICK_2, CLICK_1), "flask", IN))),
                Arguments.of("unsafe-commented.txt", writer, lockfile(
                        Lockfile.pipCompileHeader("3.12", "pip-compile"), LockfileOptions.NONE,
                        AnnotationStyle.SPLIT, Optional.of(Trailer.unsafeCommented(List.of("setuptools"), false)),
                        pin("setuptools-scm", "8.0.4", List.of(), IN))),
                Arguments.of("unsafe-unpinned-warning.txt", writer, lockfile(List.of(), LockfileOptions.NONE,
                        AnnotationStyle.SPLIT, Optional.of(Trailer.unsafeCommented(List.of("setuptools"), true)),
                        pin("setuptools-scm", "8.0.4", List.of(SIX), IN))),
                Arguments.of("unsafe-allowed.txt", writer, lockfile(List.of(), LockfileOptions.NONE,
                        AnnotationStyle.SPLIT,
                        Optional.of(Trailer.unsafePinned(List.of(
                                pin("setuptools", "69.1.0", List.of(SETUPTOOLS), "pip-tools", IN),
                                pin("pip", "24.0", List.of(PIP), IN)))),
                        pin("wheel", "0.42.0", List.of(WHEEL), IN))),
                Arguments.of("markers-and-extras.txt", writer, markersAndExtras()),
                Arguments.of("strip-extras.txt", writer.withStripExtras(true), markersAndExtras()),
                Arguments.of("options-block.txt", writer, lockfile(
                        Lockfile.pipCompileHeader("3.10", "pip-compile --emit-index-url --find-links=./wheels"
                                + " --no-binary=psycopg2 --only-binary=numpy requirements.in"),
                        new LockfileOptions(Optional.of("https://pypi.example.org/simple"),
                                List.of("https://extra.example.org/simple"), List.of("./wheels"),
                                List.of("pypi.example.org"), List.of("psycopg2"), List.of("numpy")),
                        AnnotationStyle.SPLIT, Optional.empty(),
                        pin("psycopg2", "2.9.9", List.of(), IN),
                        pin("numpy", "1.26.4", List.of(), IN))),
                Arguments.of("unhashed-warning.txt", writer, lockfile(List.of(), LockfileOptions.NONE,
                        AnnotationStyle.SPLIT, Optional.empty(),
                        pin("click", "8.1.7", List.of(CLICK_1, CLICK_2), "project"),
                        Pin.editable("file:///home/user/project").withVia(List.of(IN)))),
                Arguments.of("no-annotate.txt", writer.withAnnotations(false), lockfile(
                        Lockfile.pipCompileHeader("3.11", "pip-compile --no-annotate requirements.in"),
                        LockfileOptions.NONE, AnnotationStyle.SPLIT, Optional.empty(),
                        pin("sqlparse", "0.4.3", List.of(), "django"),
                        pin("django", "4.1.7", List.of(), IN),
                        pin("asgiref", "3.6.0", List.of(), "django"))),
                Arguments.of("empty.txt", writer, lockfile(List.of(), LockfileOptions.NONE, AnnotationStyle.SPLIT,
                        Optional.empty())));
    }

    private static Lockfile markersAndExtras() {
        return lockfile(List.of(), LockfileOptions.NONE, AnnotationStyle.SPLIT, Optional.empty(),
                pin("tomli", "2.0.1", List.of(), "coverage[toml]", IN).withMarker(Optional.of("python_version < \"3.11\"")),
                pin("requests", "2.31.0", List.of(), IN).withExtras(List.of("use-chardet-on-py3", "socks")),
                pin("pysocks", "1.7.1", List.of(), "requests[socks]"),
                Pin.direct("mypkg", "https://example.org/mypkg-1.0.tar.gz").withVia(List.of(IN)),
                pin("colorama", "0.4.6", List.of(), IN).withMarker(Optional.of("sys_platform == \"win32\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void writesWhatPipCompileWrites(String golden, LockfileWriter writer, Lockfile lockfile) throws IOException {
        assertThat(writer.write(lockfile)).isEqualTo(resource("writer/" + golden));
    }

    @Test
    void lineStyleAnnotationStartsTwoSpacesAfterTheTwentyFourthCodePoint() {
        Pin shortName = pin("é", "1", List.of(), "a");
        String line = LockfileWriter.pipCompile().format(shortName, AnnotationStyle.LINE, true);
        assertThat(line).isEqualTo("é==1" + " ".repeat(20) + "  # via a");
    }

    @Test
    void pinsWithoutSourcesGetNoAnnotation() {
        assertThat(LockfileWriter.pipCompile().format(Pin.pinned("six", "1.16.0"), AnnotationStyle.LINE, true))
                .isEqualTo("six==1.16.0");
    }

    static Lockfile lockfile(List<String> header, LockfileOptions options, AnnotationStyle style,
            Optional<Trailer> trailer, Pin... pins) {
        return Lockfile.pipCompile(header, options, List.of(pins), trailer, style);
    }

    static Pin pin(String name, String version, List<Hash> hashes, String... via) {
        return Pin.pinned(name, version).withHashes(hashes).withVia(List.of(via));
    }

    static Hash sha(String hex) {
        return new Hash("sha256", hex);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LockfileWriterTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
