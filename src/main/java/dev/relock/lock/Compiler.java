package dev.relock.lock;

import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileReader;
import dev.relock.reqtxt.LockfileWriter;
import dev.relock.reqtxt.Pin;
import dev.relock.reqtxt.PipOptions;
import dev.relock.reqtxt.Trailer;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.resolve.Resolution;
import dev.relock.resolve.ResolveRequest;
import dev.relock.resolve.Remedy;
import dev.relock.resolve.Resolver;
import dev.relock.resolve.ResolverListener;
import dev.relock.resolve.RootRequirement;
import dev.relock.resolve.Universe;
import dev.relock.resolve.UpgradePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles requirements into a pip-compile compatible lockfile: reads the inputs, keeps the
 * existing lockfile's pins as preferences (unless upgrading), resolves for the target, and writes
 * the pins with hashes, annotations and pip-compile's header and trailer. The output is a pure
 * function of the inputs, the existing lockfile and the index's answers, so an unchanged project
 * compiles to the same bytes. The file is replaced atomically, and only when its content changes.
 */
public final class Compiler {
    private final Function<IndexSources, IndexClient> clients;
    private final ResolverListener listener;
    private final Map<String, String> env;
    private final Clock clock;

    /**
     * @param clients opens an index client for the sources a compile uses (it is closed afterwards)
     * @param listener resolver progress
     * @param env the environment, for {@code ${VAR}} in requirements files, {@code NETRC} and
     *     index credentials
     * @param clock "now" for a cooldown ({@code --exclude-newer 7d})
     */
    public Compiler(Function<IndexSources, IndexClient> clients, ResolverListener listener, Map<String, String> env,
            Clock clock) {
        this.clients = clients;
        this.listener = listener;
        this.env = Map.copyOf(env);
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the compile and (unless a dry run, or nothing changed) writes the lockfile.
     *
     * @throws RelockException bad input, unresolvable requirements (with the explanation) or an
     *     index failure; the output file is then untouched
     */
    public CompileResult compile(CompileRequest request) {
        return compile(request, FileOverlay.none());
    }

    /**
     * Runs the compile reading files through {@code overlay}: the requirements and constraint files
     * with their includes, {@code pyproject.toml} sources, and the existing output whose pins are
     * preferences all take the overlay's text when it has one. The overlay is never written; the
     * output is written as by {@link #compile(CompileRequest)} unless the request is a dry run.
     *
     * @throws RelockException as {@link #compile(CompileRequest)}
     */
    public CompileResult compile(CompileRequest request, FileOverlay overlay) {
        Sources sources = new Sources(request.workingDirectory(), env, overlay);
        Sources.Inputs inputs = sources.read(request);
        PipOptions fileOptions = inputs.pipOptions();
        IndexSettings index = IndexSettings.of(fileOptions).overlaidBy(request.index());

        Optional<String> previous = overlay.text(request.output()).or(() -> readExisting(request.output()));
        Map<PackageName, Version> preferences = request.upgradeAll() ? Map.of() : preferences(request, previous);
        List<RootRequirement> constraints = new ArrayList<>(inputs.constraints());
        for (Requirement upgrade : request.upgradePackages()) {
            if (!upgrade.specifiers().isAny()) {
                constraints.add(new RootRequirement(upgrade, UPGRADE_LABEL));
            }
        }
        UpgradePolicy upgrade = request.upgradeAll() ? UpgradePolicy.ALL
                : request.upgradePackages().isEmpty() ? UpgradePolicy.NONE
                : UpgradePolicy.packages(request.upgradePackages().stream().map(Requirement::name)
                        .collect(Collectors.toSet()));
        ResolveRequest.Builder resolve = ResolveRequest.builder(request.targets())
                .requirements(inputs.requirements())
                .constraints(constraints)
                .preferences(preferences)
                .upgrade(upgrade)
                .remedy(request.remedy())
                .locked(lockedVersions(request, previous));
        request.settings().prerelease().or(() -> fileOptions.pre() ? Optional.of(PrereleaseMode.ALLOW) : Optional.empty())
                .ifPresent(resolve::prereleases);
        request.settings().excludeNewer().map(e -> e.cutoff(clock.instant())).ifPresent(resolve::excludeNewer);
        // As in pip: the command line's options first, then the requirements files' lines.
        BinaryPolicy binary = BinaryPolicy.of(Stream.concat(request.settings().binaryOptions().stream(),
                inputs.binaryOptions().stream()).toList());
        resolve.binary(binary);
        if (request.settings().universal()) {
            PythonRange range = PythonRange.of(request.settings(), request.sources().get(0).getParent(),
                    Optional.of(request.target().python()));
            resolve.universe(Optional.of(new Universe(range.specifiers(), request.settings().environments(),
                    request.settings().requiredEnvironments(), request.upgradeAll() ? List.of()
                            : lockedPins(request, previous))));
        }

        Lockfile lockfile;
        Resolution resolution;
        try (IndexClient client = clients.apply(index.sources(request.workingDirectory(), env))) {
            DirectReferences.Loaded direct = new DirectReferences(client, request.workingDirectory(),
                    request.targets().stream().map(t -> MarkerEnvironment.fromMap(t.markerValues())).toList())
                    .load(inputs.direct());
            resolve.requirements(direct.requirements());
            Prefetch prefetch = Prefetch.start(client, request.target(),
                    inputs.requirements().stream().map(RootRequirement::requirement).toList(), preferences,
                    direct.outputs().keySet(), binary);
            try {
                resolution = new Resolver(client, listener).resolve(resolve.build());
                lockfile = new LockBuilder(request, index, fileOptions, binary, client, direct.outputs()).build(resolution);
            } finally {
                prefetch.stopAndWait(PREFETCH_GRACE);
            }
        }
        String text = LockfileWriter.pipCompile().withStripExtras(request.settings().stripExtras()).write(lockfile);
        boolean changed = previous.map(old -> !old.equals(text)).orElse(true);
        if (changed && !request.dryRun()) {
            AtomicFile.write(request.output(), text);
        }
        return new CompileResult(lockfile, text, resolution, changed);
    }

    /**
     * The recompile seam of {@code relock update} and {@code verify --strict}: prepares
     * {@code invocation} as {@code relock compile} would (the lockfile's recorded settings, the
     * project's, the given ones), resolves and returns the new text. Writes nothing.
     *
     * @param pending new texts of files planned but not written (layered lockfiles read them)
     */
    public Recompilation recompile(CompileSetup.Invocation invocation, FileOverlay pending) {
        return recompile(invocation, pending, Remedy.NONE);
    }

    /**
     * {@link #recompile(CompileSetup.Invocation, FileOverlay)} moving {@code remedy}'s packages to
     * their lowest allowed version: the update bot's security fixes.
     */
    public Recompilation recompile(CompileSetup.Invocation invocation, FileOverlay pending, Remedy remedy) {
        CompileSetup.Prepared prepared = CompileSetup.prepare(invocation, pending);
        CompileResult result = compile(prepared.request().toBuilder().dryRun(true).remedy(remedy).build(), pending);
        return new Recompilation(result, prepared.targetChange());
    }

    private static Optional<String> readExisting(Path output) {
        if (!Files.isRegularFile(output)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "cannot read the existing " + output + ": " + e.getClass().getSimpleName());
        }
    }

