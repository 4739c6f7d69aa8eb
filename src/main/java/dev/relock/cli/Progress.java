package dev.relock.cli;

import java.io.PrintWriter;

/**
 * A one-line progress display on stderr. Shown only when stderr is an interactive terminal, not
 * in CI and not with {@code --quiet}; everywhere else every call does nothing, so logs stay clean.
 * Thread-safe: resolvers and downloaders report from pool threads.
 */
public final class Progress implements AutoCloseable {
    private static final long MIN_INTERVAL_NANOS = 80_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private int lastWidth;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** The display suited to this run. */
    public static Progress of(RunContext ctx, GlobalOptions global) {
        return new Progress(ctx.err(), ctx.stderrIsTerminal() && !ctx.inCi() && global.verbosity() >= 0);
    }

    /** A display that never prints. */
    public static Progress off(PrintWriter err) {
        return new Progress(err, false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Replaces the status line, at most about twelve times a second. */
    public synchronized void status(String text) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        String line = text.length() > 100 ? text.substring(0, 99) + "…" : text;
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Clears the status line so that ordinary output follows on a clean line. */
    @Override
    public synchronized void close() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }
}
