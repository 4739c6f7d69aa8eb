package dev.relock.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relock.common.RelockException;
import dev.relock.filename.DistFilename;
import dev.relock.filename.InvalidFilenameException;
import dev.relock.filename.SdistFilename;
import dev.relock.filename.WheelFilename;
import dev.relock.index.CoreMetadataRef;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexSource;
import dev.relock.index.MetadataUnavailableException;
import dev.relock.index.Yanked;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.Pin;
import dev.relock.resolve.DirectArtifact;
import dev.relock.resolve.RootRequirement;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The direct references of a compile's inputs ({@code name @ url}, bare URLs and paths,
 * {@code -e dir}) and how their artifacts are read: a wheel's METADATA, a static sdist PKG-INFO
 * (Metadata-Version 2.2+, dependencies not Dynamic), or a directory's static PEP 621
 * {@code [project]} table. relock does not build, so anything else is a one-line BAD_INPUT error.
 * Remote archives are downloaded once (to a temporary file) to read their metadata and hash them.
 *
 * <p>The lock writes each reference as uv does: {@code -e path} for editables, the path verbatim
 * (unnamed) when the user wrote a path without a scheme, else {@code name @ url} verbatim.
 */
final class DirectReferences {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern TRAILING_EXTRAS = Pattern.compile("^(.*?)\\[([^\\[\\]]*)\\]$");
    private static final Pattern SHA256_FRAGMENT = Pattern.compile("(?:^|&)sha256=([0-9A-Fa-f]{64})(?:&|$)");

    /** How a reference is written to the lockfile. */
    enum Written {
        /** {@code -e path} */
        EDITABLE,
        /** the path as given, without a name */
        UNNAMED,
        /** {@code name[extras] @ url} */
        NAMED
    }

    /**
     * One direct reference of the inputs, not read yet.
     *
     * @param name the name the user gave ({@code name @ ...}); empty for bare URLs and paths
     * @param extras the requested extras
     * @param reference the URL or path as written, without extras and marker (identifies the artifact)
     * @param text what the lock writes after {@code -e } or in place of the requirement (extras kept)
     * @param written how the lock writes it
     * @param marker when it applies
     * @param source the {@code # via} label
     * @param where {@code file:line:col} for errors
     */
    record Entry(Optional<PackageName> name, List<ExtraName> extras, String reference, String text, Written written,
            MarkerTree marker, String source, String where) {
        Entry {
            extras = List.copyOf(extras);
        }
    }

    /**
     * What the lock writes for a package pinned to a direct reference.
     *
     * @param written the line's form
     * @param text the path or URL as written (extras included for unnamed forms)
     * @param sha256 the archive's digest; empty for directories
     */
    record Output(Written written, String text, Optional<String> sha256) {
        /** The lock's pin, before hashes, marker and annotations. */
        Pin pin(PackageName name, List<String> extras) {
            return switch (written) {
                case EDITABLE -> new Pin(Pin.Kind.EDITABLE, name.toString(), List.of(), text, Optional.empty(),
                        List.of(), List.of());
                case UNNAMED -> new Pin(Pin.Kind.URL, name.toString(), List.of(), text, Optional.empty(), List.of(),
                        List.of());
                case NAMED -> Pin.direct(name.toString(), text).withExtras(extras);
            };
        }
    }

    /** The requirements for the resolver and what the lock writes for each package. */
    record Loaded(List<RootRequirement> requirements, Map<PackageName, Output> outputs) {}

    private final IndexClient client;
    private final Path workingDirectory;
    private final List<MarkerEnvironment> environments;

    DirectReferences(IndexClient client, Path workingDirectory, List<MarkerEnvironment> environments) {
        this.client = client;
        this.workingDirectory = workingDirectory;
        this.environments = List.copyOf(environments);
    }

