package dev.relock.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.relock.common.RelockException;
import dev.relock.workspace.LockfileDiscovery;
import dev.relock.workspace.LockfileTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which lockfiles an update refreshes: the {@code --lockfile IN[:OUT]} options when given;
 * otherwise every lockfile {@link LockfileDiscovery} finds plus the {@code lockfiles} list of
 * {@code [tool.relock]} in {@code pyproject.toml} or the top level of {@code relock.toml}.
 */
public final class LockfileSelection {
    private static final TomlMapper TOML = new TomlMapper();

    private LockfileSelection() {}

    /**
     * Parses {@code IN[:OUT]}: {@code requirements-dev.in:requirements-dev.txt}, {@code requirements.in}
     * (output beside it with {@code .txt}), or a lockfile {@code requirements.txt} (its {@code .in} beside
     * it when there is one, otherwise the command in its header).
     */
    public static LockfileJob parse(String spec, Path workspace) {
        int colon = spec.indexOf(':');
        if (colon > 0) {
            return new LockfileJob(Optional.of(workspace.resolve(spec.substring(0, colon)).normalize()),
                    workspace.resolve(spec.substring(colon + 1)).normalize());
        }
        Path path = workspace.resolve(spec).normalize();
        String name = path.getFileName().toString();
        if (name.endsWith(".txt")) {
            Path in = path.resolveSibling(name.substring(0, name.length() - 4) + ".in");
            return new LockfileJob(Files.isRegularFile(in) ? Optional.of(in) : Optional.empty(), path);
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return new LockfileJob(Optional.of(path), path.resolveSibling(stem + ".txt"));
    }

    /** The default selection: configured entries first, then discovered ones, each lockfile once. */
    public static List<LockfileJob> discover(Path workspace) {
        Map<Path, LockfileJob> jobs = new LinkedHashMap<>();
        for (String spec : configured(workspace)) {
            LockfileJob job = parse(spec, workspace);
            jobs.putIfAbsent(job.lockfile(), job);
        }
        for (LockfileTarget found : LockfileDiscovery.discover(workspace)) {
            Path lockfile = found.lockfile().toAbsolutePath().normalize();
            jobs.putIfAbsent(lockfile, new LockfileJob(found.source().map(p -> p.toAbsolutePath().normalize()),
                    lockfile));
        }
        return List.copyOf(jobs.values());
    }

    /** The {@code lockfiles} entries of {@code relock.toml} or {@code pyproject.toml}'s {@code [tool.relock]}. */
    static List<String> configured(Path workspace) {
        List<String> out = new ArrayList<>();
        Path relockToml = workspace.resolve("relock.toml");
        if (Files.isRegularFile(relockToml)) {
            out.addAll(entries(read(relockToml).path("lockfiles"), relockToml));
        }
        Path pyproject = workspace.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            out.addAll(entries(read(pyproject).path("tool").path("relock").path("lockfiles"), pyproject));
        }
        return out;
    }

    private static List<String> entries(JsonNode node, Path file) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    file + ": 'lockfiles' must be a list of strings like \"requirements.in:requirements.txt\"");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        file + ": 'lockfiles' entries must be non-empty strings, got " + n);
            }
            out.add(n.asText());
        });
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return TOML.readTree(file.toFile());
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, file + ": not valid TOML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
