package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.index.DistFile;
import dev.relock.index.IndexClient;
import dev.relock.index.MetadataUnavailableException;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
import dev.relock.ranges.Ranges;
import dev.relock.solver.Dependencies;
import dev.relock.solver.DependencyProvider;
import dev.relock.solver.PackageStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The solver's view of a Python package index for one {@link ResolveRequest}: versions come from
 * project pages, dependencies from core metadata, both fetched in the background as soon as a
 * package is required. The solver calls it from one thread; the page and metadata futures are
 * completed on the index client's workers and only hold immutable values.
 */
final class PythonProvider implements DependencyProvider<Node, Version, Priority> {
    static final Version ROOT_VERSION = Version.of(0);
    private static final int REASONS_SHOWN = 3;

    /** Core metadata of a version, or why it cannot be had without a build. */
    private record MetadataResult(Optional<CoreMetadata> metadata, String problem) {}

    private record VersionKey(PackageName name, Version version) {}

    /**
     * One fork of a universal resolution.
     *
     * @param marker the environments of the fork
     * @param required the targets of the required environments the fork overlaps: they need wheels
     * @param locked the existing lockfile's versions whose markers overlap the fork, preferred first
     */
    record Fork(MarkerTree marker, List<dev.relock.tags.Target> required, Map<PackageName, Version> locked) {}

    /**
     * Thrown from the solver's dependency callback when a package's requirements on one dependency
     * split on disjoint markers with different specifiers: the fork must be split on those markers
     * and each part solved on its own.
     */
    static final class ForkNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<MarkerTree> markers;
        final String why;