    /** The existing lockfile's exact pins, minus the packages being upgraded. */
    private static Map<PackageName, Version> preferences(CompileRequest request, Optional<String> previous) {
        Map<PackageName, Version> prefs = new TreeMap<>();
        existingPins(request, previous, true).forEach(pin -> prefs.put(pin.name(), pin.version()));
        return prefs;
    }

    /**
     * The existing lockfile's exact pins with their markers (no marker: everywhere), minus the
     * packages being upgraded: a universal lock may pin a package once per environment.
     */
    private static List<Universe.Locked> lockedPins(CompileRequest request, Optional<String> previous) {
        return existingPins(request, previous, false);
    }

    /** The exact pins of {@code previous} (and of its unsafe trailer, if asked), minus the packages being upgraded. */
    private static List<Universe.Locked> existingPins(CompileRequest request, Optional<String> previous,
            boolean trailer) {
        if (previous.isEmpty()) {
            return List.of();
        }
        Lockfile existing;
        try {
            existing = LockfileReader.read(previous.get(), request.output());
        } catch (RelockException e) {
            // Not in pip-compile's layout (hand-written): it is replaced without preferences, as pip-compile does.
            return List.of();
        }
        Set<PackageName> freed = request.upgradePackages().stream().map(Requirement::name).collect(Collectors.toSet());
        List<Universe.Locked> out = new ArrayList<>();
        Stream.concat(existing.pins().stream(), trailer ? existing.trailer().stream().flatMap(t -> t.pins().stream())
                : Stream.empty()).filter(pin -> pin.kind() == Pin.Kind.PINNED).forEach(pin -> {
                    Optional<PackageName> name = PackageName.tryOf(pin.name()).filter(n -> !freed.contains(n));
                    Optional<Version> version = Version.tryParse(pin.target());
                    if (name.isPresent() && version.isPresent()) {
                        out.add(new Universe.Locked(name.get(), version.get(), marker(pin)));
                    }
                });
        return out;
    }

