package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.python.PythonTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sdists built with real setuptools (issue 16): setup.py with install_requires, a pyproject.toml
 * with {@code dynamic = ["dependencies"]}, and a setup.py that fails. The sdists come from the
 * local index; setuptools and wheel come from the machine's mirror of real PyPI wheels
 * ({@link #MIRROR}, as a {@code file://} extra index), resolved and hash-checked by relock. Skipped
 * when the mirror or a venv-capable python3 is missing.
 */
class SdistBuildSetuptoolsTest {
    static final Path MIRROR = Path.of("/opt/pypi/simple");

    @BeforeAll
    static void needsTheMirror() {
        assumeTrue(Files.isDirectory(MIRROR.resolve("setuptools")), "no mirror of real wheels at " + MIRROR);
    }

    static Scenario scenario() {
        return Scenario.builder()
                .project("dep", p -> p.release("1.0").release("2.0"))
                .project("other", p -> p.release("3.0"))
                // generated: setup.py with install_requires, pyproject.toml naming setuptools.build_meta
                .project("classic", p -> p.release("1.0", r -> r.requires("dep<2").sdist("2.1")))
                .project("dyn", p -> p.release("0.5", r -> r.sdistWith("2.2", Map.of(
                        "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\n"
                                + "build-backend = \"setuptools.build_meta\"\n\n"
                                + "[project]\nname = \"dyn\"\nversion = \"0.5\"\ndynamic = [\"dependencies\"]\n\n"
                                + "[tool.setuptools]\npackages = []\n\n"
                                + "[tool.setuptools.dynamic]\ndependencies = {file = [\"deps.txt\"]}\n",
                        "setup.py", "from setuptools import setup\nsetup()\n",
                        "deps.txt", "other>=3\n"), "Requires-Dist")))
                .project("bad", p -> p.release("1.0", r -> r.sdistWith("2.1", Map.of(
                        "setup.py", "import sys\nprint('about to fail', file=sys.stderr)\n"
                                + "raise SystemExit('boom: the setup.py of bad refuses to run')\n"))))
                .build();
    }

    private static String[] compile(LocalIndexServer server, Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("compile", "--generate-hashes", "--python-version",
                "3.11", "-i", server.simpleUrl().toString(), "--extra-index-url", MIRROR.toUri().toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void setupPyAndDynamicPyprojectDependenciesArePinnedAndPipAcceptsTheHashes(@TempDir Path dir) throws Exception {
        assumeTrue(SdistBuildCompileTest.pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario())) {
            Files.writeString(dir.resolve("requirements.in"), "classic\ndyn\n");

            Result r = Result.run(dir, SdistBuildCompileTest.ENV, compile(server, dir));

            assertThat(r.status()).as(r.all()).isZero();
            String lock = Files.readString(dir.resolve("requirements.txt"));
            assertThat(lock).contains("classic==1.0 \\\n    --hash=sha256:")
                    .contains("dep==1.0 \\\n    --hash=sha256:").contains("    # via classic")
                    .contains("dyn==0.5 \\\n    --hash=sha256:")
                    .contains("other==3.0 \\\n    --hash=sha256:").contains("    # via dyn")
                    .doesNotContain("setuptools==");

            Result offline = Result.run(dir, SdistBuildCompileTest.ENV,
                    compile(server, dir, "--offline", "--python", "/nonexistent/python3"));
            assertThat(offline.status()).as(offline.all()).isZero();
            assertThat(Files.readString(dir.resolve("requirements.txt"))).isEqualTo(lock);

            assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
            PythonTool.Result pip = PythonTool.run(dir, List.of("python3", "-m", "pip", "download", "--isolated",
                    "--no-input", "--disable-pip-version-check", "--no-cache-dir", "--retries", "0",
                    "--require-hashes", "--no-binary", "classic,dyn", "--no-deps", "-r", "requirements.txt",
                    "-d", dir.resolve("downloads").toString(), "--index-url", server.simpleUrl().toString(),
                    "--extra-index-url", MIRROR.toUri().toString()));
            assertThat(pip.exit()).as(pip.output()).isZero();
            assertThat(dir.resolve("downloads/classic-1.0.tar.gz")).exists();
            assertThat(dir.resolve("downloads/dyn-0.5.tar.gz")).exists();
        }
    }

    @Test
    void aFailingSetupPyIsOneLineNamingThePackageThenTheEndOfItsOutput(@TempDir Path dir) throws Exception {
        assumeTrue(SdistBuildCompileTest.pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario())) {
            Files.writeString(dir.resolve("requirements.in"), "bad\n");

            Result r = Result.run(dir, SdistBuildCompileTest.ENV, compile(server, dir));

            assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
            // setuptools runs setup.py already in get_requires_for_build_wheel
            assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("relock: error: building metadata for bad 1.0"
                    + " (bad-1.0.tar.gz) failed: get_requires_for_build_wheel exited with status 1");
            assertThat(r.err()).contains("boom: the setup.py of bad refuses to run").contains("about to fail");
            assertThat(r.err().lines().count()).isLessThanOrEqualTo(2 + 40);
            assertThat(dir.resolve("requirements.txt")).doesNotExist();
        }
    }
}
