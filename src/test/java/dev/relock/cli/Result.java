package dev.relock.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of relock through {@link Main#run}, as the CLI tests make it: its exit status and what
 * it printed.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record Result(int status, String out, String err) {
    /** Runs {@code args} in {@code dir} with {@code env} as the environment, not on a terminal. */
    static Result run(Path dir, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new RunContext(env, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                false));
        return new Result(status, out.toString(), err.toString());
    }

    /** Both streams. */
    String all() {
        return out + err;
    }
}