    /**
     * The entry for {@code -e target}, a bare URL or path ({@code named} empty) or {@code name @ url}.
     *
     * @throws RelockException BAD_INPUT for VCS URLs and other forms relock cannot read
     */
    static Entry entry(Optional<Requirement> named, String target, boolean editable, MarkerTree marker, String source,
            String where) {
        if (named.isPresent()) {
            Requirement r = named.get();
            String url = r.url().orElseThrow();
            boolean path = !hasScheme(url);
            String extras = r.extras().isEmpty() ? ""
                    : "[" + String.join(",", r.extras().stream().map(ExtraName::toString).toList()) + "]";
            return checked(new Entry(Optional.of(r.name()), r.extras(), url, path ? url + extras : url,
                    path ? Written.UNNAMED : Written.NAMED, r.marker(), source, where));
        }
        String reference = target;
        List<ExtraName> extras = List.of();
        Matcher m = TRAILING_EXTRAS.matcher(target);
        if (m.matches() && !hasScheme(target)) {
            reference = m.group(1);
            extras = new ArrayList<>();
            for (String e : m.group(2).split(",")) {
                if (!e.isBlank()) {
                    String extra = e.strip();
                    extras.add(ExtraName.tryOf(extra).orElseThrow(() -> new RelockException(
                            RelockException.Kind.BAD_INPUT, where + ": '" + target + "': invalid extra name '"
                                    + extra + "'")));
                }
            }
        }
        Written written = editable ? Written.EDITABLE : hasScheme(reference) ? Written.NAMED : Written.UNNAMED;
        return checked(new Entry(Optional.empty(), extras, reference, target, written, marker, source, where));
    }

