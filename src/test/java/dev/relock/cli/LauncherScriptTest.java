package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./relock} launcher finds its checkout from its own real location, so a symlink on
 * PATH works from any directory. The tests never build: {@code --launcher-home} stops after the
 * path resolution, and {@code RELOCK_JAR} runs a jar that is already built.
 */
class LauncherScriptTest {
    static final Path CHECKOUT = Path.of("").toAbsolutePath();
    static final Path LAUNCHER = CHECKOUT.resolve("relock");

    @TempDir Path dir;

    record Run(int status, String out, String err) {}

    @BeforeAll
    static void needsBash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is not installed");
        assumeTrue(Files.isRegularFile(LAUNCHER), "not run from the checkout");
    }

    Run bash(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finishes").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code bin/relock -> CHECKOUT/relock} and {@code elsewhere/r -> ../bin/relock} (a relative link to a link). */
    Path links() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("relock"), LAUNCHER);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(elsewhere.resolve("r"), Path.of("../bin/relock"));
        return elsewhere.resolve("r");
    }

    @Test
    void aSymlinkedLauncherFindsItsCheckoutFromAnyDirectory() throws Exception {
        Path link = links();
        Path cwd = Files.createDirectories(dir.resolve("project"));

        Run r = bash(cwd, Map.of(), link.toString(), "--launcher-home");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(CHECKOUT.toRealPath() + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutReadlinkDashFTheLauncherFollowsTheLinksItself() throws Exception {
        Path link = links();
        Path fake = Files.createDirectories(dir.resolve("fakebin"));
        Path readlink = fake.resolve("readlink");
        Files.writeString(readlink, """
                #!/bin/sh
                if [ "$1" = "-f" ]; then echo "readlink: illegal option -- f" >&2; exit 1; fi
                exec %s "$@"
                """.formatted(realReadlink()));
        Files.setPosixFilePermissions(readlink, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = bash(dir, Map.of("PATH", fake + ":" + System.getenv("PATH")), link.toString(), "--launcher-home");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(CHECKOUT.toRealPath() + "\n");
    }

    @Test
    void aSymlinkedLauncherRunsRelock() throws Exception {
        Path jar = builtJar();
        Path link = links();

        Run r = bash(dir, Map.of("RELOCK_JAR", jar.toString()), link.toString(), "--version");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("relock ");
        assertThat(r.err()).doesNotContain("no POM").doesNotContain("building");
    }

    /** The jar the build made (tests run after {@code package}), or a skipped test. */
    static Path builtJar() {
        Optional<Path> jar = Optional.ofNullable(System.getProperty("relock.buildDir"))
                .map(d -> Path.of(d, "relock.jar")).filter(Files::isRegularFile);
        assumeTrue(jar.isPresent(), "no relock.jar built yet");
        return jar.get();
    }

    /**
     * A checkout the launcher will not rebuild: its script, a pom.xml and src/main older than
     * target/relock.jar (a copy of the built jar), so archives land in this test's directory.
     */
    Path checkout() throws IOException {
        Path co = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(LAUNCHER, co.resolve("relock"));
        Files.createDirectories(co.resolve("src/main"));
        Files.writeString(co.resolve("pom.xml"), "<project/>\n");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(0);
        Files.setLastModifiedTime(co.resolve("src/main"), old);
        Files.setLastModifiedTime(co.resolve("pom.xml"), old);
        Files.copy(builtJar(), Files.createDirectories(co.resolve("target")).resolve("relock.jar"));
        return co;
    }

    /** A JDK's java whose feature release is at least (or, with {@code atLeast} false, below) the given one. */
    static Optional<Path> jdk(int feature, boolean atLeast) {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        try (var listing = Files.list(Path.of("/usr/lib/jvm"))) {
            listing.sorted().forEach(homes::add);
        } catch (IOException e) {
            // no system JDKs: only the one running the tests
        }
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            Optional<Integer> version = releaseVersion(home);
            if (Files.isExecutable(java) && version.isPresent() && (version.get() >= feature) == atLeast) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> releaseVersion(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(l -> l.startsWith("JAVA_VERSION=\""))
                    .map(l -> l.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                    .map(Integer::valueOf)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path jdk25() {
        Optional<Path> java = jdk(25, true);
        assumeTrue(java.isPresent(), "no JDK 25 or newer installed");
        return java.get();
    }

    private static List<String> archiveFiles(Path co) throws IOException {
        try (var listing = Files.list(co.resolve("target"))) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("relock.jar")).sorted().toList();
        }
    }

    /** A project whose compile succeeds with no index and no network: an empty requirements.in. */
    private Path emptyProject() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("requirements.in"), "");
        Files.writeString(project.resolve(".python-version"), "3.12.1\n");
        return project;
    }

    private Run compile(Path co, Map<String, String> env) throws Exception {
        return bash(emptyProject(), env, co.resolve("relock").toString(), "compile", "-q", "--no-index", "--no-cache",
                "requirements.in");
    }

    @Test
    void onJdk25TheFirstGoodCommandRunLeavesAnAotCacheThatLaterRunsUse() throws Exception {
        Path co = checkout();
        Map<String, String> env = Map.of("RELOCK_JAVA", jdk25().toString());

        Run first = compile(co, env);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).as("stdout carries only relock's output").isEmpty();
        assertThat(first.err()).as("recording the cache is silent").isEmpty();
        assertThat(archiveFiles(co)).as("no temporary files left").containsExactly("relock.aot", "relock.aot.jvm");
        assertThat(Files.readString(co.resolve("target/relock.aot.jvm"))).contains("-XX:+UseSerialGC")
                .as("the key names the JVM's exact build").containsPattern(" 2[5-9][.+0-9]|\\s[3-9]\\d[.+0-9]");
        java.nio.file.attribute.FileTime recorded = Files.getLastModifiedTime(co.resolve("target/relock.aot"));

        Run second = compile(co, env);
        Run version = bash(dir, env, co.resolve("relock").toString(), "--version");

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).as("the cache is used, not recorded again").isEmpty();
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).matches("relock \\S+\nJava 2[5-9].*\n|relock \\S+\nJava [3-9]\\d.*\n");
        assertThat(version.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(co.resolve("target/relock.aot"))).isEqualTo(recorded);
    }

    @Test
    void versionAndHelpRunsNeitherRecordNorNeedAnArchive() throws Exception {
        Path co = checkout();
        Map<String, String> env = Map.of("RELOCK_JAVA", jdk25().toString());

        Run version = bash(dir, env, co.resolve("relock").toString(), "--version");
        Run help = bash(dir, env, co.resolve("relock").toString(), "compile", "--help");

        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("relock ");
        assertThat(help.status()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: relock compile");
        assertThat(archiveFiles(co)).as("a cache recorded on these would leave out what commands load").isEmpty();
    }

    @Test
    void aFailedRunLeavesNoArchive() throws Exception {
        Path co = checkout();

        Run r = bash(dir, Map.of("RELOCK_JAVA", jdk25().toString()), co.resolve("relock").toString(), "compile",
                "--no-such-option");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(archiveFiles(co)).isEmpty();
    }

    @Test
    void onJdk17To24TheLauncherKeepsTheAppCdsArchive() throws Exception {
        Optional<Path> older = jdk(25, false);
        assumeTrue(older.isPresent(), "no JDK older than 25 installed");
        Path co = checkout();

        Run r = compile(co, Map.of("RELOCK_JAVA", older.get().toString()));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(archiveFiles(co)).containsExactly("relock.jsa", "relock.jsa.jvm");
    }

    @Test
    void relockAotZeroKeepsAJdk25OnTheAppCdsArchive() throws Exception {
        Path co = checkout();

        Run r = compile(co, Map.of("RELOCK_JAVA", jdk25().toString(), "RELOCK_AOT", "0"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(archiveFiles(co)).containsExactly("relock.jsa", "relock.jsa.jvm");
    }

    @Test
    void withoutRelockJavaTheLauncherPrefersAJdk25OverJavaHome() throws Exception {
        Path java25 = jdk25();
        Optional<Path> older = jdk(25, false);
        assumeTrue(older.isPresent(), "no JDK older than 25 installed");
        assumeTrue(java25.startsWith("/usr/lib/jvm"), "the JDK 25 is not in a location the launcher knows");
        Path co = checkout();

        Run r = bash(dir, Map.of("JAVA_HOME", older.get().getParent().getParent().toString(), "RELOCK_CDS", "0"),
                co.resolve("relock").toString(), "--version");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\nJava (2[5-9]|[3-9]\\d)");
    }

    private static String realReadlink() {
        for (String candidate : List.of("/usr/bin/readlink", "/bin/readlink")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        assumeTrue(false, "no readlink");
        return "";
    }
}
