package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.reqtxt.RequirementsFile;
import dev.relock.reqtxt.RequirementsFileReader;
import dev.relock.tags.Target;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.workspace.PythonVersionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each check on its own, given a {@link VerifyInput}. */
class ChecksTest {
    private static final String HASH = "--hash=sha256:" + "0".repeat(64);
    static LocalIndexServer server;

    @TempDir Path dir;
    VerifyProject project;

    @BeforeAll
    static void startServer() {
        server = LocalIndexServer.start(VerifyProject.scenario());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createProject() {
        project = new VerifyProject(dir, server);
    }

    private VerifyInput input(boolean withIndex) {
        return input(withIndex, "3.11.8");
    }

    private VerifyInput input(boolean withIndex, String python) {
        return input(project, server, withIndex, python);
    }

    private static VerifyInput input(VerifyProject project, LocalIndexServer server, boolean withIndex,
            String python) {
        Path dir = project.dir;
        LockDocument lock = LockDocument.read(project.lock, Map.of());
        RequirementsFile in = new RequirementsFileReader(Map.of()).read(project.in);
        Target target = Target.parse(python, "x86_64-manylinux_2_17");
        Path pv = dir.resolve(".python-version");
        PythonSetting setting = Files.exists(pv)
                ? new PythonSetting(pv, Optional.of(PythonVersionFile.read(pv)), "")
                : new PythonSetting(pv, Optional.empty(), "no .python-version");
        Optional<IndexSnapshot> index = Optional.empty();
        if (withIndex) {
            try (IndexClient client = IndexClient.builder(
                    IndexSources.builder().indexUrl(server.simpleUrl().toString()).build()).build()) {
                index = Optional.of(IndexSnapshot.fetch(client, lock.pins(), target, true));
            }
        }
        return new VerifyInput(lock, Optional.of(in), target, setting, dir, index);
    }

    static Stream<Arguments> requirementForms() {
        return Stream.of(
                Arguments.of("a==1.0", true),
                Arguments.of("a===1.0", true),
                Arguments.of("a[x]==1.0 ; python_version >= \"3\"", true),
                Arguments.of("a>=1.0", false),
                Arguments.of("a", false),
                Arguments.of("a==1.*", false),
                Arguments.of("a==1.0,!=1.1", false),
                Arguments.of("a @ https://example.org/a-1.0-py3-none-any.whl", false),
                Arguments.of("https://example.org/a-1.0-py3-none-any.whl", false),
                Arguments.of("./vendor/a-1.0.tar.gz", false));
    }

    @ParameterizedTest(name = "{0} pinned: {1}")
    @MethodSource("requirementForms")
    void pinnedAcceptsOnlyExactVersions(String requirement, boolean pinned) throws IOException {
        Files.writeString(project.lock, "# header\n" + requirement + " " + HASH + "\n");
        List<Finding> findings = new PinnedCheck().run(input(false));
        assertThat(findings).hasSize(pinned ? 0 : 1);
        findings.forEach(f -> assertThat(f.line()).isEqualTo(2));
    }

    @Test
    void hashedFlagsEveryRequirementWithoutAHash() throws IOException {
        Files.writeString(project.lock, "a==1.0 " + HASH + "\nb==1.0\n-e ./local\n");
        assertThat(new HashedCheck().run(input(false))).extracting(Finding::line, Finding::found)
                .containsExactly(tuple(2, "no hash"), tuple(3, "no hash"));
    }

    @Test
    void aHashOfAnotherVersionIsNamedAsSuch() {
        String b10 = project.hashes("b==1.0").get(0);
        String b09 = new VerifyProject(dir.resolve("other"), server).lockText(List.of("b==0.9"))
                .lines().filter(l -> l.contains("--hash=")).findFirst().orElseThrow().strip().replace("--hash=", "");
        project.edit("requirements.txt", b10, b09);
        List<Finding> findings = new HashMatchCheck(Optional.empty()).run(input(true));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("possible tampering: b hash " + b09 + " does not match the index: it is"
                    + " the hash of b-0.9-py3-none-any.whl, a file of version 0.9");
            assertThat(f.found()).isEqualTo(b09);
            assertThat(f.pkg()).hasValueSatisfying(n -> assertThat(n.toString()).isEqualTo("b"));
        });
    }

    @Test
    void aLockListingOnlyTheSdistStillInstalls() {
        String wheel = project.hashes("a==1.0").get(0);
        project.edit("requirements.txt", "--hash=" + wheel + " \\\n    ", "");
        assertThat(project.hashes("a==1.0")).hasSize(1);
        assertThat(new HashMatchCheck(Optional.empty()).run(input(true))).isEmpty();
    }

    @Test
    void freshReportsAPinTheInNoLongerAccepts() {
        project.write("requirements.in", "a>=2\nc[socks]\n");
        assertThat(new FreshCheck().run(input(true))).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(project.in);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("stale: requirements.in requires a>=2 but the lock pins a==1.0");
        });
    }

    @Test
    void freshChecksConstraintsFiles() {
        project.write("constraints.txt", "# pins\nb<1.0\n");
        project.write("requirements.in", "-c constraints.txt\na\nc[socks]\n");
        assertThat(new FreshCheck().run(input(true))).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(dir.resolve("requirements.txt"));
            assertThat(f.line()).isEqualTo(project.lineOf("requirements.txt", "b==1.0"));
            assertThat(f.message()).endsWith("the constraint b<1.0 at constraints.txt:2");
        });
    }

    @Test
    void freshIgnoresPinsForOtherPlatforms() {
        String f = project.lockText(List.of("f==1.0")).lines().dropWhile(l -> !l.startsWith("f==")).toList().get(1);
        project.edit("requirements.txt", "e==1.0 \\", "f==1.0 ; sys_platform == \"win32\" \\\n" + f + "\ne==1.0 \\");
        assertThat(new FreshCheck().run(input(true))).isEmpty();
        assertThat(new HashMatchCheck(Optional.empty()).run(input(true))).isEmpty();
    }

    @Test
    void freshSkipsRequirementsWhoseMarkerIsFalseOnTheTarget() {
        project.write("requirements.in", "a\nc[socks]\nh ; sys_platform == \"win32\"\n");
        assertThat(new FreshCheck().run(input(true))).isEmpty();
        project.write("requirements.in", "a\nc[socks]\nh ; sys_platform == \"linux\"\n");
        assertThat(new FreshCheck().run(input(true))).extracting(Finding::line).containsExactly(3);
    }

    @Test
    void freshFollowsExtrasOfTheInOnly() {
        project.write("requirements.in", "a\nc\n");
        assertThat(new FreshCheck().run(input(true))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("extraneous: e==1.0 is not required"));
    }

    @Test
    void pythonPinComparesEveryPlaceThatNamesAPython() throws IOException {
        project.write(".github/workflows/ci.yml", """
                jobs:
                  t:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: 3.12.1
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.11"
                """);
        project.write("runtime.txt", "python-3.11.7\n");
        project.write("pyproject.toml", "[tool.x]\nrequires-python = \"<3\"\n[project]\nname = \"x\"\n"
                + "requires-python = \">=3.12\"\n");
        project.write("docker/Dockerfile", "ARG PY=3.11.8\nFROM python:${PY}-slim\n");
        project.edit("requirements.txt", "with Python 3.11", "with Python 3.10");
        List<Finding> findings = new PythonPinCheck().run(input(false));
        assertThat(findings).extracting(f -> project.dir.relativize(f.file()).toString(), Finding::line,
                Finding::severity, Finding::found).containsExactlyInAnyOrder(
                        tuple(".github/workflows/ci.yml", 6, Severity.ERROR, "3.12.1"),
                        tuple(".github/workflows/ci.yml", 9, Severity.WARNING, "3.11"),
                        tuple("runtime.txt", 1, Severity.ERROR, "3.11.7"),
                        tuple("pyproject.toml", 5, Severity.ERROR, "3.11.8"),
                        tuple("docker/Dockerfile", 2, Severity.WARNING, "python:${PY}-slim"),
                        tuple("requirements.txt", 2, Severity.ERROR, "Python 3.10"));
    }

    @Test
    void pythonPinNeedsAnExactPythonVersionFile() throws IOException {
        project.write(".python-version", "# pyenv\n3.11\n");
        assertThat(new PythonPinCheck().run(input(false))).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).isEqualTo(".python-version pins 3.11, not an exact X.Y.Z release");
        });
        Files.delete(dir.resolve(".python-version"));
        assertThat(new PythonPinCheck().run(input(false))).singleElement()
                .satisfies(f -> assertThat(f.line()).isZero());
    }

    @Test
    void pythonPinWarnsAboutPinsThatNeedABuild() {
        Path other = dir.resolve("sdist-only");
        try (LocalIndexServer sdists = LocalIndexServer.start(dev.relock.testing.index.Scenario.builder()
                .project("s", p -> p.release("1.0", r -> r.sdist()))
                .project("w", p -> p.release("1.0", r -> r.wheel("cp311-cp311-win_amd64")))
                .build())) {
            VerifyProject sp = new VerifyProject(other, sdists);
            sp.write("requirements.in", "s\nw\n");
            sp.write("requirements.txt", sp.lockText(List.of("s==1.0", "w==1.0")));
            assertThat(new PythonPinCheck().run(input(sp, sdists, true, "3.11.8")))
                    .extracting(Finding::severity, Finding::message)
                    .containsExactly(
                            tuple(Severity.WARNING, "s==1.0 has no wheel for 3.11.8 on x86_64-manylinux_2_17, only"
                                    + " an sdist: it needs a build"),
                            tuple(Severity.ERROR, "w==1.0 has no file that installs on 3.11.8 on"
                                    + " x86_64-manylinux_2_17"));
        }
    }
}
