package dev.relock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: lists the subcommands and shows help when called alone. Its subcommands are
 * registered by {@link Main#commandLine(RunContext, String[])}.
 */
@Command(
        name = "relock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps Python lockfiles honest: compile, verify and update pinned, hashed requirements.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success              1  verify found problems",
            "  2  bad input            3  requirements cannot be resolved",
            "  4  index/network error  5  GitHub API error",
            " 70  internal error (rerun with --verbose and report it)"
        })
public final class RelockCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GlobalOptions global;

    private final RunContext context;

    RelockCommand(RunContext context) {
        this.context = context;
    }

    /** The process context; subcommands reach it through {@code @ParentCommand}. */
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
