package dev.relock.wheelhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A successful run: the manifest it wrote and what it did to each file.
 *
 * @param directory the wheelhouse directory
 * @param manifest the manifest written to {@code directory}
 * @param outcomes one per manifest file, in the manifest's order
 * @param extraFiles names of other files in {@code directory}, left in place (typically files of an
 *     earlier lock; pip never installs them with this lockfile because their hashes are not in it)
 * @param warnings things the user should know that did not fail the run
 */
public record WheelhouseResult(
        Path directory, WheelhouseManifest manifest, List<FileOutcome> outcomes, List<String> extraFiles,
        List<String> warnings) {

    public WheelhouseResult {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
        outcomes = List.copyOf(outcomes);
        extraFiles = List.copyOf(extraFiles);
        warnings = List.copyOf(warnings);
    }

    /** How many files the run handled with {@code action}. */
    public int count(Action action) {
        return (int) outcomes.stream().filter(o -> o.action() == action).count();
    }

    /**
     * The run as JSON for {@code --format json}: the manifest's fields plus, per file, its
     * {@code action} (and {@code replacedSha256}), then {@code extraFiles}, {@code warnings} and
     * {@code summary} counts.
     */
    public String toJson(String directoryLabel) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("directory", directoryLabel);
        root.put("manifest", WheelhouseManifest.FILENAME);
        ObjectNode manifestNode = manifest.toNode();
        manifestNode.remove("files");
        manifestNode.remove("formatVersion");
        root.setAll(manifestNode);
        var files = root.putArray("files");
        for (FileOutcome o : outcomes) {
            ObjectNode node = WheelhouseManifest.entryNode(o.entry());
            node.put("action", o.action().label());
            o.replacedSha256().ifPresent(sha -> node.put("replacedSha256", sha));
            files.add(node);
        }
        root.set("extraFiles", Json.strings(extraFiles));
        root.set("warnings", Json.strings(warnings));
        ObjectNode summary = root.putObject("summary");
        for (Action action : Action.values()) {
            summary.put(action.label(), count(action));
        }
        return Json.write(root);
    }
}
