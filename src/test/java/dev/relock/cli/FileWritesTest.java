package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files relock writes behave as an editor's would (issue 14, item 9): the mode of a replaced file
 * is kept and a new one follows the umask, a symbolic link is written through, and temporary files
 * a killed run left behind are removed by the next run. POSIX file systems only.
 */
class FileWritesTest {
    /** A process id no system hands out (above Linux's pid_max): its owner is certainly gone. */
    static final String DEAD_PID = "999999999";


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        server = LocalIndexServer.start(Scenario.builder()
                .project("attrs", p -> p.release("23.1.0"))
                .project("idna", p -> p.release("3.6"))
                .build());
        Files.writeString(dir.resolve(".python-version"), "3.12.1\n");
        Files.writeString(dir.resolve("requirements.in"), "attrs\nidna\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Result relock(String... args) {
        return Result.run(dir, Map.of(), args);
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile", "--generate-hashes", "-i",
                server.simpleUrl().toString()));
        all.addAll(List.of(args));
        if (!all.contains("--cache-dir")) {
            all.add("--no-cache");
        }
        return relock(all.toArray(String[]::new));
    }

    /** What a new file gets in {@code where} under this process's umask. */
    static Set<PosixFilePermission> umaskMode(Path where) throws IOException {
        Path probe = Files.createFile(where.resolve("umask-probe"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        assumeTrue(mode.contains(PosixFilePermission.GROUP_READ), "a umask that lets the group read (022, 002)");
        return mode;
    }

    static Set<PosixFilePermission> mode(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }

    static List<String> hidden(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void aNewLockfileFollowsTheUmaskAndAReplacedOneKeepsItsMode() throws IOException {
        Set<PosixFilePermission> umask = umaskMode(dir);

        Result first = compile("requirements.in");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(mode(dir.resolve("requirements.txt"))).isEqualTo(umask);

        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(dir.resolve("requirements.txt"), chosen);
        server.publish("idna", "3.7", r -> { });
        Result second = compile("requirements.in", "-U");

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(Files.readString(dir.resolve("requirements.txt"))).contains("idna==3.7");
        assertThat(mode(dir.resolve("requirements.txt"))).isEqualTo(chosen);
    }

    @Test
    void anOutputThatIsASymlinkIsWrittenThroughAndStaysALink() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, Path.of("shared", "requirements.txt"));

        Result run = compile("requirements.in", "-o", "link.txt");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("link.txt is still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("shared", "requirements.txt"));
        assertThat(Files.readString(shared.resolve("requirements.txt"), StandardCharsets.UTF_8))
                .contains("attrs==23.1.0");
        assertThat(hidden(dir)).containsExactly(".python-version");
        assertThat(hidden(shared)).isEmpty();

        Files.setPosixFilePermissions(shared.resolve("requirements.txt"), PosixFilePermissions.fromString("rw-r-----"));
        server.publish("attrs", "23.2.0", r -> { });
        Result again = compile("requirements.in", "-o", "link.txt", "-U");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(link)).contains("attrs==23.2.0");
        assertThat(mode(shared.resolve("requirements.txt"))).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void temporaryLockfilesOfKilledRunsAreRemovedAndALiveRunsAreKept() throws IOException {
        long self = ProcessHandle.current().pid();
        Path dead = Files.writeString(dir.resolve(".requirements.txt." + DEAD_PID + "-abc.tmp"), "half");
        Path old = Files.writeString(dir.resolve(".requirements.txt.8734598734.tmp"), "from an old version");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path live = Files.writeString(dir.resolve(".requirements.txt." + self + "-live.tmp"), "being written");

        Result run = compile("requirements.in");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(dead).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void wheelhouseFilesAndManifestFollowTheUmaskKeepModesAndLeftoversGo() throws IOException {
        Set<PosixFilePermission> umask = umaskMode(dir);
        assertThat(compile("requirements.in").status()).isZero();
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        Path dead = Files.writeString(wheels.resolve(".relock-" + DEAD_PID + "-x.part"), "half a wheel");

        Result run = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(dead).doesNotExist();
        try (Stream<Path> files = Files.list(wheels)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(3);
            for (Path file : all) {
                assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo(umask);
            }
        }
        Path manifest;
        try (Stream<Path> files = Files.list(wheels)) {
            manifest = files.filter(p -> !p.toString().endsWith(".whl")).findFirst().orElseThrow();
        }
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(manifest, chosen);
        server.publish("attrs", "23.2.0", r -> { });
        assertThat(compile("requirements.in", "-U").status()).isZero();

        Result again = relock("wheelhouse", "requirements.txt", "-d", "wheels", "--no-cache");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(mode(manifest)).isEqualTo(chosen);
    }

    @Test
    void cacheTemporaryFilesOfKilledRunsAreRemoved() throws IOException {
        Path cache = dir.resolve("cache");
        assertThat(compile("requirements.in", "--cache-dir", cache.toString()).status()).isZero();
        List<Path> planted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
                Path leftover = file.resolveSibling(".tmp-" + DEAD_PID + "-1.part");
                if (!Files.exists(leftover)) {
                    planted.add(Files.writeString(leftover, "half an entry"));
                }
            }
        }
        assertThat(planted).isNotEmpty();
        Files.delete(dir.resolve("requirements.txt"));

        Result run = compile("requirements.in", "--cache-dir", cache.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(planted).allSatisfy(p -> assertThat(p).doesNotExist());
    }
}
