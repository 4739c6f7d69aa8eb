package dev.relock.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.PipOptions;
import dev.relock.reqtxt.RequirementEntry;
import dev.relock.reqtxt.RequirementsFile;
import dev.relock.reqtxt.RequirementsFileException;
import dev.relock.reqtxt.RequirementsFileReader;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.RootRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a compile's inputs: requirements files with their {@code -r}/{@code -c} includes,
 * {@code pyproject.toml} ({@code [project].dependencies} and optional dependencies), and the
 * {@code -c} files given as options. Each root requirement is labelled as pip-compile labels it in
 * {@code # via}: {@code -r requirements.in}, {@code -c constraints.txt},
 * {@code name (pyproject.toml)}, with paths relative to the working directory.
 */
final class Sources {
    /** Loaded on first use: the TOML mapper costs a noticeable part of a warm run's start-up. */
    static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    /**
     * What the inputs ask for.
     *
     * @param requirements the root requirements
     * @param constraints the constraints
     * @param pipOptions the global options the requirements files carry
     * @param binaryOptions the files' {@code --no-binary} / {@code --only-binary} values, file by file in
     *     reading order; within one file its {@code --no-binary} values come before its
     *     {@code --only-binary} values ({@link PipOptions} keeps the two apart)
     * @param direct the direct references among the requirements (read once an index client exists)
     */
    record Inputs(List<RootRequirement> requirements, List<RootRequirement> constraints, PipOptions pipOptions,
            List<BinaryPolicy.Option> binaryOptions, List<DirectReferences.Entry> direct) {}

    private final Path workingDirectory;
    private final FileOverlay overlay;
    private final RequirementsFileReader reader;

    Sources(Path workingDirectory, Map<String, String> env) {
        this(workingDirectory, env, FileOverlay.none());
    }

    /** Sources that read every input file through {@code overlay} before the disk. */
    Sources(Path workingDirectory, Map<String, String> env, FileOverlay overlay) {
        this.workingDirectory = workingDirectory;
        this.overlay = overlay;
        this.reader = new RequirementsFileReader(env, overlay::text);
    }

    static boolean isPyproject(Path file) {
        return file.getFileName().toString().equals("pyproject.toml");
    }

    Inputs read(CompileRequest request) {
        List<RootRequirement> requirements = new ArrayList<>();
        List<RootRequirement> constraints = new ArrayList<>();
        List<PipOptions> options = new ArrayList<>();
        List<DirectReferences.Entry> direct = new ArrayList<>();
        boolean anyPyproject = false;
        for (Path source : request.sources()) {
            if (isPyproject(source)) {
                anyPyproject = true;
                requirements.addAll(pyproject(source, request, direct));
            } else {
                RequirementsFile file = readFile(source);
                for (RequirementEntry e : file.requirements()) {
                    if (isDirect(e)) {
                        direct.add(directEntry(e));
                    } else {
                        requirements.add(root(e, "-r "));
                    }
                }
                file.constraints().forEach(e -> constraints.add(root(e, "-c ")));
                options.add(file.options());
            }
        }
        if (!anyPyproject && (request.settings().allExtras() || !request.settings().extras().isEmpty())) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "--extra and --all-extras select optional dependencies of a pyproject.toml source;"
                            + " no pyproject.toml was given");
        }
        for (Path file : request.settings().constraints()) {
            RequirementsFile c = readFile(file);
            c.requirements().forEach(e -> constraints.add(root(e, "-c ")));
            c.constraints().forEach(e -> constraints.add(root(e, "-c ")));
            options.add(c.options());
        }
        List<BinaryPolicy.Option> binary = new ArrayList<>();
        for (PipOptions o : options) {
            o.noBinary().forEach(v -> binary.add(BinaryPolicy.Option.noBinary(v)));
            o.onlyBinary().forEach(v -> binary.add(BinaryPolicy.Option.onlyBinary(v)));
        }
        return new Inputs(requirements, constraints, merge(options), binary, direct);
    }

    private RequirementsFile readFile(Path file) {
        try {
            return reader.read(file);
        } catch (RequirementsFileException e) {
            String where = e.location()
                    .map(l -> display(l.file()) + ":" + l.line() + ":" + l.column())
                    .orElse(display(e.file()));
            throw new RelockException(RelockException.Kind.BAD_INPUT, where + ": " + e.detail());
        }
    }

    private static boolean isDirect(RequirementEntry entry) {
        return entry.requirement().map(r -> r.url().isPresent()).orElse(true);
    }

    private DirectReferences.Entry directEntry(RequirementEntry entry) {
        return DirectReferences.entry(entry.requirement(), entry.target(),
                entry.form() == RequirementEntry.Form.EDITABLE, entry.marker(),
                "-r " + display(entry.location().file()), where(entry));
    }

    private String where(RequirementEntry entry) {
        return display(entry.location().file()) + ":" + entry.location().line() + ":" + entry.location().column();
    }

    private RootRequirement root(RequirementEntry entry, String prefix) {
        if (entry.requirement().isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, where(entry) + ": '" + entry.text()
                    + "': a constraint must name a package; "
                    + entry.form().name().toLowerCase(java.util.Locale.ROOT)
                    + " constraints (bare URLs, paths) are not supported");
        }
        return new RootRequirement(entry.requirement().get(), prefix + display(entry.location().file()),
                display(entry.location().file()) + ":" + entry.location().line());
    }

    private List<RootRequirement> pyproject(Path file, CompileRequest request, List<DirectReferences.Entry> direct) {
        JsonNode root;
        try {
            Optional<String> pending = overlay.text(file);
            root = pending.isPresent() ? Toml.MAPPER.readTree(pending.get())
                    : Toml.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, display(file) + ": no such file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? display(file) : display(file) + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new RelockException(RelockException.Kind.BAD_INPUT, where + ": invalid TOML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, display(file) + ": cannot read: " + e.getMessage());
        }
        JsonNode project = root.path("project");
        if (!project.isObject()) {
            throw bad(file, "no [project] table; relock reads PEP 621 [project].dependencies");
        }
        for (JsonNode dynamic : project.path("dynamic")) {
            if (dynamic.asText().equals("dependencies") || dynamic.asText().equals("optional-dependencies")) {
                throw bad(file, "[project] declares '" + dynamic.asText() + "' dynamic; relock does not run"
                        + " build backends, so list them statically or use a requirements.in");
            }
        }
        String label = PackageName.tryOf(project.path("name").asText(""))
                .map(n -> n + " (" + display(file) + ")")
                .orElse(display(file));
        List<RootRequirement> out = new ArrayList<>();
        addAll(out, direct, project.path("dependencies"), file, "project.dependencies", label);
        Map<ExtraName, JsonNode> optional = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = project.path("optional-dependencies").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            ExtraName extra = ExtraName.tryOf(f.getKey())
                    .orElseThrow(() -> bad(file, "invalid extra name '" + f.getKey() + "'"));
            optional.put(extra, f.getValue());
        }
        Set<ExtraName> wanted = new LinkedHashSet<>(request.settings().allExtras() ? optional.keySet() : request.settings().extras());
        for (ExtraName extra : wanted) {
            JsonNode deps = optional.get(extra);
            if (deps == null) {
                throw bad(file, "no optional dependencies named '" + extra + "' (known: "
                        + String.join(", ", optional.keySet().stream().map(ExtraName::toString).toList()) + ")");
            }
            addAll(out, direct, deps, file, "project.optional-dependencies." + extra, label);
        }
        return out;
    }

    private void addAll(List<RootRequirement> out, List<DirectReferences.Entry> direct, JsonNode list, Path file,
            String key, String label) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            throw bad(file, key + " must be an array of strings");
        }
        for (int i = 0; i < list.size(); i++) {
            String text = list.get(i).asText();
            Requirement requirement;
            try {
                requirement = Requirement.parse(text);
            } catch (RelockException e) {
                throw bad(file, key + "[" + i + "]: '" + text + "': " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (requirement.url().isPresent()) {
                direct.add(DirectReferences.entry(Optional.of(requirement), text, false, requirement.marker(), label,
                        display(file) + ": " + key + "[" + i + "]"));
            } else {
                out.add(new RootRequirement(requirement, label));
            }
        }
    }

    private RelockException bad(Path file, String message) {
        return new RelockException(RelockException.Kind.BAD_INPUT, display(file) + ": " + message);
    }

    private static PipOptions merge(List<PipOptions> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        Optional<String> indexUrl = Optional.empty();
        List<String> extra = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> noBinary = new ArrayList<>();
        List<String> onlyBinary = new ArrayList<>();
        boolean noIndex = false;
        boolean preferBinary = false;
        boolean pre = false;
        boolean requireHashes = false;
        for (PipOptions o : all) {
            if (o.indexUrl().isPresent()) {
                indexUrl = o.indexUrl();
            }
            extra.addAll(o.extraIndexUrls());
            links.addAll(o.findLinks());
            hosts.addAll(o.trustedHosts());
            noBinary.addAll(o.noBinary());
            onlyBinary.addAll(o.onlyBinary());
            noIndex |= o.noIndex();
            preferBinary |= o.preferBinary();
            pre |= o.pre();
            requireHashes |= o.requireHashes();
        }
        return new PipOptions(indexUrl, dedupe(extra), dedupe(links), noIndex, dedupe(hosts), dedupe(noBinary),
                dedupe(onlyBinary), preferBinary, pre, requireHashes);
    }

    private static List<String> dedupe(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** {@code path} relative to the working directory when below it, with forward slashes. */
    String display(Path path) {
        return Paths.display(workingDirectory, path);
    }
}
