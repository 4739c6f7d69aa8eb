package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.python.PythonTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code relock compile} with direct references (local archives, URLs, directories, {@code -e}),
 * end to end through {@link Main#run} against a {@link LocalIndexServer} that also builds the
 * archives the references point at.
 */
class DirectReferenceCompileTest {
    static final String WHEEL = "localpkg-1.0-py3-none-any.whl";
    static final String SDIST = "localpkg-1.0.tar.gz";
    static final String OLD_SDIST = "oldsdist-1.0.tar.gz";

    static Scenario scenario() {
        return Scenario.builder()
                .project("localpkg", p -> p.release("1.0", r -> r.requires("dep>=1").extra("fast", "speedy")
                        .wheel().sdist()))
                .project("dep", p -> p.release("1.0").release("2.0"))
                .project("speedy", p -> p.release("1.0"))
                .project("user", p -> p.release("1.0", r -> r.requires("localpkg")))
                .project("wantsnew", p -> p.release("1.0", r -> r.requires("localpkg>=2")))
                .project("oldsdist", p -> p.release("1.0", r -> r.requires("dep").sdist("2.1")))
                .project("solo", p -> p.release("1.0"))
                .build();
    }


    @TempDir Path dir;
    LocalIndexServer server;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.11.7\n");
        server = LocalIndexServer.start(scenario());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result compile(String... args) {
        List<String> all = new ArrayList<>(List.of("compile", "--no-header", "--no-emit-index-url"));
        all.addAll(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache", "requirements.in"));
        return relock(all.toArray(String[]::new));
    }

    Result relock(String... args) {
        return Result.run(dir, Map.of(), args);
    }

    void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    String lock() throws IOException {
        return Files.readString(dir.resolve("requirements.txt"), StandardCharsets.UTF_8);
    }

    void writeDistribution(String relative, String filename) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, server.file(filename).bytes());
    }

    String hash(String filename) {
        return server.file(filename).sha256();
    }

    boolean askedIndexFor(String project) {
        return server.requests().stream().anyMatch(r -> r.path().contains("/simple/" + project + "/"));
    }

    static final String STATIC_PROJECT = """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "Foo_Lib"
            version = "0.3"
            requires-python = ">=3.8"
            dependencies = ["dep<2", "colorful; sys_platform == 'win32'"]

            [project.optional-dependencies]
            fast = ["speedy"]
            """;

    @Test
    void aLocalWheelPathIsLockedVerbatimWithItsHashAndItsDependencyComesFromTheIndex() throws IOException {
        writeDistribution("dist/" + WHEEL, WHEEL);
        write("requirements.in", "./dist/" + WHEEL + "\nuser\n");

        Result r = compile("--generate-hashes");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).isEqualTo("""
                dep==2.0 \\
                    --hash=sha256:%s
                    # via localpkg
                ./dist/%s \\
                    --hash=sha256:%s
                    # via
                    #   -r requirements.in
                    #   user
                user==1.0 \\
                    --hash=sha256:%s
                    # via -r requirements.in
                """.formatted(hash("dep-2.0-py3-none-any.whl"), WHEEL, hash(WHEEL),
                hash("user-1.0-py3-none-any.whl")));
        assertThat(askedIndexFor("localpkg")).as("the index is never asked about a direct reference").isFalse();
    }

    @Test
    void aNamedUrlToAWheelIsLockedAsNameAtUrlWithTheDownloadedFilesHash() throws IOException {
        String url = server.fileUrl(WHEEL).toString();
        write("requirements.in", "localpkg[fast] @ " + url + "\n");

        Result r = compile("--generate-hashes");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).contains("localpkg[fast] @ " + url + " \\\n    --hash=sha256:" + hash(WHEEL)
                + "\n    # via -r requirements.in\n");
        assertThat(lock()).contains("speedy==1.0 \\").contains("dep==2.0 \\");
        assertThat(askedIndexFor("localpkg")).isFalse();
    }

    @Test
    void aBareUrlToAStaticSdistIsLockedByTheNameInItsPkgInfo() throws IOException {
        String url = server.fileUrl(SDIST).toString();
        write("requirements.in", url + "\n");

        Result r = compile("--generate-hashes");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).contains("localpkg @ " + url + " \\\n    --hash=sha256:" + hash(SDIST) + "\n");
        assertThat(lock()).contains("dep==2.0 \\");
    }

    @Test
    void aUrlToAnSdistWithOldMetadataNeedsABuildAndIsBadInputWithNoBuild() throws IOException {
        write("requirements.in", server.fileUrl(OLD_SDIST) + "\n");

        Result r = compile("--no-build");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("requirements.in:1:1").contains("needs a build");
    }

    @Test
    void aLocalDirectoryTakesNameDependenciesAndExtrasFromItsStaticPyprojectAndHasNoHash() throws IOException {
        write("libs/foo/pyproject.toml", STATIC_PROJECT);
        write("requirements.in", "./libs/foo[fast]\n");

        Result r = compile("--generate-hashes");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).isEqualTo("""
                dep==1.0 \\
                    --hash=sha256:%s
                    # via foo-lib
                # WARNING: pip install will require the following package to be hashed.
                # Consider using a hashable URL like https://github.com/jazzband/pip-tools/archive/SOMECOMMIT.zip
                ./libs/foo[fast]
                    # via -r requirements.in
                speedy==1.0 \\
                    --hash=sha256:%s
                    # via foo-lib
                """.formatted(hash("dep-1.0-py3-none-any.whl"), hash("speedy-1.0-py3-none-any.whl")));
    }

    @Test
    void anEditableDirectoryIsWrittenAsGivenAndSortedFirst() throws IOException {
        write("libs/foo/pyproject.toml", STATIC_PROJECT);
        write("requirements.in", "user\n-e ./libs/foo\n" + "./dist/" + WHEEL + "\n");
        writeDistribution("dist/" + WHEEL, WHEEL);

        Result r = compile();

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(lock()).isEqualTo("""
                -e ./libs/foo
                    # via -r requirements.in
                dep==1.0
                    # via
                    #   foo-lib
                    #   localpkg
                ./dist/%s
                    # via
                    #   -r requirements.in
                    #   user
                user==1.0
                    # via -r requirements.in
                """.formatted(WHEEL));
    }

    @Test
    void aRecompileKeepsTheSameBytesAndVerifyReportsFindingsInsteadOfFailing() throws IOException {
        write("libs/foo/pyproject.toml", STATIC_PROJECT);
        writeDistribution("dist/" + WHEEL, WHEEL);
        write("requirements.in", "-e ./libs/foo\n./dist/" + WHEEL + "\n");
        assertThat(compile("--generate-hashes").status()).isZero();
        String first = lock();

        Result again = compile("--generate-hashes");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(lock()).isEqualTo(first);
        Result verify = relock("verify", "--check", "pinned", "--check", "hashed", "requirements.txt");
        assertThat(verify.status()).as(verify.err()).isEqualTo(1);
        assertThat(verify.out() + verify.err())
                .contains("an editable requirement is not pinned")
                .contains("a path requirement is not pinned");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("a directory whose dependencies are dynamic",
                        "[project]\nname = \"foo\"\nversion = \"1\"\ndynamic = [\"dependencies\"]\n",
                        "./libs/foo", "declares 'dependencies' dynamic, so the project needs a build"),
                Arguments.of("a directory without a [project] table", "[tool.poetry]\nname = \"foo\"\n",
                        "-e ./libs/foo", "has no [project] table, so the project needs a build"),
                Arguments.of("a path that does not exist", "", "./nowhere/x-1.0.tar.gz", "no such file or directory"),
                Arguments.of("a version control URL", "", "git+https://example.org/foo.git#egg=foo",
                        "version control references need a checkout and a build"),
                Arguments.of("a name that does not match the artifact", STATIC_PROJECT, "bar @ ./libs/foo",
                        "the artifact is foo-lib 0.3, not bar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badDirectReferencesAreOneLineBadInputErrors(String what, String pyproject, String in, String message)
            throws IOException {
        if (!pyproject.isEmpty()) {
            write("libs/foo/pyproject.toml", pyproject);
        }
        write("requirements.in", in + "\n");

        Result r = compile();

        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains("requirements.in:").contains(message);
    }

    @Test
    void twoDifferentReferencesForOnePackageAreBadInput() throws IOException {
        writeDistribution("dist/" + WHEEL, WHEEL);
        writeDistribution("other/" + WHEEL, WHEEL);
        write("requirements.in", "./dist/" + WHEEL + "\n./other/" + WHEEL + "\n");

        Result r = compile();

        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("localpkg is given by two direct references, './dist/" + WHEEL + "'")
                .contains("'./other/" + WHEEL + "'");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of("a root requirement", "localpkg>=2"),
                Arguments.of("a dependency of an index package", "wantsnew"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void anotherRequirementTheArtifactsVersionDoesNotSatisfyIsUnresolvable(String what, String other)
            throws IOException {
        writeDistribution("dist/" + WHEEL, WHEEL);
        write("requirements.in", "./dist/" + WHEEL + "\n" + other + "\n");

        Result r = compile();

        assertThat(r.status()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("Because the only localpkg is version 1.0, from the direct reference ./dist/" + WHEEL);
        assertThat(askedIndexFor("localpkg")).isFalse();
    }

    @Test
    void aDirectoryWhoseRequiresPythonExcludesTheTargetIsUnresolvable() throws IOException {
        write("libs/foo/pyproject.toml", STATIC_PROJECT.replace(">=3.8", ">=3.12"));
        write("requirements.in", "./libs/foo\n");

        Result r = compile();

        assertThat(r.status()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("requires Python >=3.12").contains("3.11.7");
    }

    @Test
    void pipInstallsTheHashedLocalWheelOfACompiledLockAndRefusesATamperedOne() throws Exception {
        assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
        writeDistribution("dist/solo-1.0-py3-none-any.whl", "solo-1.0-py3-none-any.whl");
        write("requirements.in", "./dist/solo-1.0-py3-none-any.whl\n");
        assertThat(compile("--generate-hashes").status()).isZero();
        List<String> pip = List.of("python3", "-m", "pip", "install", "--isolated", "--no-input",
                "--disable-pip-version-check", "--no-cache-dir", "--dry-run", "--ignore-installed", "--no-index",
                "--no-deps", "--require-hashes", "-r", "requirements.txt");

        PythonTool.Result accepted = PythonTool.run(dir, pip);
        assertThat(accepted.exit()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("solo-1.0");

        writeDistribution("dist/solo-1.0-py3-none-any.whl", WHEEL);
        PythonTool.Result refused = PythonTool.run(dir, pip);
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("hash");
    }
}
