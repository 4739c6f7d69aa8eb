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
        Optional<Path> jar = Optional.ofNullable(System.getProperty("relock.buildDir"))
                .map(d -> Path.of(d, "relock.jar")).filter(Files::isRegularFile);
        assumeTrue(jar.isPresent(), "no relock.jar built yet");
        Path link = links();

        Run r = bash(dir, Map.of("RELOCK_JAR", jar.get().toString()), link.toString(), "--version");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("relock ");
        assertThat(r.err()).doesNotContain("no POM").doesNotContain("building");
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
