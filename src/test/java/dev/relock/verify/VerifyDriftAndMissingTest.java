package dev.relock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.testing.index.LocalIndexServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relock verify} on a layered dev lock that drifted from the main lock, and on pins of
 * versions the index does not list, end to end against a local index.
 */
class VerifyDriftAndMissingTest {
    @TempDir Path dir;
    LocalIndexServer server;
    VerifyProject project;

    @BeforeEach
    void start() {
        server = LocalIndexServer.start(VerifyProject.scenario());
        project = new VerifyProject(dir, server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDevPinThatDriftedFromTheMainLockIsReportedAtTheDevPin() {
        project.write("requirements-dev.in", "-c requirements.txt\nb\nf\n");
        project.write("requirements-dev.txt", VerifyProject.lockText(server, List.of("b==0.9", "f==1.0"))
                .replace("-r requirements.in", "-r requirements-dev.in"));
        int devPin = project.lineOf("requirements-dev.txt", "b==0.9");
        int mainPin = project.lineOf("requirements.txt", "b==1.0");

        VerifyProject.Result r = project.run("verify", "requirements-dev.txt");

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out().lines().toList()).containsExactly(
                "requirements-dev.txt:" + devPin + ": error[fresh] stale: the pin b==0.9 is not accepted by the"
                        + " constraint b==1.0 at requirements.txt:" + mainPin
                        + " (expected b==1.0 (requirements.txt:" + mainPin + "), found b==0.9)",
                "",
                "relock verify: FAILED: 1 error, 0 warnings in 1 lockfile (2 pins, 6 checks)");
    }

    @Test
    void aVersionTheIndexDoesNotListIsNotCalledRemoved() {
        project.edit("requirements.txt", "e==1.0", "e==1.5");
        int line = project.lineOf("requirements.txt", "e==1.5");

        VerifyProject.Result r = project.run("verify");

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out().lines().findFirst()).hasValue("requirements.txt:" + line + ": error[hash-match] e==1.5 is"
                + " not on the index (never published, or removed); the index lists 1 other version of e, the newest"
                + " 1.0 (expected a published release, found 1.5)");
        assertThat(r.out()).doesNotContain("any more");
    }
}
