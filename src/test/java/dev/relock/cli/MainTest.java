package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Result r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("relock " + VersionProvider.version());
        assertThat(VersionProvider.version()).doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void theVersionShortcutPrintsWhatThePicocliOptionPrints() {
        StringWriter viaPicocli = new StringWriter();
        CommandLine cli = Main.commandLine(RunContext.ofProcess(new PrintWriter(viaPicocli, true),
                new PrintWriter(new StringWriter())));
        cli.setOut(new PrintWriter(viaPicocli, true));
        cli.printVersionHelp(new PrintWriter(viaPicocli, true));

        assertThat(run("--version").out()).isEqualTo(viaPicocli.toString()).isEqualTo(run("-V").out());
        assertThat(Main.asksForVersionOnly(new String[] {"--version"})).isTrue();
        assertThat(Main.asksForVersionOnly(new String[] {"compile", "--version"})).isFalse();
        assertThat(Main.asksForVersionOnly(new String[] {"--version", "extra"})).isFalse();
    }

    @Test
    void helpListsUsageAndExitCodes() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: relock").contains("Exit status:").contains("bad input");
        assertThat(r.out()).contains("compile").contains("verify").contains("update").contains("wheelhouse");
    }

    @Test
    void everyRegisteredSubcommandIsKnownByItsOwnCommandName() {
        CommandLine cli = Main.commandLine(RunContext.ofProcess(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        assertThat(cli.getSubcommands()).containsOnlyKeys(Main.SUBCOMMANDS.keySet());
        cli.getSubcommands().forEach((name, sub) ->
                assertThat(sub.getCommandSpec().name()).as("the model's own name of %s", name).isEqualTo(name));
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNamesEvenAfterGlobalOptions() {
        String[] args = {"-v", "compile", "--dry-run", "requirements.in"};
        CommandLine cli = Main.commandLine(RunContext.ofProcess(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())), args);
        assertThat(cli.getSubcommands()).containsOnlyKeys("compile");
    }

    @Test
    void aMistypedSubcommandStillGetsSuggestionsFromEveryCommand() {
        Result r = run("complie");
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("complie").contains("compile");
    }

    @Test
    void unknownOptionIsOneLineBadInputWithoutStackTrace() {
        Result r = run("--no-such-option");
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("relock: error: Unknown option: '--no-such-option'");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
