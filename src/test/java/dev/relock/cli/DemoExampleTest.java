package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.ScenarioJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command works on {@code examples/demo} against the index its script serves. */
class DemoExampleTest {
    static final Path DEMO = Path.of("examples", "demo").toAbsolutePath();

    @TempDir Path dir;

    @Test
    void theDemoProjectCompilesAndVerifiesAgainstItsIndex() throws Exception {
        Path demo = Files.createDirectories(dir.resolve("examples/demo"));
        for (String name : new String[] {"requirements.in", ".python-version", "Dockerfile"}) {
            Files.copy(DEMO.resolve(name), demo.resolve(name));
        }
        try (LocalIndexServer server = LocalIndexServer.start(ScenarioJson.read(DEMO.resolve("index.json")))) {
            String index = server.simpleUrl().toString();
            StringWriter err = new StringWriter();
            RunContext context = new RunContext(Map.of(), dir, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true), false);

            int compiled = Main.run(new String[] {"compile", "examples/demo/requirements.in", "--generate-hashes",
                    "-i", index, "--no-cache"}, context);
            int verified = Main.run(new String[] {"verify", "examples/demo/requirements.txt", "--no-cache"}, context);

            assertThat(compiled).as(err.toString()).isZero();
            assertThat(verified).as(err.toString()).isZero();
            assertThat(Files.readString(demo.resolve("requirements.txt")))
                    .contains("requests==2.32.3 \\\n", "click==8.1.7 \\\n", "--python-platform=x86_64-manylinux_2_36");
        }
    }
}
