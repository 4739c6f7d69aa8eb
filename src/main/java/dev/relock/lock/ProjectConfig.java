package dev.relock.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relock.common.RelockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A project's own settings for its locks: {@code [tool.relock]} of {@code pyproject.toml}, or the
 * top level of {@code relock.toml}, spelled with the {@link LockOption} table's keys, e.g.
 *
 * <pre>
 * [tool.relock]
 * python-platform = ["x86_64-manylinux_2_36", "aarch64-apple-darwin"]
 * generate-hashes = true
 * </pre>
 *
 * Keys the table does not know are left to other readers ({@code lockfiles} is update's).
 *
 * @param file the file the settings came from
 * @param given the settings, as occurrences of the table's options
 */
public record ProjectConfig(Optional<Path> file, List<LockOption.Given> given) {
    /** No settings. */
    public static final ProjectConfig NONE = new ProjectConfig(Optional.empty(), List.of());

    public ProjectConfig {
        given = List.copyOf(given);
    }

    /** The settings in {@code dir}'s relock.toml, else its pyproject.toml's [tool.relock], else none. */
    public static ProjectConfig find(Path dir) {
        return table(dir).map(t -> read(t.file(), t.table())).orElse(NONE);
    }

    /**
     * A project's settings table as read, for keys outside the {@link LockOption} table (such as
     * verify's {@code ignore-vulns}).
     *
     * @param file relock.toml or pyproject.toml
     * @param table the top of relock.toml, or pyproject's {@code [tool.relock]} (a missing node when absent)
     */
    public record Table(Path file, JsonNode table) {}

    /** {@code dir}'s relock.toml, else its pyproject.toml's [tool.relock]; empty when neither file exists. */
    public static Optional<Table> table(Path dir) {
        Path relockToml = dir.resolve("relock.toml");
        if (Files.isRegularFile(relockToml)) {
            return Optional.of(new Table(relockToml, tree(relockToml)));
        }
        Path pyproject = dir.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            return Optional.of(new Table(pyproject, tree(pyproject).path("tool").path("relock")));
        }
        return Optional.empty();
    }

    private static JsonNode tree(Path file) {
        try {
            return Sources.Toml.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, file + ": not valid TOML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    static ProjectConfig read(Path file, JsonNode table) {
        if (!table.isObject()) {
            return new ProjectConfig(Optional.of(file), List.of());
        }
        List<LockOption.Given> given = new ArrayList<>();
        for (LockOption option : LockOption.values()) {
            List<String> keys = option.tomlKeys();
            for (int k = 0; k < keys.size(); k++) {
                JsonNode value = table.get(keys.get(k));
                if (value == null) {
                    continue;
                }
                String flag = option == LockOption.BINARY ? option.names().get(k)
                        : option.names().stream().filter(n -> n.substring(2).equals(keys.get(0))).findFirst()
                                .orElse(option.names().get(option.names().size() - 1));
                if (option.kind() == LockOption.Kind.FLAG) {
                    if (!value.isBoolean()) {
                        throw bad(file, keys.get(k), "true or false");
                    }
                    String negation = option.names().get(option.names().size() - 1);
                    given.add(new LockOption.Given(option, value.booleanValue() ? option.names().get(0) : negation, ""));
                } else if (value.isTextual()) {
                    given.add(new LockOption.Given(option, flag, value.textValue()));
                } else if (value.isArray() && option.kind() == LockOption.Kind.LIST) {
                    for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                        JsonNode item = it.next();
                        if (!item.isTextual()) {
                            throw bad(file, keys.get(k), "a string or an array of strings");
                        }
                        given.add(new LockOption.Given(option, flag, item.textValue()));
                    }
                } else {
                    throw bad(file, keys.get(k), option.kind() == LockOption.Kind.LIST
                            ? "a string or an array of strings" : "a string");
                }
            }
        }
        return new ProjectConfig(Optional.of(file), given);
    }

    private static RelockException bad(Path file, String key, String expected) {
        return new RelockException(RelockException.Kind.BAD_INPUT, file + ": [tool.relock] " + key + " must be "
                + expected);
    }
}
