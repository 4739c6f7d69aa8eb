package dev.relock.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code actions/setup-python} steps of a GitHub Actions workflow, with the line of every
 * {@code python-version} value. The YAML is parsed as a stream so that each value keeps the line
 * it is written on; a block scalar's values ({@code python-version: |}) are on the lines after it.
 */
final class WorkflowScan {
    private static final YAMLFactory YAML = new YAMLFactory();

    /**
     * One {@code python-version} value of a setup-python step.
     *
     * @param line 1-based line of the value
     * @param value the value (one line of a multi-line input)
     */
    record SetupPython(int line, String value) {}

    /** A YAML node with the line it starts on. */
    private sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    private record MapNode(Map<String, Node> entries, int line) implements Node {}

    private record ListNode(List<Node> items, int line) implements Node {}

    private record Scalar(String text, int line, boolean block) implements Node {}

    private WorkflowScan() {}

    /**
     * The python-version values of every setup-python step in {@code file}.
     *
     * @throws IOException when the file cannot be read or is not valid YAML
     */
    static List<SetupPython> setupPythonVersions(Path file) throws IOException {
        Node root;
        try (JsonParser p = YAML.createParser(file.toFile())) {
            if (p.nextToken() == null) {
                return List.of();
            }
            root = read(p);
        }
        List<SetupPython> found = new ArrayList<>();
        Optional<Node> jobs = get(root, "jobs");
        if (jobs.isEmpty() || !(jobs.get() instanceof MapNode jobMap)) {
            return found;
        }
        for (Node job : jobMap.entries().values()) {
            if (get(job, "steps").orElse(null) instanceof ListNode steps) {
                for (Node step : steps.items()) {
                    setupPython(step, found);
                }
            }
        }
        return found;
    }

    private static void setupPython(Node step, List<SetupPython> found) {
        if (!(get(step, "uses").orElse(null) instanceof Scalar uses) || !uses.text().startsWith("actions/setup-python@")) {
            return;
        }
        if (!(get(step, "with").orElse(null) instanceof MapNode with)) {
            return;
        }
        Node version = with.entries().get("python-version");
        if (version instanceof Scalar s) {
            String[] values = s.text().split("\n", -1);
            for (int i = 0; i < values.length; i++) {
                String v = values[i].strip();
                if (!v.isEmpty()) {
                    found.add(new SetupPython(s.block() ? s.line() + 1 + i : s.line(), v));
                }
            }
        } else if (version instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof Scalar s) {
                    found.add(new SetupPython(s.line(), s.text().strip()));
                }
            }
        }
    }

    private static Optional<Node> get(Node node, String key) {
        return node instanceof MapNode m ? Optional.ofNullable(m.entries().get(key)) : Optional.empty();
    }

    /** Reads the value at the current token. */
    private static Node read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                entries.put(key, read(p));
            }
            return new MapNode(entries, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p));
            }
            return new ListNode(items, line);
        }
        String text = t == JsonToken.VALUE_NULL ? "" : p.getText();
        boolean block = text.contains("\n") && p.currentTokenLocation().getLineNr() < p.currentLocation().getLineNr();
        return new Scalar(text, line, block);
    }
}
