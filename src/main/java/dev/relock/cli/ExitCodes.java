package dev.relock.cli;

import dev.relock.common.RelockException;

/**
 * relock's exit statuses. This table is the contract documented in the README; scripts and the
 * GitHub Action rely on it.
 *
 * <pre>
 *  0  success
 *  1  findings: verify found problems (the command ran correctly); update's self-verification
 *     of its own result failed, so nothing was pushed
 *  2  bad input: a malformed file, option or argument
 *  3  unresolvable: the requirements have no solution for the target
 *  4  index or network failure (never counted as a pass)
 *  5  hosting platform (GitHub) failure
 * 70  internal error: a bug in relock; rerun with --verbose and report it
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int UNRESOLVABLE = 3;
    public static final int NETWORK = 4;
    public static final int HOSTING = 5;
    public static final int INTERNAL = 70;

    private ExitCodes() {}

    public static int of(RelockException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> BAD_INPUT;
            case UNRESOLVABLE -> UNRESOLVABLE;
            case NETWORK -> NETWORK;
            case HOSTING -> HOSTING;
        };
    }
}
