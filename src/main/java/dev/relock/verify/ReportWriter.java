package dev.relock.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relock.name.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link VerifyReport} for people (text), for programs (JSON, schema version 1) and for
 * a GitHub job summary (Markdown). File paths are shown relative to a base directory when they
 * are inside it.
 */
public final class ReportWriter {
    /** The JSON schema version; bumped only for incompatible changes. */
    public static final int JSON_VERSION = 1;

    /** Jackson's mapper costs a noticeable part of a short run to set up, so only JSON output builds it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path base;

    /** A writer showing paths relative to {@code base}. */
    public ReportWriter(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The path as shown: relative to the base when inside it, with {@code /} separators. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /** {@code file:line: severity[check] message (expected X, found Y)}; no line part for line 0. */
    public String line(Finding f) {
        StringBuilder sb = new StringBuilder(display(f.file()));
        if (f.line() > 0) {
            sb.append(':').append(f.line());
        }
        sb.append(": ").append(f.severity().label()).append('[').append(f.check()).append("] ").append(f.message());
        String detail = detail(f);
        if (!detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    /** {@code expected X, found Y}, leaving out empty parts. */
    public static String detail(Finding f) {
        List<String> parts = new ArrayList<>();
        if (!f.expected().isEmpty()) {
            parts.add("expected " + f.expected());
        }
        if (!f.found().isEmpty()) {
            parts.add("found " + f.found());
        }
        return String.join(", ", parts);
    }

    /** Findings grouped by file, one line each, a blank line between files, then the summary line. */
    public String text(VerifyReport report, boolean strict) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byFile.computeIfAbsent(display(f.file()), k -> new ArrayList<>()).add(f);
        }
        for (List<Finding> group : byFile.values()) {
            group.forEach(f -> sb.append(line(f)).append('\n'));
            sb.append('\n');
        }
        report.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append(summary(report, strict)).append('\n');
        return sb.toString();
    }

    /** One line: verdict, counts, lockfiles. */
    public String summary(VerifyReport report, boolean strict) {
        String verdict = report.failed(strict) ? "FAILED" : "OK";
        return "relock verify: " + verdict + ": " + plural(report.errors(), "error") + ", "
                + plural(report.warnings(), "warning") + (strict ? " (strict)" : "") + " in "
                + plural(report.lockfiles().size(), "lockfile") + " (" + plural(report.pins(), "pin") + ", "
                + plural(report.checks().size(), "check") + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * The JSON document of a run that could not finish (bad input, an unreachable index, a bug):
     * the usual fields, as far as they are known, plus {@code error} with its {@code kind} (for
     * example {@code network}), the {@code exit} status and the {@code message}. It never counts
     * as a pass.
     */
    public String jsonError(String kind, int exit, String message, List<Path> lockfiles, List<String> checks) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", JSON_VERSION);
        ObjectNode error = root.putObject("error");
        error.put("kind", kind);
        error.put("exit", exit);
        error.put("message", message);
        root.putArray("findings");
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", false);
        ArrayNode files = summary.putArray("lockfiles");
        lockfiles.forEach(p -> files.add(display(p)));
        ArrayNode names = summary.putArray("checks");
        checks.forEach(names::add);
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The JSON document (schema version {@value #JSON_VERSION}, documented in the README). */
    public String json(VerifyReport report, boolean strict) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", JSON_VERSION);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("check", f.check());
            o.put("severity", f.severity().label());
            o.put("file", display(f.file()));
            o.put("line", f.line());
            o.put("package", f.pkg().map(PackageName::toString).orElse(""));
            o.put("expected", f.expected());
            o.put("found", f.found());
            o.put("message", f.message());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", !report.failed(strict));
        summary.put("strict", strict);
        summary.put("errors", report.errors());
        summary.put("warnings", report.warnings());
        summary.put("pins", report.pins());
        ArrayNode lockfiles = summary.putArray("lockfiles");
        report.lockfiles().forEach(p -> lockfiles.add(display(p)));
        ArrayNode checks = summary.putArray("checks");
        report.checks().forEach(checks::add);
        ArrayNode notes = summary.putArray("notes");
        report.notes().forEach(notes::add);
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A Markdown section for the GitHub job summary: verdict and a table of findings. */
    public String markdown(VerifyReport report, boolean strict) {
        StringBuilder sb = new StringBuilder("### relock verify: ")
                .append(report.failed(strict) ? "failed" : "passed").append("\n\n")
                .append(summary(report, strict)).append("\n\n");
        if (!report.findings().isEmpty()) {
            sb.append("| Severity | Check | Location | Package | Message |\n");
            sb.append("| --- | --- | --- | --- | --- |\n");
            for (Finding f : report.findings()) {
                String location = display(f.file()) + (f.line() > 0 ? ":" + f.line() : "");
                String detail = detail(f);
                sb.append("| ").append(f.severity().label())
                        .append(" | ").append(cell(f.check()))
                        .append(" | `").append(cell(location)).append('`')
                        .append(" | ").append(cell(f.pkg().map(PackageName::toString).orElse("")))
                        .append(" | ").append(cell(f.message() + (detail.isEmpty() ? "" : " (" + detail + ")")))
                        .append(" |\n");
            }
        }
        report.notes().forEach(n -> sb.append("\n> ").append(cell(n)).append('\n'));
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
