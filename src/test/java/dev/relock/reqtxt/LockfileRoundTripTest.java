package dev.relock.reqtxt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a pip-compile or uv lockfile and writing it again gives the same bytes. */
class LockfileRoundTripTest {
    private static final Path SOURCE = Path.of("requirements.txt");

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("roundtrip", "writer")) {
            Path root = Path.of(LockfileRoundTripTest.class.getResource(dir).toURI());
            try (Stream<Path> files = Files.list(root)) {
                files.map(p -> dir + "/" + p.getFileName()).sorted().forEach(names::add);
            }
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readThenWriteIsByteIdentical(String fixture) throws IOException {
        String text = LockfileWriterTest.resource(fixture);
        Lockfile lockfile = LockfileReader.read(text, SOURCE);
        assertThat(LockfileWriter.pipCompile().write(lockfile)).isEqualTo(text);
    }

    @Test
    void aGeneratedLockfileWithHundredsOfPinsSurvivesWriteReadWrite() {
        for (AnnotationStyle style : AnnotationStyle.values()) {
            Lockfile generated = generate(new Random(20240229L), 600, style);
            String text = LockfileWriter.pipCompile().write(generated);
            Lockfile read = LockfileReader.read(text, SOURCE);
            assertThat(LockfileWriter.pipCompile().write(read)).isEqualTo(text);
            assertThat(read.pins()).hasSize(600).isEqualTo(generated.pins());
            assertThat(read.annotationStyle()).isEqualTo(style);
        }
    }

    @Test
    void readingAFileFromDiskGivesTheSameModelAsReadingItsText() throws IOException {
        Path file = Files.createTempFile("lock", ".txt");
        try {
            String text = LockfileWriterTest.resource("roundtrip/uv-universal-hashes.txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertThat(LockfileReader.read(file)).isEqualTo(LockfileReader.read(text, SOURCE));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theFlavorFollowsTheHeaderAndTheOrderOfTheFile() throws IOException {
        assertThat(flavorOf("roundtrip/uv-basic.txt")).isEqualTo(Lockfile.Flavor.UV);
        assertThat(flavorOf("roundtrip/uv-no-header-extras.txt")).isEqualTo(Lockfile.Flavor.PIP_COMPILE);
        assertThat(flavorOf("roundtrip/headerless-unsorted-sources.txt")).isEqualTo(Lockfile.Flavor.UV);
        assertThat(flavorOf("roundtrip/pip-compile-editable-unhashed.txt")).isEqualTo(Lockfile.Flavor.PIP_COMPILE);
        assertThat(flavorOf("writer/line-style.txt")).isEqualTo(Lockfile.Flavor.PIP_COMPILE);
    }

    @Test
    void uvSourcesKeepTheirOrder() throws IOException {
        Lockfile lockfile = LockfileReader.read(LockfileWriterTest.resource("roundtrip/uv-sources-first.txt"), SOURCE);
        assertThat(lockfile.pins().get(1).via()).containsExactly("my-project (pyproject.toml)", "httpx");
        assertThat(lockfile.pins().get(0).kind()).isEqualTo(Pin.Kind.EDITABLE);
        assertThat(lockfile.pins().get(0).name()).isEmpty();
    }

    private static Lockfile.Flavor flavorOf(String fixture) throws IOException {
        return LockfileReader.read(LockfileWriterTest.resource(fixture), SOURCE).flavor();
    }

    @Test
    void crlfLockfilesAreReadAndWrittenWithLineFeeds() throws IOException {
        String text = LockfileWriterTest.resource("roundtrip/pip-compile-hashes-options.txt");
        Lockfile lockfile = LockfileReader.read(text.replace("\n", "\r\n"), SOURCE);
        assertThat(LockfileWriter.pipCompile().write(lockfile)).isEqualTo(text);
    }

    /**
     * A deterministic lockfile: pins sorted by name with distinct names, sorted unique hashes and
     * sources, so that reading the written text must give exactly this model back.
     */
    private static Lockfile generate(Random random, int count, AnnotationStyle style) {
        TreeSet<String> names = new TreeSet<>();
        while (names.size() < count) {
            StringBuilder name = new StringBuilder();
            int length = 3 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                name.append((char) ('a' + random.nextInt(26)));
                if (i > 0 && i < length - 1 && random.nextInt(9) == 0) {
                    name.append('-');
                }
            }
            names.add(name.toString().replace("--", "-"));
        }
        List<String> ordered = new ArrayList<>(names);
        List<Pin> pins = new ArrayList<>();
        for (String name : ordered) {
            String version = random.nextInt(40) + "." + random.nextInt(20) + "." + random.nextInt(9);
            Pin pin = Pin.pinned(name, version);
            if (random.nextInt(4) == 0) {
                pin = pin.withMarker(Optional.of("python_version < \"3." + (8 + random.nextInt(5)) + "\""));
            }
            TreeSet<Hash> hashes = new TreeSet<>();
            int hashCount = random.nextInt(4);
            while (hashes.size() < hashCount) {
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < 64; i++) {
                    hex.append(Character.forDigit(random.nextInt(16), 16));
                }
                hashes.add(new Hash("sha256", hex.toString()));
            }
            TreeSet<String> via = new TreeSet<>();
            int viaCount = random.nextInt(4);
            while (via.size() < viaCount) {
                via.add(random.nextInt(5) == 0 ? "-r requirements.in" : ordered.get(random.nextInt(ordered.size())));
            }
            pins.add(pin.withHashes(List.copyOf(hashes)).withVia(List.copyOf(via)));
        }
        boolean hashed = pins.stream().anyMatch(p -> !p.hashes().isEmpty());
        return Lockfile.pipCompile(Lockfile.pipCompileHeader("3.12", "pip-compile --generate-hashes"),
                new LockfileOptions(Optional.of("https://pypi.example.org/simple"), List.of(), List.of(), List.of(),
                        List.of(), List.of()),
                pins, Optional.of(Trailer.unsafeCommented(List.of("pip", "setuptools"), hashed)), style);
    }
}
