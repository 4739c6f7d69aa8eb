package dev.relock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * GitHub Actions' file and workflow commands: step outputs ({@code GITHUB_OUTPUT}), the job
 * summary ({@code GITHUB_STEP_SUMMARY}), secret masking and annotations. Outside Actions the
 * file-backed calls do nothing, so commands may call them unconditionally.
 */
public final class ActionsRuntime {
    /** Annotation levels, as workflow commands name them. */
    public enum Level {
        ERROR("error"),
        WARNING("warning"),
        NOTICE("notice");

        final String command;

        Level(String command) {
            this.command = command;
        }
    }

    private final RunContext ctx;

    public ActionsRuntime(RunContext ctx) {
        this.ctx = ctx;
    }

    public boolean active() {
        return ctx.inGitHubActions();
    }

    /** Sets a step output; values may span lines (written with a random heredoc delimiter). */
    public void setOutput(String name, String value) {
        ctx.var("GITHUB_OUTPUT").ifPresent(file -> {
            String delimiter = "relock_" + UUID.randomUUID();
            append(Path.of(file), name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n");
        });
    }

    /** Appends Markdown to the job summary. */
    public void appendSummary(String markdown) {
        ctx.var("GITHUB_STEP_SUMMARY")
                .ifPresent(file -> append(Path.of(file), markdown.endsWith("\n") ? markdown : markdown + "\n"));
    }

    /** Asks the runner to mask {@code secret} in all later log output. Only in Actions. */
    public void mask(String secret) {
        if (active() && !secret.isBlank()) {
            ctx.out().println("::add-mask::" + escapeData(secret));
            ctx.out().flush();
        }
    }

    /** An annotation workflow command, e.g. {@code ::error file=a.txt,line=3,title=t::message}. */
    public static String annotation(Level level, Optional<String> file, int line, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level.command);
        String sep = " ";
        if (file.isPresent()) {
            sb.append(sep).append("file=").append(escapeProperty(file.get()));
            sep = ",";
            if (line > 0) {
                sb.append(",line=").append(line);
            }
        }
        if (!title.isEmpty()) {
            sb.append(sep).append("title=").append(escapeProperty(title));
        }
        return sb.append("::").append(escapeData(message)).toString();
    }

    /** Escapes a workflow command's message. */
    public static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value. */
    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Prints a line to stdout, where the runner reads workflow commands. */
    public void command(String line) {
        PrintWriter out = ctx.out();
        out.println(line);
        out.flush();
    }
}
