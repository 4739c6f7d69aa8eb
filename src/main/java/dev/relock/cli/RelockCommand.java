package dev.relock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command: lists the subcommands and shows help when called alone. Its subcommands are
 * registered by {@link Main#commandLine(RunContext, String[])}.
 */
public final class RelockCommand implements Callable<Integer> {
    private final CommandSpec spec;
    private final GlobalOptions global = new GlobalOptions();
    private final RunContext context;

    RelockCommand(RunContext context) {
        this.context = context;
        SpecBuilder b = SpecBuilder.command("relock", this)
                .description("Keeps Python lockfiles honest: compile, verify and update pinned, hashed requirements.")
                .footer("%nExit status:%n",
                        "  0  success              1  verify found problems",
                        "  2  bad input            3  requirements cannot be resolved",
                        "  4  index/network error  5  GitHub API error",
                        " 70  internal error (rerun with --verbose and report it)")
                .standardHelp();
        global.declare(b);
        spec = b.build();
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
    }

    /** The command's picocli model. */
    CommandSpec spec() {
        return spec;
    }

    /** The process context; subcommands reach it through their root. */
    public RunContext context() {
        return context;
    }

    /** The global options (verbosity). */
    public GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    CommandLine commandLine() {
        return spec.commandLine();
    }
}
