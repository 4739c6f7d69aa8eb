package dev.relock.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. Passed to commands as a mixin, never kept in static state. */
public final class GlobalOptions {
    private int verbosity;
    private boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            description = "Say more; repeat for more detail. Shows stack traces of internal errors.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    void setVerbose(boolean[] flags) {
        verbosity = flags.length;
    }

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    public int verbosity() {
        return quiet ? -1 : verbosity;
    }

    public boolean verbose() {
        return verbosity > 0;
    }
}