    private static Entry checked(Entry entry) {
        Matcher scheme = SCHEME.matcher(entry.reference());
        if (scheme.find() && !isWindowsDrive(entry.reference())) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!s.equals("file") && !s.equals("http") && !s.equals("https")) {
                throw bad(entry, s.contains("+") || s.equals("git")
                        ? "version control references need a checkout and a build, which relock does not do"
                        : "relock reads direct references from https://, http:// and file: URLs and local paths");
            }
            if (entry.written() == Written.EDITABLE && !s.equals("file")) {
                throw bad(entry, "an editable requirement must be a local directory");
            }
        }
        return entry;
    }

    /**
     * Reads the artifacts of the entries whose marker holds for one of the targets.
     *
     * @throws RelockException BAD_INPUT for missing files, archives that need a build, name
     *     mismatches; NETWORK for downloads
     */
    Loaded load(List<Entry> entries) {
        List<RootRequirement> requirements = new ArrayList<>();
        Map<PackageName, Output> outputs = new HashMap<>();
        Map<PackageName, Entry> first = new HashMap<>();
        Map<String, Read> read = new HashMap<>();
        for (Entry entry : entries) {
            // One version set for every target: an entry whose marker holds on any of them is locked.
            if (environments.stream().noneMatch(env -> entry.marker().evaluate(env))) {
                continue;
            }
            Read artifact = read.get(entry.reference());
            if (artifact == null) {
                artifact = read(entry);
                read.put(entry.reference(), artifact);
            }
            PackageName name = artifact.artifact().name();
            if (entry.name().isPresent() && !entry.name().get().equals(name)) {
                throw bad(entry, "the artifact is " + name + " " + artifact.artifact().version() + ", not "
                        + entry.name().get());
            }
            Requirement requirement = new Requirement(name, entry.extras(), VersionSpecifiers.ANY,
                    Optional.of(entry.reference()), entry.marker());
            requirements.add(RootRequirement.direct(requirement, entry.source(), artifact.artifact()));
            Output output = new Output(entry.written(), entry.text(), artifact.sha256());
            Entry earlier = first.putIfAbsent(name, entry);
            if (earlier != null && earlier.reference().equals(entry.reference()) && earlier.written() != entry.written()) {
                throw bad(entry, name + " is also given as '" + earlier.text() + "' (" + earlier.where()
                        + "); write it one way");
            }
            outputs.putIfAbsent(name, output);
        }
        return new Loaded(requirements, outputs);
    }

    private record Read(DirectArtifact artifact, Optional<String> sha256) {}

    private Read read(Entry entry) {
        String reference = entry.reference();
        Matcher scheme = SCHEME.matcher(reference);
        String s = scheme.find() && !isWindowsDrive(reference) ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
        if (s.equals("http") || s.equals("https")) {
            return remote(entry);
        }
        Path path = s.equals("file") ? fileUrlPath(entry) : workingDirectory.resolve(reference).normalize();
        if (Files.isDirectory(path)) {
            return new Read(new DirectArtifact(reference, project(entry, path), Optional.empty()), Optional.empty());
        }
        if (entry.written() == Written.EDITABLE) {
            throw bad(entry, "an editable requirement must be a local directory");
        }
        if (!Files.isRegularFile(path)) {
            throw bad(entry, "no such file or directory");
        }
        return archive(entry, path, path.getFileName().toString(), Map.of());
    }

    private Path fileUrlPath(Entry entry) {
        String rest = entry.reference().substring("file:".length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        if (rest.startsWith("//")) {
            try {
                return Path.of(URI.create("file:" + rest)).normalize();
            } catch (IllegalArgumentException e) {
                throw bad(entry, "not a local file URL: " + e.getMessage());
            }
        }
        return workingDirectory.resolve(URLDecoder.decode(rest, StandardCharsets.UTF_8)).normalize();
    }

    private Read remote(Entry entry) {
        URI uri;
        try {
            uri = new URI(entry.reference());
        } catch (java.net.URISyntaxException e) {
            throw bad(entry, "invalid URL: " + e.getReason());
        }
        Map<String, String> hashes = new HashMap<>();
        if (uri.getRawFragment() != null) {
            Matcher sha = SHA256_FRAGMENT.matcher(uri.getRawFragment());
            if (sha.find()) {
                hashes.put("sha256", sha.group(1).toLowerCase(Locale.ROOT));
            }
        }
        URI location;
        try {
            location = new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
        } catch (java.net.URISyntaxException e) {
            throw bad(entry, "invalid URL: " + e.getReason());
        }
        String rawPath = Optional.ofNullable(uri.getPath()).orElse("");
        String filename = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        DistFilename parsed = parseFilename(entry, filename);
        DistFile file = new DistFile(filename, parsed, URI.create(location.toString()), hashes, Optional.empty(),
                Yanked.no(), CoreMetadataRef.absent(), OptionalLong.empty(), Optional.<Instant>empty(),
                new IndexSource(IndexSource.Kind.FIND_LINKS_PAGE, URI.create(location.toString())));
        Path dir;
        try {
            dir = Files.createTempDirectory("relock-direct");
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK, "cannot create a temporary directory: "
                    + e.getMessage());
        }
        Path dest = dir.resolve(filename);
        try {
            client.download(file, dest);
            return archive(entry, dest, filename, hashes);
        } finally {
            try {
                Files.deleteIfExists(dest);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // best effort: the directory lives under the system temp dir
            }
        }
    }

    private Read archive(Entry entry, Path path, String filename, Map<String, String> hashes) {
        DistFilename parsed = parseFilename(entry, filename);
        DistFile file = new DistFile(filename, parsed, path.toUri(), hashes, Optional.empty(), Yanked.no(),
                CoreMetadataRef.absent(), OptionalLong.empty(), Optional.<Instant>empty(),
                new IndexSource(IndexSource.Kind.FIND_LINKS_DIRECTORY, path.getParent().toUri()));
        CoreMetadata metadata;
        try {
            metadata = client.metadata(file);
        } catch (MetadataUnavailableException e) {
            throw bad(entry, e.getMessage().lines().findFirst().orElse(""));
        }
        if (!metadata.name().equals(parsed.name())) {
            throw bad(entry, "the archive's metadata names " + metadata.name() + ", its file name " + parsed.name());
        }
        return new Read(new DirectArtifact(entry.reference(), metadata, Optional.of(parsed)),
                Optional.of(LockBuilder.sha256(path)));
    }

    private static DistFilename parseFilename(Entry entry, String filename) {
        try {
            if (filename.toLowerCase(Locale.ROOT).endsWith(".whl")) {
                return entry.name().map(n -> WheelFilename.parse(filename, n)).orElseGet(() -> WheelFilename.parse(filename));
            }
            return entry.name().map(n -> SdistFilename.parse(filename, n)).orElseGet(() -> SdistFilename.parse(filename));
        } catch (InvalidFilenameException e) {
            throw bad(entry, "'" + filename + "' is not a wheel or sdist file name (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
    }

    /** A directory's metadata from its static {@code pyproject.toml} {@code [project]} table. */
    private CoreMetadata project(Entry entry, Path dir) {
        Path file = dir.resolve("pyproject.toml");
        if (!Files.isRegularFile(file)) {
            throw needsBuild(entry, "it has no pyproject.toml");
        }
        JsonNode root;
        try {
            root = Sources.Toml.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw bad(entry, "cannot read its pyproject.toml: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""));
        }
        JsonNode project = root.path("project");
        if (!project.isObject()) {
            throw needsBuild(entry, "its pyproject.toml has no [project] table");
        }
        Set<String> dynamic = new LinkedHashSet<>();
        project.path("dynamic").forEach(d -> dynamic.add(d.asText()));
        for (String field : List.of("name", "version", "dependencies", "requires-python")) {
            if (dynamic.contains(field)) {
                throw needsBuild(entry, "its [project] declares '" + field + "' dynamic");
            }
        }
        if (dynamic.contains("optional-dependencies") && !entry.extras().isEmpty()) {
            throw needsBuild(entry, "its [project] declares 'optional-dependencies' dynamic");
        }
        PackageName name = PackageName.tryOf(project.path("name").asText(""))
                .orElseThrow(() -> needsBuild(entry, "its [project] has no valid static 'name'"));
        Version version = Version.tryParse(project.path("version").asText(""))
                .orElseThrow(() -> needsBuild(entry, "its [project] has no valid static 'version'"));
        Optional<VersionSpecifiers> requiresPython = Optional.empty();
        if (project.has("requires-python")) {
            try {
                requiresPython = Optional.of(VersionSpecifiers.parse(project.path("requires-python").asText()));
            } catch (RelockException e) {
                throw bad(entry, "pyproject.toml: invalid requires-python: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
        }
        List<Requirement> requiresDist = new ArrayList<>(requirements(entry, project.path("dependencies"),
                "dependencies", MarkerTree.TRUE));
        List<ExtraName> provides = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> optional = project.path("optional-dependencies").fields();
        while (optional.hasNext()) {
            Map.Entry<String, JsonNode> group = optional.next();
            ExtraName extra = ExtraName.tryOf(group.getKey()).orElseThrow(() -> bad(entry,
                    "pyproject.toml: invalid extra name '" + group.getKey() + "'"));
            provides.add(extra);
            MarkerTree forExtra = MarkerTree.parse("extra == \"" + extra + "\"");
            requiresDist.addAll(requirements(entry, group.getValue(), "optional-dependencies." + extra, forExtra));
        }
        return new CoreMetadata("2.2", name, version, requiresDist, requiresPython, provides, Set.of(), Map.of(),
                Optional.empty(), List.of(), List.of());
    }

    private static List<Requirement> requirements(Entry entry, JsonNode list, String key, MarkerTree extra) {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw bad(entry, "pyproject.toml: project." + key + " must be an array of strings");
        }
        List<Requirement> out = new ArrayList<>();
        for (JsonNode item : list) {
            Requirement r;
            try {
                r = Requirement.parse(item.asText());
            } catch (RelockException e) {
                throw bad(entry, "pyproject.toml: project." + key + ": '" + item.asText() + "': "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            out.add(extra.isTrue() ? r
                    : new Requirement(r.name(), r.extras(), r.specifiers(), r.url(), r.marker().and(extra)));
        }
        return out;
    }

    private static boolean hasScheme(String text) {
        return SCHEME.matcher(text).find() && !isWindowsDrive(text);
    }

    private static boolean isWindowsDrive(String text) {
        return text.length() >= 2 && Character.isLetter(text.charAt(0)) && text.charAt(1) == ':'
                && (text.length() == 2 || text.charAt(2) == '\\' || text.charAt(2) == '/');
    }

    private static RelockException needsBuild(Entry entry, String why) {
        return bad(entry, why + ", so the project needs a build to learn its metadata, which relock does not do");
    }

    private static RelockException bad(Entry entry, String message) {
        String shown = entry.written() == Written.EDITABLE ? "-e " + entry.text() : entry.text();
        return new RelockException(RelockException.Kind.BAD_INPUT, entry.where() + ": '" + shown + "': " + message);
    }
}