    /**
     * Every version the existing lockfile pins, upgraded packages included: an exclude-newer
     * cooldown holds back new releases but never takes away a version already locked, so neither
     * {@code --upgrade} nor the update bot downgrades because of it.
     */
    private static Map<PackageName, Set<Version>> lockedVersions(CompileRequest request, Optional<String> previous) {
        if (request.settings().excludeNewer().isEmpty() || previous.isEmpty()) {
            return Map.of();
        }
        Lockfile existing;
        try {
            existing = LockfileReader.read(previous.get(), request.output());
        } catch (RelockException e) {
            return Map.of();
        }
        Map<PackageName, Set<Version>> out = new TreeMap<>();
        Stream.concat(existing.pins().stream(), existing.trailer().stream().flatMap(t -> t.pins().stream()))
                .filter(pin -> pin.kind() == Pin.Kind.PINNED)
                .forEach(pin -> PackageName.tryOf(pin.name()).ifPresent(name -> Version.tryParse(pin.target())
                        .ifPresent(v -> out.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(v))));
        return out;
    }

    /** The pin's marker; none, or a hand-edited one that does not parse: everywhere. */
    private static MarkerTree marker(Pin pin) {
        try {
            return pin.marker().map(MarkerTree::parse).orElse(MarkerTree.TRUE);
        } catch (RuntimeException unparsable) {
            return MarkerTree.TRUE;
        }
    }

    /** How long a finished compile waits for outstanding prefetches before closing the client. */
    private static final Duration PREFETCH_GRACE = Duration.ofSeconds(5);

    /** The label of {@code -P NAME<SPEC>} constraints; one-off, so never written to {@code # via}. */
    static final String UPGRADE_LABEL = "--upgrade-package";

    /** The names pip-compile calls unsafe in a requirements file. */
    static final Set<PackageName> UNSAFE =
            Set.of(PackageName.of("pip"), PackageName.of("setuptools"), PackageName.of("distribute"));

    static Trailer unsafeTrailer(List<Pin> pins, boolean allowUnsafe, boolean fileHasHashes) {
        return allowUnsafe ? Trailer.unsafePinned(pins)
                : Trailer.unsafeCommented(pins.stream().map(Pin::name).sorted().toList(), fileHasHashes);
    }
}
