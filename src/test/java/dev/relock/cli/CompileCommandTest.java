package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.RecordedRequest;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relock compile} end to end: {@link Main#run} against a {@link LocalIndexServer}. */
class CompileCommandTest {
    static final String REQUIRES_URLLIB3 = "urllib3>=1.21.1,<3";

    /** A small PyPI-like world: requests with an extra, a marker-only dependency, an unsafe package. */
    static Scenario project() {
        return Scenario.builder()
                .project("requests", p -> p
                        .release("2.30.0", r -> r.requires(REQUIRES_URLLIB3, "idna>=2.5,<4", "certifi>=2017.4.17")
                                .extra("socks", "PySocks>=1.5.6,!=1.5.7"))
                        .release("2.31.0", r -> r.requires(REQUIRES_URLLIB3, "idna>=2.5,<4", "certifi>=2017.4.17")
                                .extra("socks", "PySocks>=1.5.6,!=1.5.7").wheel().sdist()))
                .project("urllib3", p -> p.release("1.26.18").release("2.0.7"))
                .project("idna", p -> p.release("3.4").release("3.6", r -> r.wheel().sdist()))
                .project("certifi", p -> p.release("2024.2.2"))
                .project("PySocks", p -> p.release("1.7.1"))
                .project("click", p -> p.release("8.1.7", r -> r.requires("colorama; platform_system == \"Windows\"")))
                .project("colorama", p -> p.release("0.4.6"))
                .project("zope.interface", p -> p.release("6.1", r -> r.requires("setuptools")))
                .project("setuptools", p -> p.release("69.0.3"))
                .build();
    }

    /** The same world before the newest releases were published. */
    static Scenario older() {
        return Scenario.builder()
                .project("requests", p -> p.release("2.30.0", r -> r
                        .requires(REQUIRES_URLLIB3, "idna>=2.5,<4", "certifi>=2017.4.17")))
                .project("urllib3", p -> p.release("1.26.18"))
                .project("idna", p -> p.release("3.4"))
                .project("certifi", p -> p.release("2024.2.2"))
                .project("click", p -> p.release("8.1.7"))
                .build();
    }

    static final String REQUIREMENTS_IN = """
            # what the app needs
            requests[socks]>=2.30
            click>=8 ; python_version >= "3.8"
            zope.interface
            """;


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void pinPython() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Result relock(Map<String, String> env, String... args) {
        return Result.run(dir, env, args);
    }

    /** {@code relock compile ARGS -i SERVER --no-cache}. */
    Result compile(String... args) {
        return compile(Map.of(), args);
    }

    Result compile(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("compile"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache"));
        return relock(env, all.toArray(String[]::new));
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The port of the server varies from run to run; golden files say PORT. */
    String portless(String text) {
        return text.replace(":" + server.port() + "/", ":PORT/");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CompileCommandTest.class.getResourceAsStream("compile/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String pin(String lockfile, String name) {
        return lockfile.lines().filter(l -> l.startsWith(name + "==") || l.startsWith(name + "["))
                .map(l -> l.replaceAll(" .*", "")).findFirst().orElse("(none)");
    }

    @Test
    void compilesASmallProjectToTheGoldenLockfileAndAgainToTheSameBytes() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", REQUIREMENTS_IN);

        Result first = compile("--generate-hashes", "requirements.in");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("Wrote requirements.txt");
        String lock = read("requirements.txt");
        assertThat(portless(lock)).isEqualTo(resource("golden-requirements.txt"));

        Files.setLastModifiedTime(dir.resolve("requirements.txt"), FileTime.fromMillis(0));
        Result second = compile("--generate-hashes", "requirements.in");
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).contains("Up to date: requirements.txt");
        assertThat(read("requirements.txt")).isEqualTo(lock);
        assertThat(Files.getLastModifiedTime(dir.resolve("requirements.txt")).toMillis()).as("not rewritten").isZero();
    }

    @Test
    void dryRunPrintsTheLockfileAndWritesNothing() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", "requests\n");

        Result r = compile("--dry-run", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("requests==2.31.0").contains("# via -r requirements.in");
        assertThat(r.err()).contains("Dry run");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".python-version",
                    "requirements.in");
        }
    }

    @Test
    void keepsExistingPinsUntilAPackageOrEverythingIsUpgraded() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "requests\nclick\n");
        assertThat(compile("requirements.in").status()).isZero();
        String before = read("requirements.txt");
        assertThat(pin(before, "requests")).isEqualTo("requests==2.30.0");

        server.publish("urllib3", "2.0.7", r -> { });
        server.publish("idna", "3.6", r -> { });
        server.publish("requests", "2.31.0", r -> r.requires(REQUIRES_URLLIB3, "idna>=2.5,<4", "certifi"));

        Result same = compile("requirements.in");
        assertThat(same.status()).as(same.err()).isZero();
        assertThat(read("requirements.txt")).as("existing pins are preferences").isEqualTo(before);

        Result one = compile("-P", "urllib3", "requirements.in");
        assertThat(one.status()).as(one.err()).isZero();
        String afterOne = read("requirements.txt");
        assertThat(pin(afterOne, "urllib3")).isEqualTo("urllib3==2.0.7");
        assertThat(pin(afterOne, "idna")).isEqualTo("idna==3.4");
        assertThat(pin(afterOne, "requests")).isEqualTo("requests==2.30.0");
        assertThat(afterOne).as("-P is not recorded").doesNotContain("urllib3 --").doesNotContain("-P");

        Result all = compile("-U", "requirements.in");
        assertThat(all.status()).as(all.err()).isZero();
        String upgraded = read("requirements.txt");
        assertThat(pin(upgraded, "requests")).isEqualTo("requests==2.31.0");
        assertThat(pin(upgraded, "idna")).isEqualTo("idna==3.6");
    }

    @Test
    void aRecompileAsksTheIndexForEachPageAndPinnedVersionOnce() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", REQUIREMENTS_IN);
        assertThat(compile("--generate-hashes", "requirements.in").status()).isZero();
        server.clearLog();

        Result again = compile("--generate-hashes", "requirements.in");

        assertThat(again.status()).as(again.err()).isZero();
        List<String> metadata = server.requests(p -> p.endsWith(".metadata")).stream()
                .map(RecordedRequest::path).toList();
        List<String> pages = server.requests(p -> p.startsWith("/simple/")).stream()
                .map(RecordedRequest::path).toList();
        assertThat(metadata).doesNotHaveDuplicates().hasSize(8);
        assertThat(pages).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void upgradePackageWithASpecifierConstrainsIt() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", "requests\n");
        assertThat(compile("-P", "urllib3<2", "requirements.in").status()).isZero();
        String lock = read("requirements.txt");
        assertThat(pin(lock, "urllib3")).isEqualTo("urllib3==1.26.18");
        assertThat(lock).as("a one-off option leaves no trace").doesNotContain("upgrade-package");
    }

    @Test
    void aLayeredDevFileKeepsTheMainPins() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "requests\n");
        assertThat(compile("--generate-hashes", "requirements.in").status()).isZero();
        server.publish("urllib3", "2.0.7", r -> { });
        write("requirements-dev.in", "-c requirements.txt\nurllib3\nclick\n");

        Result dev = compile("requirements-dev.in");

        assertThat(dev.status()).as(dev.err()).isZero();
        String lock = read("requirements-dev.txt");
        assertThat(lock).contains("""
                urllib3==1.26.18
                    # via
                    #   -c requirements.txt
                    #   -r requirements-dev.in
                """);
        assertThat(lock).contains("click==8.1.7\n    # via -r requirements-dev.in\n");
    }

    @Test
    void severalSourcesGoIntoOneOutputWhichMustBeNamed() throws IOException {
        server = LocalIndexServer.start(older());
        write("base.in", "requests\n");
        write("tools.in", "click\nidna\n");

        Result unnamed = compile("base.in", "tools.in");
        assertThat(unnamed.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unnamed.err()).contains("-o/--output-file is required");

        Result r = compile("base.in", "tools.in", "-o", "all.txt");
        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("all.txt");
        assertThat(lock).contains("--output-file=all.txt --python-platform=x86_64-manylinux_2_28 base.in tools.in");
        assertThat(lock).contains("click==8.1.7\n    # via -r tools.in\n");
        assertThat(lock).contains("idna==3.4\n    # via\n    #   -r tools.in\n    #   requests\n");
    }

    @Test
    void readsPyprojectDependenciesAndSelectedExtras() throws IOException {
        server = LocalIndexServer.start(project());
        write("pyproject.toml", """
                [project]
                name = "Demo_App"
                version = "0.1"
                dependencies = ["requests>=2.30"]

                [project.optional-dependencies]
                cli = ["click>=8"]
                plugins = ["zope.interface"]
                """);

        Result r = compile("pyproject.toml", "--extra", "cli");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).contains("--extra=cli").contains("click==8.1.7\n    # via demo-app (pyproject.toml)\n");
        assertThat(lock).contains("requests==2.31.0\n    # via demo-app (pyproject.toml)\n");
        assertThat(lock).doesNotContain("zope");

        Result all = compile("pyproject.toml", "--all-extras");
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(read("requirements.txt")).contains("zope-interface==6.1").contains("setuptools==69.0.3");

        Result unknown = compile("pyproject.toml", "--extra", "nope");
        assertThat(unknown.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("pyproject.toml: no optional dependencies named 'nope'");
    }

    @Test
    void filesListedWithoutHashesAreDownloadedAndHashed() throws IOException {
        server = LocalIndexServer.start(project());
        LocalIndexServer.exportFindLinks(project(), dir.resolve("wheels"));
        write("requirements.in", "click\n");

        Result r = relock(Map.of(), "compile", "--generate-hashes", "--no-index", "-f", "wheels", "--no-cache",
                "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).contains("""
                --find-links wheels

                click==8.1.7 \\
                    --hash=sha256:%s
                """.formatted(server.file("click-8.1.7-py3-none-any.whl").sha256()));
    }

    @Test
    void customCompileCommandReplacesTheHeaderCommand() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "click\n");

        Result r = compile(Map.of("CUSTOM_COMPILE_COMMAND", "make lock"), "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).startsWith("""
                #
                # This file is autogenerated by relock with Python 3.11.7
                # by the following command:
                #
                #    make lock
                #
                """);
    }

    @Test
    void noHeaderAndLineAnnotationsAndStrippedExtras() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", "requests[socks]\n");

        Result r = compile("--no-header", "--annotation-style", "line", "--strip-extras", "--no-emit-index-url",
                "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).startsWith("certifi==2024.2.2         # via requests\n");
        assertThat(lock).contains("requests==2.31.0          # via -r requirements.in\n");
        assertThat(lock).doesNotContain("--index-url").doesNotContain("[socks]");
    }

    @Test
    void noAllowUnsafeListsUnsafePackagesAsComments() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", "zope.interface\n");

        Result r = compile("--generate-hashes", "--no-allow-unsafe", "requirements.in");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(read("requirements.txt")).contains("--no-allow-unsafe").endsWith("""
                    # via -r requirements.in

                # WARNING: The following packages were not pinned, but pip requires them to be
                # pinned when the requirements file includes hashes. Consider using the --allow-unsafe flag.
                # setuptools
                """);
    }

    @Test
    void credentialsInTheIndexUrlAreNeverWritten() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "click\n");
        String url = server.simpleUrl().toString().replace("http://", "http://alice:s3cret@");

        Result r = relock(Map.of(), "compile", "requirements.in", "-i", url, "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        String lock = read("requirements.txt");
        assertThat(lock).doesNotContain("s3cret").doesNotContain("alice")
                .contains("--index-url " + server.simpleUrl() + "\n");
    }

    @Test
    void unresolvableRequirementsExitThreeWithTheExplanation() throws IOException {
        server = LocalIndexServer.start(project());
        write("requirements.in", "requests==2.31.0\nurllib3<1\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err()).startsWith("relock: error: ").contains("urllib3").doesNotContain("\tat ");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void anIndexThatIsDownExitsFour() throws IOException {
        server = LocalIndexServer.start(older());
        String url = server.simpleUrl().toString();
        server.close();
        write("requirements.in", "click\n");
        write("requirements.txt", "click==8.1.7\n");

        Result r = relock(Map.of(), "compile", "requirements.in", "-i", url, "--no-cache");

        assertThat(r.status()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(read("requirements.txt")).isEqualTo("click==8.1.7\n");
        server = null;
    }

    @Test
    void aMalformedInputFileExitsTwoWithFileLineAndColumn() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "requests\nclick>=>8\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("relock: error: requirements.in:2:");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void withoutPythonVersionFileOrOptionItExitsTwoAndSaysHowToFixIt() throws IOException {
        server = LocalIndexServer.start(older());
        Files.delete(dir.resolve(".python-version"));
        write("requirements.in", "click\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(".python-version").contains("--python-version");

        Result given = compile("--python-version", "3.12", "requirements.in");
        assertThat(given.status()).as(given.err()).isZero();
        assertThat(read("requirements.txt")).contains("with Python 3.12\n").contains("--python-version=3.12");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws IOException {
        server = LocalIndexServer.start(older());
        write("requirements.in", "click\n");
        Files.createDirectories(dir.resolve("out.txt"));
        write("out.txt/keep", "x");

        Result r = compile("requirements.in", "-o", "out.txt");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("cannot write");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".python-version",
                    "requirements.in", "out.txt");
        }
    }
}
