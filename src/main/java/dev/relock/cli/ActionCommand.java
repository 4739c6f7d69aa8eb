package dev.relock.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The GitHub Action's entry point: reads the action's inputs from {@code INPUT_*}, masks the
 * token, and runs the command they describe with the same wiring as the ordinary CLI.
 */
public final class ActionCommand implements Callable<Integer> {
    private final RelockCommand root;
    private final CommandSpec spec;

    ActionCommand(RelockCommand root) {
        this.root = root;
        spec = SpecBuilder.command("action", this)
                .description("Run as the GitHub Action: read INPUT_* variables and run the command they name.")
                .hidden()
                .build();
    }

    /** The command's picocli model. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        RunContext ctx = root.context();
        ActionsRuntime actions = new ActionsRuntime(ctx);
        ctx.var(ActionInputs.TOKEN_VARIABLE).ifPresent(actions::mask);
        List<String> args = ActionInputs.arguments(ctx);
        if (root.global().verbose()) {
            ctx.err().println("relock: running: relock " + String.join(" ", args));
        }
        String[] argv = args.toArray(String[]::new);
        WarmUp.startFor(argv);
        return Main.commandLine(ctx, argv).execute(argv);
    }
}
