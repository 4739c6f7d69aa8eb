package dev.relock.cli;

/** Options every command accepts, declared on the root and inherited by every subcommand. */
public final class GlobalOptions {
    private int verbosity;
    private boolean quiet;

    /** Adds {@code -v} and {@code -q} to {@code command}; subcommands inherit them. */
    void declare(SpecBuilder command) {
        command.option("-v", "--verbose")
                .description("Say more; repeat for more detail. Shows stack traces of internal errors.")
                .inherited().counted(count -> verbosity = count);
        command.option("-q", "--quiet").description("Print only errors.").inherited().flag(q -> quiet = q);
    }

    public int verbosity() {
        return quiet ? -1 : verbosity;
    }

    public boolean verbose() {
        return verbosity > 0;
    }
}
