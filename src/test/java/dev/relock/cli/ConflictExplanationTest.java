package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unresolvable compile names the input lines (file:line) and the specifiers that conflict. */
class ConflictExplanationTest {

    @TempDir Path dir;
    LocalIndexServer server;

    static Scenario world() {
        return Scenario.builder()
                .project("django", p -> p.release("4.2.11").release("5.0.3").release("5.1.2"))
                .project("a", p -> p.release("1.0", r -> r.requires("django<5")))
                .project("requests", p -> p.release("2.31.0"))
                .build();
    }

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        server = LocalIndexServer.start(world());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result compile(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 5];
        all[0] = "compile";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-i";
        all[args.length + 2] = server.simpleUrl().toString();
        all[args.length + 3] = "--no-cache";
        all[args.length + 4] = "-q";
        int status = Main.run(all, new RunContext(Map.of(), dir, new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Result(status, out.toString(), err.toString());
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static final String CAUSE = "relock: error: Cannot resolve the requirements for Python 3.12.7 on x86_64-manylinux_2_28: ";

    @Test
    void twoLinesOnOnePackageThatNoVersionSatisfiesAreNamedWithTheirSpecifiers() throws IOException {
        write("requirements.in", "# web\ndjango>=5.1\nrequests\ndjango<5.0\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err().lines().toList()).containsExactly(
                CAUSE + "requirements.in:2 requires django>=5.1 and requirements.in:4 requires django<5.0;"
                        + " no version satisfies both");
        assertThat(dir.resolve("requirements.txt")).doesNotExist();
    }

    @Test
    void anIncludedFileAndAConstraintFileAreNamedByTheirOwnLines() throws IOException {
        write("base.in", "django>=5.1\n");
        write("requirements.in", "-r base.in\n-c constraints.txt\n");
        write("constraints.txt", "\ndjango<5.0\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err().lines().findFirst()).hasValue(
                CAUSE + "base.in:1 requires django>=5.1 and constraints.txt:2 constrains django<5.0;"
                        + " no version satisfies both");
    }

    @Test
    void aRootRequirementAgainstATransitiveOneNamesTheInputLineAndTheDependent() throws IOException {
        write("requirements.in", "a\ndjango>=5.1\n");

        Result r = compile("requirements.in");

        assertThat(r.status()).isEqualTo(ExitCodes.UNRESOLVABLE);
        assertThat(r.err().lines().toList()).containsExactly(
                CAUSE + "conflicting requirements on django (a==1.0 depends on django<5;"
                        + " requirements.in:2 requires django>=5.1)",
                "Because requirements.in:1 requires a and a==1.0 depends on django<5, you require django<5.",
                "And because requirements.in:2 requires django>=5.1, version solving failed.");
    }
}
