package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsRuntimeTest {
    @TempDir Path dir;

    @Test
    void annotationsEscapeDataAndProperties() {
        assertThat(ActionsRuntime.annotation(ActionsRuntime.Level.ERROR, Optional.of("req,s.txt"), 7, "hash: bad",
                        "100% wrong\nsecond line"))
                .isEqualTo("::error file=req%2Cs.txt,line=7,title=hash%3A bad::100%25 wrong%0Asecond line");
        assertThat(ActionsRuntime.annotation(ActionsRuntime.Level.WARNING, Optional.empty(), 0, "", "m"))
                .isEqualTo("::warning::m");
    }

    @Test
    void outputsUseAHeredocDelimiterAndTheSummaryAppends() throws Exception {
        Path output = dir.resolve("out");
        Path summary = dir.resolve("summary");
        StringWriter stdout = new StringWriter();
        RunContext ctx = new RunContext(
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY",
                        summary.toString()),
                dir, new PrintWriter(stdout, true), new PrintWriter(new StringWriter()), false);
        ActionsRuntime actions = new ActionsRuntime(ctx);
        actions.setOutput("changed-packages", "a\nb");
        actions.appendSummary("| a |");
        actions.appendSummary("| b |\n");
        actions.mask("s3cr%t");

        String written = Files.readString(output);
        String delimiter = written.substring("changed-packages<<".length(), written.indexOf('\n'));
        assertThat(delimiter).startsWith("relock_");
        assertThat(written).isEqualTo("changed-packages<<" + delimiter + "\na\nb\n" + delimiter + "\n");
        assertThat(Files.readString(summary)).isEqualTo("| a |\n| b |\n");
        assertThat(stdout.toString()).isEqualTo("::add-mask::s3cr%25t" + System.lineSeparator());
    }

    @Test
    void outsideActionsNothingIsWritten() {
        StringWriter stdout = new StringWriter();
        RunContext ctx = new RunContext(Map.of(), dir, new PrintWriter(stdout, true), new PrintWriter(new StringWriter()), false);
        ActionsRuntime actions = new ActionsRuntime(ctx);
        actions.setOutput("x", "y");
        actions.mask("secret");
        assertThat(stdout.toString()).isEmpty();
        assertThat(dir.toFile().list()).isEmpty();
    }
}
