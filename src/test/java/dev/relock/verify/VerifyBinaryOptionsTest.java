package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relock verify --strict} re-resolves under the lockfile's recorded {@code --only-binary}. */
class VerifyBinaryOptionsTest {
    @TempDir Path dir;
    LocalIndexServer server;
    VerifyProject project;

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(VerifyProject.scenario());
        server.publish("b", "1.1", r -> r.requires("d").sdist());
        project = new VerifyProject(dir, server);
        project.write("requirements.txt", project.lockText(List.of("a==1.0", "b==1.1", "c==2.0", "d==1.0", "e==1.0")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRecordedOnlyBinaryRulesOutAnSdistOnlyPinWhenReResolving() {
        VerifyProject.Result without = project.run("verify", "--check", "fresh", "--strict", "--no-cache");
        assertThat(without.status()).as(without.out()).isZero();

        String indexLine = "--index-url " + server.simpleUrl() + "\n";
        project.edit("requirements.txt", indexLine, indexLine + "--only-binary b\n");
        VerifyProject.Result with = project.run("verify", "--check", "fresh", "--strict", "--no-cache");

        assertThat(with.status()).isEqualTo(1);
        assertThat(with.out()).contains("warning[fresh] re-resolving requirements.in picks b==1.0 instead of b==1.1");
    }
}
