package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.python.PythonTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sdists whose dependencies are not static are built with their PEP 517 backend (issue 16), through
 * the CLI against a local index. These tests need no setuptools: the backend is in the sdist's tree
 * ({@code backend-path = ["."]}, {@code requires = []}); {@link SdistBuildSetuptoolsTest} uses real
 * setuptools wheels. Skipped when the machine's python3 cannot make a virtual environment.
 */
class SdistBuildCompileTest {
    /** PATH for relock: it looks for python3 there. */
    static final Map<String, String> ENV = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

    /**
     * An in-tree backend that appends a line to {@code marker} on every metadata build and refuses
     * to build when it can see the host's site-packages ({@code hostSite}) or import a module that
     * lives only there ({@code requests}, when the host has it).
     */
    static String backend(Path marker, String hostSite, String name, String metadataBody) {
        return "import os, sys\n"
                + "HOST_SITE = " + pyString(hostSite) + "\n"
                + "def _isolated():\n"
                + "    for p in sys.path:\n"
                + "        if HOST_SITE and os.path.realpath(p) == os.path.realpath(HOST_SITE):\n"
                + "            raise SystemExit('host site-packages on sys.path: ' + p)\n"
                + "    try:\n"
                + "        import requests\n"
                + "    except ImportError:\n"
                + "        return\n"
                + "    raise SystemExit('imported requests from the host: ' + requests.__file__)\n"
                + "def get_requires_for_build_wheel(config_settings=None):\n"
                + "    return []\n"
                + "def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):\n"
                + "    _isolated()\n"
                + "    with open(" + pyString(marker.toString()) + ", 'a') as f:\n"
                + "        f.write('built\\n')\n"
                + "    print('sys.path =', sys.path)\n"
                + "    d = os.path.join(metadata_directory, '" + name + "-1.0.dist-info')\n"
                + "    os.makedirs(d)\n"
                + "    with open(os.path.join(d, 'METADATA'), 'w') as f:\n"
                + "        f.write(" + pyString(metadataBody) + ")\n"
                + "    return '" + name + "-1.0.dist-info'\n";
    }

    static final String IN_TREE = "[build-system]\nrequires = []\nbuild-backend = \"mybackend\"\nbackend-path = [\".\"]\n";

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    static boolean pythonMakesVenvs(Path tmp) throws IOException, InterruptedException {
        PythonTool.Result r = PythonTool.run(tmp, List.of("python3", "-I", "-m", "venv", "--without-pip",
                tmp.resolve("probe-venv").toString()));
        return r.exit() == 0;
    }

    static String hostSite(Path tmp) throws IOException, InterruptedException {
        PythonTool.Result r = PythonTool.run(tmp, List.of("python3", "-c",
                "import site; print(site.getsitepackages()[0])"));
        return r.exit() == 0 ? r.output().strip() : "";
    }

    private Scenario scenario(Path marker, String hostSite) {
        return Scenario.builder()
                .project("dep", p -> p.release("1.0").release("1.1"))
                .project("foo", p -> p.release("1.0", r -> r.sdistWith("2.1", Map.of(
                        "pyproject.toml", IN_TREE,
                        "mybackend.py", backend(marker, hostSite, "foo",
                                "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Dist: dep>=1\n")))))
                .project("broken", p -> p.release("1.0", r -> r.sdistWith("2.1", Map.of(
                        "pyproject.toml", IN_TREE,
                        "mybackend.py", "import sys\n"
                                + "def prepare_metadata_for_build_wheel(d, config_settings=None):\n"
                                + "    for i in range(60):\n"
                                + "        print('noise line', i)\n"
                                + "    raise RuntimeError('the broken backend gives up')\n"))))
                .project("liar", p -> p.release("1.0", r -> r.sdistWith("2.1", Map.of(
                        "pyproject.toml", IN_TREE,
                        "mybackend.py", backend(marker, hostSite, "liar",
                                "Metadata-Version: 2.1\nName: liar\nVersion: 2.0\n")))))
                .project("slow", p -> p.release("1.0", r -> r.sdistWith("2.1", Map.of(
                        "pyproject.toml", IN_TREE,
                        "mybackend.py", "import time\n"
                                + "def prepare_metadata_for_build_wheel(d, config_settings=None):\n"
                                + "    print('sleeping', flush=True)\n"
                                + "    time.sleep(120)\n"))))
                .build();
    }

