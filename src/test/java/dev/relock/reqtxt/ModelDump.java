package dev.relock.reqtxt;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A stable, readable text form of a {@link RequirementsFile} for snapshot tests. */
final class ModelDump {
    private ModelDump() {}

    static String dump(RequirementsFile file) {
        StringBuilder out = new StringBuilder();
        out.append("file ").append(file.file()).append('\n');
        out.append("files ").append(file.files().stream().map(Path::toString).collect(Collectors.joining(", ")))
                .append('\n');
        PipOptions o = file.options();
        o.indexUrl().ifPresent(url -> out.append("index-url ").append(url).append('\n'));
        list(out, "extra-index-url", o.extraIndexUrls());
        list(out, "find-links", o.findLinks());
        list(out, "trusted-host", o.trustedHosts());
        list(out, "no-binary", o.noBinary());
        list(out, "only-binary", o.onlyBinary());
        flag(out, "no-index", o.noIndex());
        flag(out, "prefer-binary", o.preferBinary());
        flag(out, "pre", o.pre());
        flag(out, "require-hashes", o.requireHashes());
        file.requirements().forEach(entry -> entry(out, "requirement", entry));
        file.constraints().forEach(entry -> entry(out, "constraint", entry));
        return out.toString();
    }

    private static void entry(StringBuilder out, String what, RequirementEntry entry) {
        out.append(what).append(' ').append(entry.location()).append(' ').append(entry.form())
                .append(" [").append(entry.text()).append("]\n");
        if (!entry.target().equals(entry.text())) {
            out.append("  target [").append(entry.target()).append("]\n");
        }
        entry.requirement().ifPresent(parsed -> out.append("  parsed [").append(parsed).append("]\n"));
        if (!entry.marker().isTrue()) {
            out.append("  marker [").append(entry.marker()).append("]\n");
        }
        entry.hashes().forEach(hash -> out.append("  hash ").append(hash).append('\n'));
        entry.configSettings().forEach(value -> out.append("  config-settings [").append(value).append("]\n"));
        entry.globalOptions().forEach(value -> out.append("  global-option [").append(value).append("]\n"));
    }

    private static void list(StringBuilder out, String name, List<String> values) {
        values.forEach(value -> out.append(name).append(' ').append(value).append('\n'));
    }

    private static void flag(StringBuilder out, String name, boolean on) {
        if (on) {
            out.append(name).append('\n');
        }
    }
}
