package dev.relock.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several relock commands in one JVM, for an ahead-of-time cache's training run: a JDK 25
 * {@code -XX:AOTCacheOutput} run records what one process loads, links and profiles, and one
 * process running compile, verify and update covers what each of them needs. The commands are
 * separated by a lone {@code ;} argument, for example
 * {@code java -XX:AOTCacheOutput=relock.aot -cp relock.jar dev.relock.cli.Training compile x.in ; verify x.txt}.
 * Started with {@code -cp relock.jar}, it has the class path {@code -jar relock.jar} has, so the
 * cache it leaves serves the ordinary entry point.
 *
 * <p>Every command must succeed (exit 0): a failed training run would record error paths and hide
 * a broken image build. The status is the first failure's, else 0.
 */
public final class Training {
    static final String SEPARATOR = ";";

    private Training() {}

    public static void main(String[] args) {
        Main.runProcess((out, err) -> run(args, out, err));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        List<String[]> commands = split(args);
        if (commands.isEmpty()) {
            err.println("relock training: error: no command given (separate commands with a lone ';')");
            return ExitCodes.BAD_INPUT;
        }
        for (String[] command : commands) {
            int status = Main.run(command, out, err);
            if (status != ExitCodes.OK) {
                err.println("relock training: error: 'relock " + String.join(" ", command) + "' exited " + status);
                return status;
            }
        }
        return ExitCodes.OK;
    }

    /** The commands between lone separators; empty ones (a leading, trailing or doubled separator) are dropped. */
    static List<String[]> split(String[] args) {
        List<String[]> commands = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(SEPARATOR)) {
                if (i > start) {
                    commands.add(Arrays.copyOfRange(args, start, i));
                }
                start = i + 1;
            }
        }
        return commands;
    }
}
