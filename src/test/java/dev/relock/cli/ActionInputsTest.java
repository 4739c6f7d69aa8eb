package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionInputsTest {
    @TempDir Path dir;

    private RunContext ctx(Map<String, String> inputs) {
        Map<String, String> env = new HashMap<>();
        // The runner passes every declared input, empty when the workflow did not set it.
        for (String name : new String[] {"COMMAND", "LOCKFILES", "PYTHON-VERSION-FILE", "TOKEN", "BASE", "BRANCH",
                "LABELS", "REVIEWERS", "DRAFT", "INDEX-URL", "EXTRA-INDEX-URL", "AUDIT", "COOLDOWN", "SECURITY-ONLY", "ARGS"}) {
            env.put("INPUT_" + name, "");
        }
        inputs.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(), v));
        return new RunContext(env, dir, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }

    @Test
    void emptyInputsMeanDefaults() {
        assertThat(ActionInputs.arguments(ctx(Map.of()))).containsExactly("verify");
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "update", "draft", "false"))))
                .containsExactly("update");
    }

    @Test
    void verifyTakesLockfilesAndIndexOptions() {
        assertThat(ActionInputs.arguments(ctx(Map.of(
                        "lockfiles", "requirements.txt\nrequirements-dev.txt",
                        "index-url", "https://idx.example/simple",
                        "extra-index-url", "https://a.example/simple, https://b.example/simple",
                        "python-version-file", ".python-version"))))
                .containsExactly("verify", "--python-version-file", ".python-version",
                        "--index-url", "https://idx.example/simple",
                        "--extra-index-url", "https://a.example/simple", "--extra-index-url", "https://b.example/simple",
                        "requirements.txt", "requirements-dev.txt");
    }

    @Test
    void auditAndSecurityOnlyReachUpdate() {
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "update", "audit", "true"))))
                .containsExactly("update", "--audit");
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "update", "security-only", "true", "audit", "true")))).containsExactly("update", "--security-only");
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "update")))).containsExactly("update");
    }

    @Test
    void auditTrueAddsTheAuditToVerify() {
        assertThat(ActionInputs.arguments(ctx(Map.of("audit", "true", "lockfiles", "requirements.txt"))))
                .containsExactly("verify", "--audit", "requirements.txt");
        assertThat(ActionInputs.arguments(ctx(Map.of("audit", "false")))).containsExactly("verify");
    }

    @Test
    void updateMapsEveryInput() throws Exception {
        Files.writeString(dir.resolve(".python-version"), "3.12.7\n");
        assertThat(ActionInputs.arguments(ctx(Map.of(
                        "command", "update",
                        "lockfiles", "requirements.in:requirements.txt",
                        "python-version-file", ".python-version",
                        "base", "main",
                        "branch", "deps/python",
                        "labels", "dependencies,python",
                        "reviewers", "@alice acme/platform",
                        "draft", "true",
                        "token", "ghs_secret",
                        "args", "-P 'requests>=2' --title \"Weekly lock refresh\""))))
                .containsExactly("update", "--python-version", "3.12.7",
                        "--lockfile", "requirements.in:requirements.txt",
                        "--base", "main", "--branch", "deps/python",
                        "--label", "dependencies", "--label", "python",
                        "--reviewer", "alice", "--team-reviewer", "platform",
                        "--draft", "--token-env", "INPUT_TOKEN",
                        "-P", "requests>=2", "--title", "Weekly lock refresh");
    }

    @Test
    void cooldownIsExcludeNewerForCompileAndUpdateAndVerifyReadsTheHeader() {
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "update", "cooldown", "7d"))))
                .containsExactly("update", "--exclude-newer", "7d");
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "compile", "cooldown", "7 days", "args", "-q"))))
                .containsExactly("compile", "--exclude-newer", "7 days", "-q");
        assertThat(ActionInputs.arguments(ctx(Map.of("command", "verify", "cooldown", "7d")))).containsExactly("verify");
    }

    @Test
    void badInputsAreOneLineErrors() {
        assertThatThrownBy(() -> ActionInputs.arguments(ctx(Map.of("command", "deploy"))))
                .hasMessage("input 'command' must be update, verify or compile, not 'deploy'");
        assertThatThrownBy(() -> ActionInputs.arguments(ctx(Map.of("args", "--title 'oops"))))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> ActionInputs.arguments(ctx(Map.of("command", "update", "python-version-file", "nope"))))
                .hasMessageContaining("nope does not exist");
    }

    @Test
    void theTokenIsMaskedBeforeAnythingElseRuns() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "INPUT_TOKEN", "ghs_topsecret",
                "INPUT_COMMAND", "deploy"));
        int status = Main.run(new String[] {"action"}, new RunContext(env, dir, new PrintWriter(out, true),
                new PrintWriter(err, true), false));
        assertThat(out.toString()).startsWith("::add-mask::ghs_topsecret");
        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("input 'command'").doesNotContain("ghs_topsecret");
    }
}