    @Test
    void buildsPinsAndRecompilesOfflineFromTheCacheWithoutBuilding(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        Path marker = dir.resolve("builds.txt");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(marker, hostSite(dir)))) {
            Files.writeString(dir.resolve("requirements.in"), "foo\n");
            String[] compile = {"compile", "--generate-hashes", "--python-version", "3.11",
                "-i", server.simpleUrl().toString(), "--cache-dir", dir.resolve("cache").toString()};

            Result first = Result.run(dir, ENV, compile);

            assertThat(first.status()).as(first.all()).isZero();
            String lock = Files.readString(dir.resolve("requirements.txt"));
            assertThat(lock).contains("foo==1.0 \\\n    --hash=sha256:").contains("dep==1.1 \\\n    --hash=sha256:")
                    .contains("    # via foo");
            assertThat(Files.readAllLines(marker)).as("one build, which saw no host site-packages").hasSize(1);

            Files.delete(dir.resolve("requirements.txt"));
            Result offline = Result.run(dir, ENV, concat(compile, "--offline", "--python", "/nonexistent/python3"));

            assertThat(offline.status()).as(offline.all()).isZero();
            assertThat(Files.readString(dir.resolve("requirements.txt"))).isEqualTo(lock);
            assertThat(Files.readAllLines(marker)).as("the offline recompile built nothing").hasSize(1);

            String[] verify = {"verify", "--check", "fresh", "--cache-dir", dir.resolve("cache").toString(),
                "requirements.txt"};
            Result fresh = Result.run(dir, ENV, verify);
            Result freshNoBuild = Result.run(dir, ENV, concat(verify, "--no-build"));

            assertThat(fresh.status()).as(fresh.all()).isZero();
            assertThat(fresh.all()).doesNotContain("cannot check the dependencies");
            assertThat(Files.readAllLines(marker)).as("verify used the cached build").hasSize(1);
            assertThat(freshNoBuild.all()).contains("cannot check the dependencies of foo==1.0");

            assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
            PythonTool.Result pip = PythonTool.run(dir, List.of("python3", "-m", "pip", "download", "--isolated",
                    "--no-input", "--disable-pip-version-check", "--no-cache-dir", "--retries", "0",
                    "--require-hashes", "--no-binary", "foo", "--no-deps", "-r", "requirements.txt",
                    "-d", dir.resolve("downloads").toString(), "--index-url", server.simpleUrl().toString()));
            assertThat(pip.exit()).as(pip.output()).isZero();
            assertThat(dir.resolve("downloads/foo-1.0.tar.gz")).exists();
        }
    }

    @Test
    void aFailingBuildIsOneLineNamingThePackageThenTheEndOfItsLog(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            Files.writeString(dir.resolve("requirements.in"), "broken\n");

            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache");

            assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
            List<String> lines = r.err().lines().toList();
            assertThat(lines.get(0)).startsWith("relock: error: building metadata for broken 1.0 (broken-1.0.tar.gz)"
                    + " failed: prepare_metadata_for_build_wheel (or build_wheel) exited with status 1");
            assertThat(r.err()).contains("RuntimeError: the broken backend gives up")
                    .contains("last 40 of").doesNotContain("noise line 5\n").doesNotContain("\tat dev.relock");
            assertThat(dir.resolve("requirements.txt")).doesNotExist();
        }
    }

    @Test
    void aFailingBuildInVerifysFreshCheckIsAWarningOnThePin(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            Files.writeString(dir.resolve("requirements.in"), "broken\n");
            Files.writeString(dir.resolve("requirements.txt"), "--index-url " + server.simpleUrl() + "\n\nbroken==1.0\n");

            Result r = Result.run(dir, ENV, "verify", "--check", "fresh", "--python-version", "3.11.7", "--no-cache",
                    "requirements.txt");

            assertThat(r.status()).as(r.all()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
            assertThat(r.all()).contains("cannot check the dependencies of broken==1.0: building metadata for broken"
                    + " 1.0 (broken-1.0.tar.gz) failed: prepare_metadata_for_build_wheel (or build_wheel) exited with"
                    + " status 1");
        }
    }

    @Test
    void aDirectReferenceToAnSdistIsBuiltToo(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), hostSite(dir)))) {
            String url = server.fileUrl("foo-1.0.tar.gz").toString();

            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache", "-o", "out.txt", writeIn(dir, url + "\n"));

            assertThat(r.status()).as(r.all()).isZero();
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("foo @ " + url + "\n")
                    .contains("dep==1.1\n    # via foo");
        }
    }

    @Test
    void builtMetadataMustNameTheSdistsVersion(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache", "-o", "out.txt", writeIn(dir, "liar\n"));

            assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
            assertThat(r.err()).startsWith("relock: error: building metadata for liar 1.0 (liar-1.0.tar.gz) failed:"
                    + " the metadata the backend wrote has Version '2.0'");
        }
    }

    @Test
    void withoutPythonTheErrorSaysSoAndNamesThePackage(@TempDir Path dir) throws Exception {
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            Files.writeString(dir.resolve("requirements.in"), "foo\n");

            Result noPath = Result.run(dir, Map.of("PATH", dir.resolve("empty").toString()), "compile",
                    "--python-version", "3.11", "-i", server.simpleUrl().toString(), "--no-cache");
            Result badFlag = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache", "--python", "missing/python3");

            assertThat(noPath.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
            assertThat(noPath.err()).startsWith("relock: error: building metadata for foo 1.0 (foo-1.0.tar.gz)"
                    + " failed: no Python to run its build backend: python3 is not on the PATH");
            assertThat(badFlag.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
            assertThat(badFlag.err()).startsWith("relock: error: building metadata for foo 1.0 (foo-1.0.tar.gz)"
                    + " failed: --python " + dir.resolve("missing/python3") + " is not an executable file");
        }
    }

    @Test
    void noBuildGivesTheNeedsABuildError(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("builds.txt");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(marker, ""))) {
            Files.writeString(dir.resolve("requirements.in"), "foo\n");

            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache", "--no-build");

            assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
            assertThat(r.err()).contains("foo has only an sdist that needs a build to learn its dependencies")
                    .contains("--no-build");
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    void aBuildThatOutlivesTheBuildTimeoutIsKilledAndReported(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            long started = System.nanoTime();
            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.11", "-i",
                    server.simpleUrl().toString(), "--no-cache", "--build-timeout", "4", "-o", "out.txt",
                    writeIn(dir, "slow\n"));

            assertThat(r.status()).as(r.all()).isEqualTo(ExitCodes.UNRESOLVABLE);
            assertThat(r.err()).startsWith("relock: error: building metadata for slow 1.0 (slow-1.0.tar.gz) failed:"
                    + " it did not finish within 4 s (--build-timeout)").contains("| sleeping");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(60));
        }
    }

    @Test
    void aHostPythonOfAnotherVersionThanTheTargetIsAWarning(@TempDir Path dir) throws Exception {
        assumeTrue(pythonMakesVenvs(dir), "python3 -m venv is not available");
        try (LocalIndexServer server = LocalIndexServer.start(scenario(dir.resolve("m"), ""))) {
            Result r = Result.run(dir, ENV, "compile", "--python-version", "3.4", "-i",
                    server.simpleUrl().toString(), "--no-cache", "-o", "out.txt", writeIn(dir, "foo\n"));

            assertThat(r.status()).as(r.all()).isZero();
            assertThat(r.err()).containsOnlyOnce("relock: warning: building sdists with Python 3.")
                    .contains("for target Python 3.4: a build that picks its dependencies by Python version answers"
                            + " for 3.");
        }
    }

    private static String writeIn(Path dir, String content) throws IOException {
        Files.writeString(dir.resolve("requirements.in"), content);
        return "requirements.in";
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
