package dev.relock.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [build-system]} table of a source tree (PEP 517/518), with the defaults pip applies:
 * without a pyproject.toml, or without {@code build-backend}, the tree is built by setuptools'
 * legacy backend (which runs setup.py), and without {@code requires} the requirements are
 * {@code setuptools>=40.8.0} (plus {@code wheel} when there is no pyproject.toml at all, for
 * setuptools releases whose backend still asks for it).
 *
 * @param requires the build requirements (PEP 508 strings)
 * @param backend the backend object, {@code module} or {@code module:object}
 * @param backendPath {@code backend-path}: in-tree directories put first on the backend's sys.path
 */
record BuildSystem(List<String> requires, String backend, List<String> backendPath) {
    static final String LEGACY_BACKEND = "setuptools.build_meta:__legacy__";
    private static final TomlMapper MAPPER = new TomlMapper();

    BuildSystem {
        requires = List.copyOf(requires);
        backendPath = List.copyOf(backendPath);
    }

    /**
     * Reads {@code pyproject.toml} of {@code sourceTree}.
     *
     * @throws IOException when it cannot be read or the table is malformed (the message says which key)
     */
    static BuildSystem of(Path sourceTree) throws IOException {
        Path pyproject = sourceTree.resolve("pyproject.toml");
        if (!Files.isRegularFile(pyproject)) {
            return new BuildSystem(List.of("setuptools>=40.8.0", "wheel"), LEGACY_BACKEND, List.of());
        }
        JsonNode table;
        try {
            table = MAPPER.readTree(pyproject.toFile()).path("build-system");
        } catch (IOException e) {
            throw new IOException("its pyproject.toml is not valid TOML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        List<String> requires = table.has("requires") ? strings(table.get("requires"), "requires")
                : List.of("setuptools>=40.8.0");
        String backend = LEGACY_BACKEND;
        if (table.has("build-backend")) {
            if (!table.get("build-backend").isTextual()) {
                throw new IOException("[build-system] build-backend in its pyproject.toml is not a string");
            }
            backend = table.get("build-backend").asText();
        }
        List<String> backendPath = table.has("backend-path") ? strings(table.get("backend-path"), "backend-path")
                : List.of();
        return new BuildSystem(requires, backend, backendPath);
    }

    private static List<String> strings(JsonNode node, String key) throws IOException {
        if (!node.isArray()) {
            throw new IOException("[build-system] " + key + " in its pyproject.toml is not a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IOException("[build-system] " + key + " in its pyproject.toml is not a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}