        ForkNeeded(List<MarkerTree> markers, String why) {
            super(why, null, false, false);
            this.markers = List.copyOf(markers);
            this.why = why;
        }
    }

    /** A dependency as written, with the marker under which it applies (extras fixed). */
    private record Edge(Node dep, MarkerTree marker) {}

    private final IndexClient client;
    private final ResolveRequest request;
    private final ResolverListener listener;
    private final Targets targets;
    private final Optional<Fork> fork;
    /** Per node and version, the dependencies with their markers (universal resolutions only). */
    private final Map<Node, Map<Version, List<Edge>>> edges = new HashMap<>();
    private final List<Edge> rootEdges = new ArrayList<>();
    private final Version python;
    private final DirectPins direct;
    private final Map<PackageName, Ranges<Version>> constraintRanges = new HashMap<>();
    private final Map<PackageName, List<String>> constraintSources = new HashMap<>();
    private final Map<PackageName, List<String>> requirementSources = new HashMap<>();
    /** The root requirements and constraints on each package, where they were written (for explanations). */
    private final Map<PackageName, List<PythonReport.Origin>> rootOrigins = new HashMap<>();
    private final Map<PackageName, List<MarkerTree>> directMarkers = new HashMap<>();
    private final Set<PackageName> explicitPrereleases = new HashSet<>();
    /** The specifiers of first-party requirements and constraints on each package, for their exact pins. */
    private final Map<PackageName, List<VersionSpecifiers>> firstPartySpecifiers = new HashMap<>();
    /** Opt-in hints for the unavailable-version reasons given so far, by reason (solver thread only). */
    private final Map<String, String> hints = new HashMap<>();
    private final Map<Node, Ranges<Version>> rootDependencies = new LinkedHashMap<>();
    private final Map<PackageName, CompletableFuture<ProjectVersions>> projects = new ConcurrentHashMap<>();
    private final Map<VersionKey, CompletableFuture<MetadataResult>> metadata = new ConcurrentHashMap<>();
    /** Dependencies given to the solver, per node and version (solver thread only). */
    private final Map<Node, Map<Version, Map<Node, Ranges<Version>>>> dependenciesRead = new HashMap<>();
    private final AtomicInteger requestsStarted = new AtomicInteger();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private int versionsRead;

    PythonProvider(IndexClient client, ResolveRequest request, ResolverListener listener) {
        this(client, request, listener, Optional.empty());
    }

    /** A provider for one fork of a universal resolution, or (empty) for the request's targets. */
    PythonProvider(IndexClient client, ResolveRequest request, ResolverListener listener, Optional<Fork> fork) {
        this.client = client;
        this.request = request;
        this.listener = listener;
        this.fork = fork;
        this.targets = new Targets(request.targets(), fork.map(Fork::marker));
        this.python = Version.parse(fork.flatMap(f -> Universe.lowestPython(f.marker())).orElse(request.target().python())
                .fullVersion());
        this.direct = DirectPins.of(request.requirements(), targets);
        for (RootRequirement c : request.constraints()) {
            Requirement r = c.requirement();
            refuseUrl(r, c.source());
            if (targets.anyHolds(r.marker())) {
                constraintRanges.merge(r.name(), r.specifiers().toRanges(), Ranges::intersection);
                constraintSources.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(c.source());
                rootOrigins.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(PythonReport.Origin.of(c, true));
                firstParty(r);
            }
        }
        List<Requirement> included = new ArrayList<>();
        for (RootRequirement root : request.requirements()) {
            Requirement r = root.requirement();
            if (root.artifact().isEmpty()) {
                refuseUrl(r, root.source());
            }
            if (!targets.anyHolds(r.marker())) {
                continue;
            }
            included.add(r);
            addRequirement(rootDependencies, r);
            addEdges(rootEdges, r, r.marker().forNoExtra());
            requirementSources.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(root.source());
            rootOrigins.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(PythonReport.Origin.of(root, false));
            directMarkers.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.marker());
            firstParty(r);
        }
        this.rootRequirements = List.copyOf(included);
    }

    private final List<Requirement> rootRequirements;

    /**
     * Notes what a first-party requirement or constraint (an input file, a {@code -c} file,
     * pyproject) opts in to: pre-releases when a specifier names one, a yanked version when a
     * specifier pins it exactly.
     */
    private void firstParty(Requirement r) {
        if (r.specifiers().namesPrerelease()) {
            explicitPrereleases.add(r.name());
        }
        firstPartySpecifiers.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.specifiers());
    }

    /** Whether a first-party {@code ==}/{@code ===} pins {@code version} of {@code name} (PEP 592). */
    private boolean pinnedFirstParty(PackageName name, Version version) {
        return firstPartySpecifiers.getOrDefault(name, List.of()).stream().anyMatch(s -> s.pinsExactly(version));
    }

    /** The root requirements and constraints on each package that apply to the targets. */
    Map<PackageName, List<PythonReport.Origin>> rootOrigins() {
        return Map.copyOf(rootOrigins);
    }

    /**
     * The one version of {@code node}'s project the index lists in {@code set}, if it lists exactly
     * one: an explanation then names it ({@code a==1.0 depends on ...}) instead of a range.
     */
    Optional<Version> onlyVersion(Node node, Ranges<Version> set) {
        Optional<PackageName> name = Node.projectOf(node);
        if (name.isEmpty() || direct.contains(name.get())) {
            return Optional.empty();
        }
        CompletableFuture<ProjectVersions> page = projects.get(name.get());
        if (page == null || !page.isDone() || page.isCompletedExceptionally()) {
            return Optional.empty();
        }
        List<ProjectVersions.Entry> in = page.join().inRange(set, 2);
        return in.size() == 1 ? Optional.of(in.get(0).version()) : Optional.empty();
    }

    private static void refuseUrl(Requirement r, String source) {
        if (r.url().isPresent()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, source + ": " + r
                    + ": direct URL requirements are not supported; relock resolves from package indexes");
        }
    }

    // ---- DependencyProvider ---------------------------------------------------------------------

    @Override
    public Priority prioritize(Node node, Ranges<Version> range, PackageStatistics statistics) {
        Optional<PackageName> name = Node.projectOf(node);
        if (name.isEmpty()) {
            return Priority.ROOT;
        }
        if (direct.contains(name.get())) {
            return new Priority(3, statistics.conflictCount(), -1);
        }
        int count = join(project(name.get())).count(range);
        int conflicts = statistics.conflictCount();
        int tier = count <= 1 ? 3
                : conflicts >= Priority.CONFLICT_THRESHOLD ? 2
                : requirementSources.containsKey(name.get()) ? 1 : 0;
        return new Priority(tier, conflicts, -count);
    }

    @Override
    public Optional<Version> chooseVersion(Node node, Ranges<Version> range) {
        Optional<PackageName> name = Node.projectOf(node);
        if (name.isEmpty()) {
            return range.contains(ROOT_VERSION) ? Optional.of(ROOT_VERSION) : Optional.empty();
        }
        if (direct.contains(name.get())) {
            return direct.chooseVersion(name.get(), range);
        }
        return candidate(join(project(name.get())), range).map(ProjectVersions.Entry::version);
    }

    @Override
    public Optional<String> unavailableReason(Node node, Ranges<Version> range) {
        Optional<PackageName> name = Node.projectOf(node);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (direct.contains(name.get())) {
            return Optional.of(direct.unavailableReason(node));
        }
        ProjectVersions versions = join(project(name.get()));
        if (!versions.listsFiles()) {
            return Optional.of(name.get() + " was not found in the package index");
        }
        List<ProjectVersions.Entry> inRange = versions.inRange(range, Integer.MAX_VALUE);
        if (inRange.isEmpty()) {
            return skippedByFirstIndexWins(node, name.get(), range);
        }
        boolean pre = prereleasesAllowed(versions);
        List<String> reasons = new ArrayList<>();
        for (ProjectVersions.Entry e : inRange.subList(0, Math.min(REASONS_SHOWN, inRange.size()))) {
            reasons.add(node + "==" + e.version() + " " + rejection(e, pre));
        }
        String more = inRange.size() > REASONS_SHOWN ? "; " + (inRange.size() - REASONS_SHOWN) + " more" : "";
        String reason = inRange.size() == 1 ? reasons.get(0) : "no usable version of " + node
                + VersionRangeFormat.format(range) + " (" + String.join("; ", reasons) + more + ")";
        hint(versions, inRange, pre).ifPresent(h -> hints.put(reason, h));
        return Optional.of(reason);
    }

    /**
     * How to opt in to what the policy refused, for an {@link #unavailableReason} given earlier
     * in this resolution: an explanation prints it once, as a {@code hint:} line.
     */
    Optional<String> hint(String reason) {
        return Optional.ofNullable(hints.get(reason));
    }

    /**
     * When a later index has a version in {@code range} that "first index wins" skipped, says so
     * and how to change it; the first index that lists a project supplies all of its files.
     */
    private Optional<String> skippedByFirstIndexWins(Node node, PackageName name, Ranges<Version> range) {
        if (client.shadowedVersionsUnneeded()) {
            return Optional.empty();
        }
        for (var entry : client.shadowedVersions(name).entrySet()) {
            Optional<Version> newest = entry.getValue().stream().filter(range::contains).findFirst();
            if (newest.isPresent()) {
                return Optional.of("no version of " + node + VersionRangeFormat.format(range) + " is on the first index"
                        + " that lists " + name + "; " + entry.getKey() + " has " + name + " " + newest.get()
                        + " but was skipped (first index wins, against dependency confusion): publish the release on"
                        + " the first index, or make " + entry.getKey() + " the --index-url");
            }
        }
        return Optional.empty();
    }

    /** Why a version in range was not chosen ({@code pre}: whether pre-releases of its project may be). */
    private static String rejection(ProjectVersions.Entry e, boolean pre) {
        if (e.status() != ProjectVersions.Status.USABLE && e.status() != ProjectVersions.Status.YANKED) {
            return e.detail();
        }
        if (!pre && e.version().isPrerelease()) {
            return "is a pre-release";
        }
        return e.detail();
    }

    /**
     * How to opt in when pre-release or yanked versions in range were passed over by policy,
     * naming the highest such version; empty when policy is not why.
     */
    private Optional<String> hint(ProjectVersions versions, List<ProjectVersions.Entry> inRange, boolean pre) {
        PackageName name = versions.name();
        String where = firstPartyFile();
        List<String> out = new ArrayList<>(2);
        inRange.stream().filter(e -> !pre && e.version().isPrerelease() && (e.status() == ProjectVersions.Status.USABLE
                || e.status() == ProjectVersions.Status.YANKED)).findFirst()
                .ifPresent(e -> out.add(prereleaseHint(versions, e.version(), where)));
        inRange.stream().filter(e -> e.status() == ProjectVersions.Status.YANKED
                && (pre || !e.version().isPrerelease())).findFirst()
                .ifPresent(e -> out.add("a yanked release of " + name + " is used only when a first-party requirement"
                        + " pins it exactly (PEP 592): add " + name + "==" + e.version() + " to " + where
                        + " if you must use it"));
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
    }

    /** Why pre-releases of {@code versions}' project are not used under the mode, and how to opt in. */
    private String prereleaseHint(ProjectVersions versions, Version example, String where) {
        PackageName name = versions.name();
        String optIn = "add " + name + ">=" + example + " to " + where + " or pass --prerelease allow";
        return switch (request.prereleases()) {
            case DISALLOW -> "pre-releases are not used (--prerelease disallow)";
            case EXPLICIT -> "pre-releases are used only for packages whose first-party requirement names one"
                    + " (--prerelease explicit): " + optIn;
            case IF_NECESSARY -> name + " has final releases, so its pre-releases are not used"
                    + " (--prerelease if-necessary): pass --prerelease allow";
            case IF_NECESSARY_OR_EXPLICIT, ALLOW -> name + " has final releases, so its pre-releases are used only"
                    + " when a first-party requirement names one (a pre-release named only by a dependency does"
                    + " not count): " + optIn;
        };
    }

    /**
     * The file a user would add a requirement to: that of the first requirement ({@code -r
     * requirements.in}, {@code name (pyproject.toml)}), else "your requirements".
     */
    private String firstPartyFile() {
        return request.requirements().stream().map(RootRequirement::source).findFirst().map(label -> {
            int open = label.lastIndexOf(" (");
            if (label.endsWith(")") && open >= 0) {
                return label.substring(open + 2, label.length() - 1);
            }
            return label.startsWith("-r ") ? label.substring(3) : label;
        }).orElse("your requirements");
    }

    @Override
    public Dependencies<Node, Version> getDependencies(Node node, Version version) {
        Dependencies<Node, Version> result = readDependencies(node, version);
        if (result instanceof Dependencies.Available<Node, Version> available) {
            dependenciesRead.computeIfAbsent(node, k -> new HashMap<>()).put(version, available.dependencies());
            available.dependencies().forEach(this::prefetch);
        }
        versionsRead++;
        listener.progress(new ResolverListener.Progress(versionsRead, requestsStarted.get(), requestsInFlight.get()));
        return result;
    }

    private Dependencies<Node, Version> readDependencies(Node node, Version version) {
        Optional<PackageName> project = Node.projectOf(node);
        if (project.isEmpty()) {
            checkFork(node, rootRequirements, Set.of());
            return Dependencies.available(rootDependencies);
        }
        PackageName name = project.get();
        if (direct.contains(name)) {
            Optional<String> incompatible = direct.incompatibility(name);
            return incompatible.isPresent() ? Dependencies.unavailable(incompatible.get())
                    : dependencies(node, name, version, direct.get(name).orElseThrow().metadata());
        }
        ProjectVersions versions = join(project(name));
        ProjectVersions.Entry entry = versions.entry(version).orElseThrow();
        MetadataResult result = join(metadata(versions, entry));
        if (result.metadata().isEmpty()) {
            return Dependencies.unavailable(result.problem());
        }
        return dependencies(node, name, version, result.metadata().get());
    }

    /** The dependencies {@code md} declares for {@code node} on the target, or why it cannot be used. */
    private Dependencies<Node, Version> dependencies(Node node, PackageName name, Version version, CoreMetadata md) {
        if (!md.invalidRequiresDist().isEmpty()) {
            return Dependencies.unavailable("has Requires-Dist entries that cannot be parsed: "
                    + String.join(", ", md.invalidRequiresDist()));
        }
        if (md.requiresPython().isPresent() && !md.requiresPython().get().contains(python, Optional.of(Boolean.TRUE))) {
            return Dependencies.unavailable("requires Python " + md.requiresPython().get()
                    + ", but the target is Python " + python);
        }
        Map<Node, Ranges<Version>> deps = new LinkedHashMap<>();
        List<Edge> marked = new ArrayList<>();
        Set<ExtraName> extra = Set.of();
        if (node instanceof Node.Extra e) {
            deps.put(new Node.Base(name), Ranges.singleton(version));
            marked.add(new Edge(new Node.Base(name), MarkerTree.TRUE));
            extra = Set.of(e.extra());
        }
        List<Requirement> included = new ArrayList<>();
        for (Requirement r : md.requiresDist()) {
            if (!applies(r.marker(), extra)) {
                continue;
            }
            if (r.url().isPresent() && !direct.contains(r.name())) {
                return Dependencies.unavailable("depends on a direct URL (" + r + "), which relock does not resolve");
            }
            included.add(r);
            addRequirement(deps, r);
            if (fork.isPresent()) {
                addEdges(marked, r, r.marker().forExtras(extra));
            }
        }
        checkFork(node, included, extra);
        if (fork.isPresent()) {
            edges.computeIfAbsent(node, k -> new HashMap<>()).put(version, List.copyOf(marked));
        }
        return Dependencies.available(deps);
    }

    /**
     * Base packages take the requirements whose marker holds without extras on some target;
     * {@code name[x]} takes those that hold only with extra {@code x} (the base ones come through
     * its base package).
     */
    private boolean applies(MarkerTree marker, Set<ExtraName> extra) {
        try {
            if (fork.isPresent() && !extra.isEmpty()) {
                // In a fork the base may take a requirement for only part of the fork; the extra
                // takes every requirement that names an extra, so its reach marker is complete.
                return !marker.extras().isEmpty() && targets.anyHolds(marker, extra);
            }
            boolean base = targets.anyHolds(marker);
            return extra.isEmpty() ? base : !base && targets.anyHolds(marker, extra);
        } catch (RelockException unevaluable) {
            return false;
        }
    }

    private static void addEdges(List<Edge> out, Requirement r, MarkerTree marker) {
        out.add(new Edge(new Node.Base(r.name()), marker));
        for (ExtraName extra : r.extras()) {
            out.add(new Edge(new Node.Extra(r.name(), extra), marker));
        }
    }

    /**
     * In a fork of a universal resolution: when the requirements of {@code node} on one package
     * differ in specifiers and in their markers (within the fork), the fork splits into the regions
     * where the same of them apply (uv's fork strategy; disjoint markers give one region each).
     * Within a region every requirement that applies there applies in the whole region, so it never
     * splits again; requirements under the same marker are intersected as usual, so incompatible
     * specifiers under one marker are a conflict, not a fork.
     */
    private void checkFork(Node node, List<Requirement> included, Set<ExtraName> extra) {
        if (fork.isEmpty()) {
            return;
        }
        MarkerTree here = fork.get().marker();
        Map<PackageName, List<Requirement>> byName = new LinkedHashMap<>();
        included.forEach(r -> byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
        for (List<Requirement> same : byName.values()) {
            if (same.size() < 2 || same.stream().map(r -> r.specifiers().toRanges()).distinct().count() < 2) {
                continue;
            }
            List<MarkerTree> markers = new ArrayList<>();
            for (Requirement r : same) {
                MarkerTree m = here.and(r.marker().forExtras(extra));
                if (markers.stream().noneMatch(other -> MarkerAlgebra.implies(m, other) && MarkerAlgebra.implies(other, m))) {
                    markers.add(m);
                }
            }
            if (markers.size() < 2 || markers.size() > MAX_SPLIT_MARKERS) {
                continue;
            }
            List<MarkerTree> regions = List.of(here);
            for (MarkerTree m : markers) {
                List<MarkerTree> next = new ArrayList<>();
                for (MarkerTree region : regions) {
                    next.add(region.and(m));
                    next.add(region.and(MarkerAlgebra.not(m)));
                }
                regions = next.stream().filter(r -> !MarkerAlgebra.empty(r)).toList();
            }
            if (regions.size() > 1) {
                throw new ForkNeeded(regions, node + " requires "
                        + String.join(" and ", same.stream().map(Requirement::toString).toList()));
            }
        }
    }

    /** More distinct markers than this on one dependency are intersected, not split (2^n regions). */
    private static final int MAX_SPLIT_MARKERS = 4;

    private void addRequirement(Map<Node, Ranges<Version>> deps, Requirement r) {
        Ranges<Version> range = r.specifiers().toRanges();
        Ranges<Version> constraint = constraintRanges.get(r.name());
        if (constraint != null) {
            range = range.intersection(constraint);
        }
        deps.merge(new Node.Base(r.name()), range, Ranges::intersection);
        for (ExtraName extra : r.extras()) {
            deps.merge(new Node.Extra(r.name(), extra), range, Ranges::intersection);
        }
    }

    /** Starts fetching the page, then the metadata of the likely candidate and of the preferred version. */
    @Override
    public void prefetch(Node node, Ranges<Version> range) {
        Node.projectOf(node).filter(name -> !direct.contains(name)).ifPresent(name -> project(name).thenAccept(versions -> {
            candidate(versions, range).ifPresent(e -> metadata(versions, e));
            preferred(name).flatMap(versions::entry).filter(e -> e.metadataSource().isPresent())
                    .ifPresent(e -> metadata(versions, e));
        }));
    }

    // ---- candidates -----------------------------------------------------------------------------

    /** The version to try: the preferred pin when acceptable, else the highest acceptable one. */
    private Optional<ProjectVersions.Entry> candidate(ProjectVersions versions, Ranges<Version> range) {
        boolean pre = prereleasesAllowed(versions);
        Optional<ProjectVersions.Entry> pin = preferred(versions.name())
                .filter(range::contains)
                .flatMap(versions::entry)
                .filter(e -> acceptable(versions.name(), e, pre));
        if (pin.isPresent()) {
            return pin;
        }
        return request.remedy().prefersLowest(versions.name())
                ? versions.lowest(range, e -> acceptable(versions.name(), e, pre))
                : versions.highest(range, e -> acceptable(versions.name(), e, pre));
    }

    /**
     * Whether pre-releases of {@code versions}' project may be chosen, with uv's meanings: "if
     * necessary" when the project has no final release at all ({@link ProjectVersions#hasFinalRelease}),
     * "explicit" when a first-party requirement or constraint names a pre-release of it. Either
     * way they then compete with final releases and the highest version wins.
     */
    private boolean prereleasesAllowed(ProjectVersions versions) {
        boolean explicit = explicitPrereleases.contains(versions.name());
        return switch (request.prereleases()) {
            case DISALLOW -> false;
            case ALLOW -> true;
            case EXPLICIT -> explicit;
            case IF_NECESSARY -> !versions.hasFinalRelease();
            case IF_NECESSARY_OR_EXPLICIT -> explicit || !versions.hasFinalRelease();
        };
    }

    private Optional<Version> preferred(PackageName name) {
        if (request.upgrade().frees(name)) {
            return Optional.empty();
        }
        Optional<Version> locked = fork.map(f -> f.locked().get(name));
        return locked.or(() -> Optional.ofNullable(request.preferences().get(name)));
    }

    /**
     * Whether {@code e} may be chosen: usable, or yanked and pinned exactly ({@code ==}/{@code ===})
     * by a first-party requirement or constraint (PEP 592; a dependency's exact pin does not
     * count), and not a pre-release unless {@code pre}.
     */
    private boolean acceptable(PackageName name, ProjectVersions.Entry e, boolean pre) {
        if (!pre && e.version().isPrerelease()) {
            return false;
        }
        return e.status() == ProjectVersions.Status.USABLE
                || (e.status() == ProjectVersions.Status.YANKED && pinnedFirstParty(name, e.version()));
    }

    // ---- fetching -------------------------------------------------------------------------------

    private CompletableFuture<ProjectVersions> project(PackageName name) {
        return projects.computeIfAbsent(name, n -> counted(client.projectAsync(n))
                .thenApply(page -> {
                    Optional<Instant> cutoff = request.remedy().ignoresCutoff(n) ? Optional.empty() : request.excludeNewer();
                    return fork.isPresent()
                            ? ProjectVersions.universal(page, fork.get().required(), python, cutoff,
                                    v -> request.keepsLocked(n, v), request.binary())
                            : ProjectVersions.of(page, request.targets(), python, cutoff,
                                    v -> request.keepsLocked(n, v), request.binary());
                }));
    }

    private CompletableFuture<MetadataResult> metadata(ProjectVersions versions, ProjectVersions.Entry entry) {
        DistFile source = entry.metadataSource().orElseThrow(
                () -> new IllegalStateException("no metadata source for " + versions.name() + " " + entry.version()));
        return metadata.computeIfAbsent(new VersionKey(versions.name(), entry.version()),
                k -> counted(client.metadataAsync(source, Optional.of(request.target().python()))).handle((md, failure) -> {
                    if (failure == null) {
                        return new MetadataResult(Optional.of(md), "");
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof MetadataUnavailableException) {
                        return new MetadataResult(Optional.empty(), request.binary().allowsWheel(versions.name())
                                ? "has only an sdist that needs a build to learn its dependencies (sdist only; "
                                        + source.filename() + " does not declare them statically, and building is"
                                        + " off: --no-build)"
                                : "needs a build to learn its dependencies: --no-binary disables its wheels, and "
                                        + source.filename() + " does not declare them statically (PKG-INFO"
                                        + " Metadata-Version 2.2+ without Dynamic dependencies)");
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(cause);
                }));
    }

    private <T> CompletableFuture<T> counted(CompletableFuture<T> future) {
        requestsStarted.incrementAndGet();
        requestsInFlight.incrementAndGet();
        return future.whenComplete((v, e) -> requestsInFlight.decrementAndGet());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // ---- the result -----------------------------------------------------------------------------

    Resolution resolution(Map<Node, Version> solution) {
        Map<PackageName, SortedSet<ExtraName>> extras = new TreeMap<>();
        Map<PackageName, Set<PackageName>> parents = new HashMap<>();
        for (Map.Entry<Node, Version> chosen : solution.entrySet()) {
            Node node = chosen.getKey();
            if (node instanceof Node.Extra e) {
                extras.computeIfAbsent(e.name(), k -> new TreeSet<>()).add(e.extra());
            }
            Optional<PackageName> parent = Node.projectOf(node);
            if (parent.isEmpty()) {
                continue;
            }
            Map<Node, Ranges<Version>> deps = dependenciesRead.getOrDefault(node, Map.of())
                    .getOrDefault(chosen.getValue(), Map.of());
            for (Node dep : deps.keySet()) {
                PackageName child = Node.projectOf(dep).orElseThrow();
                if (!child.equals(parent.get())) {
                    parents.computeIfAbsent(child, k -> new TreeSet<>()).add(parent.get());
                }
            }
        }
        Map<Node, MarkerTree> reach = fork.isPresent() ? reach(solution) : Map.of();
        List<ResolvedPackage> packages = new ArrayList<>();
        for (Map.Entry<Node, Version> chosen : solution.entrySet()) {
            if (!(chosen.getKey() instanceof Node.Base base)) {
                continue;
            }
            PackageName name = base.name();
            List<Via> via = via(name, parents);
            Optional<DirectArtifact> artifact = direct.get(name);
            if (artifact.isPresent()) {
                packages.add(new ResolvedPackage(name, chosen.getValue(), extras.getOrDefault(name, new TreeSet<>()),
                        List.of(), via, pinMarker(name, reach), artifact.get().metadata(), artifact));
                continue;
            }
            ProjectVersions versions = join(project(name));
            ProjectVersions.Entry entry = versions.entry(chosen.getValue()).orElseThrow();
            CoreMetadata md = join(metadata(versions, entry)).metadata().orElseThrow();
            packages.add(new ResolvedPackage(name, chosen.getValue(), extras.getOrDefault(name, new TreeSet<>()),
                    entry.files(), via, pinMarker(name, reach), md, Optional.empty()));
        }
        packages.sort(Comparator.comparing(ResolvedPackage::name));
        return new Resolution(request.targets(), packages, fork.isPresent() ? List.of() : skipped(solution));
    }

    /** The marker of a pin: in a fork, where it is reachable; else that of its direct requirements. */
    private Optional<MarkerTree> pinMarker(PackageName name, Map<Node, MarkerTree> reach) {
        if (fork.isEmpty()) {
            return directMarker(name);
        }
        return Optional.of(fork.get().marker().and(reach.getOrDefault(new Node.Base(name), MarkerTree.FALSE)));
    }

    /**
     * Where each chosen node is reachable from the root: the OR over paths of the AND of the
     * requirement markers along the path (extras fixed per node), computed to a fixed point.
     */
    private Map<Node, MarkerTree> reach(Map<Node, Version> solution) {
        Map<Node, MarkerTree> reach = new HashMap<>();
        reach.put(Node.ROOT, MarkerTree.TRUE);
        java.util.ArrayDeque<Node> work = new java.util.ArrayDeque<>();
        work.add(Node.ROOT);
        int steps = 0;
        while (!work.isEmpty() && steps++ < MAX_REACH_STEPS) {
            Node from = work.poll();
            List<Edge> out = from instanceof Node.Root ? rootEdges
                    : edges.getOrDefault(from, Map.of()).getOrDefault(solution.get(from), List.of());
            for (Edge e : out) {
                if (!solution.containsKey(e.dep())) {
                    continue;
                }
                MarkerTree add = reach.get(from).and(e.marker());
                MarkerTree old = reach.get(e.dep());
                if (old == null || !MarkerAlgebra.implies(add, old)) {
                    reach.put(e.dep(), old == null ? add : old.or(add));
                    work.add(e.dep());
                }
            }
        }
        return reach;
    }

    private static final int MAX_REACH_STEPS = 100_000;

    /**
     * For each package chosen from the index below its newest release, that package's newest
     * release above the chosen version that is unusable only because some target has no file of it
     * ({@link ProjectVersions#targetOnlyReasons}), counting only releases that satisfy every
     * requirement the chosen versions (and the root) place on the package, constraints included,
     * and that the pre-release policy allows. Packages kept at a preferred (locked) version are left
     * out: the target is not why a newer release was passed over. Looks only at versions above the
     * chosen one, on pages already fetched.
     */
    private List<SkippedVersion> skipped(Map<Node, Version> solution) {
        Map<PackageName, Ranges<Version>> required = new HashMap<>();
        for (Map.Entry<Node, Version> chosen : solution.entrySet()) {
            Optional<PackageName> parent = Node.projectOf(chosen.getKey());
            Map<Node, Ranges<Version>> deps = dependenciesRead.getOrDefault(chosen.getKey(), Map.of())
                    .getOrDefault(chosen.getValue(), Map.of());
            for (Map.Entry<Node, Ranges<Version>> dep : deps.entrySet()) {
                PackageName child = Node.projectOf(dep.getKey()).orElseThrow();
                if (!parent.equals(Optional.of(child))) {
                    required.merge(child, dep.getValue(), Ranges::intersection);
                }
            }
        }
        List<SkippedVersion> notes = new ArrayList<>();
        for (Map.Entry<Node, Version> chosen : solution.entrySet()) {
            if (!(chosen.getKey() instanceof Node.Base base) || direct.contains(base.name())) {
                continue;
            }
            PackageName name = base.name();
            Version version = chosen.getValue();
            if (preferred(name).filter(version::equals).isPresent()) {
                continue;
            }
            ProjectVersions versions = join(project(name));
            boolean pre = prereleasesAllowed(versions);
            Ranges<Version> range = required.getOrDefault(name, Ranges.full());
            List<List<WheelMismatch.Reason>> found = new ArrayList<>(1);
            Optional<ProjectVersions.Entry> newest = versions.highestAbove(range, version, e -> {
                if (!pre && e.version().isPrerelease()) {
                    return false;
                }
                versions.targetOnlyReasons(e).ifPresent(found::add);
                return !found.isEmpty();
            });
            if (newest.isPresent()) {
                List<WheelMismatch.Reason> why = found.get(0);
                boolean platform = why.stream().anyMatch(WheelMismatch.Reason::platform);
                notes.add(new SkippedVersion(name, newest.get().version(), version,
                        why.stream().map(WheelMismatch.Reason::text).toList(),
                        platform ? "set --python-platform" : "set --python-version"));
            }
        }
        return notes;
    }

    /** The input sources first (in input order), then the parent packages by name. */
    private List<Via> via(PackageName name, Map<PackageName, Set<PackageName>> parents) {
        List<Via> via = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>(requirementSources.getOrDefault(name, List.of()));
        labels.addAll(constraintSources.getOrDefault(name, List.of()));
        labels.forEach(label -> via.add(new Via.Source(label)));
        parents.getOrDefault(name, Set.of()).forEach(p -> via.add(new Via.Parent(p)));
        return via;
    }

    /** The marker of the direct requirements of {@code name} when each of them has one. */
    private Optional<MarkerTree> directMarker(PackageName name) {
        List<MarkerTree> markers = directMarkers.getOrDefault(name, List.of());
        if (markers.isEmpty() || markers.stream().anyMatch(MarkerTree::isTrue)) {
            return Optional.empty();
        }
        return Optional.of(markers.stream().reduce(MarkerTree::or).orElseThrow());
    }
}
