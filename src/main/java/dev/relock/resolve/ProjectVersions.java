package dev.relock.resolve;

import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.ProjectPage;
import dev.relock.index.Yanked;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import dev.relock.ranges.Ranges.Segment;
import dev.relock.tags.TagPriority;
import dev.relock.tags.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * One project's versions for the request's targets, sorted, each with what makes it usable or not. Candidate
 * searches are binary searches per range segment instead of scans over every version, and a
 * version is judged (its files, Requires-Python, tags, yanked status) only when a search reaches it.
 * Files the {@link BinaryPolicy} rules out for the project ({@code --no-binary} wheels,
 * {@code --only-binary} sdists) do not make a version usable, but stay in {@link Entry#files()}.
 * With several targets a version is usable only when every target has a usable file of it.
 */
final class ProjectVersions {

    /** Whether a version can be chosen, judged from its files alone. */
    enum Status { USABLE, YANKED, REQUIRES_PYTHON, NO_COMPATIBLE_FILE, TOO_NEW }

    /**
     * One version.
     *
     * @param files every listed file, all platforms (minus files newer than the cut-off)
     * @param metadataSource the file to read core metadata from, when the version is usable or yanked
     * @param detail why the version is not usable (a verb phrase such as "is yanked"); empty when usable
     * @param lacking the targets without a usable file, when that is why the status is
     *     {@link Status#NO_COMPATIBLE_FILE}; else empty
     */
    record Entry(Version version, Status status, List<DistFile> files, Optional<DistFile> metadataSource,
            String detail, List<Target> lacking) {
        Entry(Version version, Status status, List<DistFile> files, Optional<DistFile> metadataSource,
                String detail) {
            this(version, status, files, metadataSource, detail, List.of());
        }
    }

    private final ProjectPage page;
    private final List<Target> targets;
    /** The targets' tag rankings, looked up once: a wheel's tags are checked against each. */
    private final List<TagPriority> priorities;
    private final Version python;
    private final Optional<Instant> cutoff;
    /** Versions exempt from the cut-off: those the existing lockfile pins. */
    private final java.util.function.Predicate<Version> kept;
    private final boolean wheels;
    private final boolean sdists;
    private final Version[] versions;
    /** Entries are judged on first use: a resolution looks at a few versions of each project. */
    private final AtomicReferenceArray<Entry> entries;
    private final Map<String, Optional<VersionSpecifiers>> parsedRequiresPython = new ConcurrentHashMap<>();
    /** Whether a final release is listed ({@link #hasFinalRelease}); computed on first use. */
    private volatile Boolean hasFinal;
    /** Universal: a version is usable with any file (wheels of every platform count); the targets need wheels. */
    private final boolean universal;

    private ProjectVersions(ProjectPage page, List<Target> targets, Version python, Optional<Instant> cutoff,
            java.util.function.Predicate<Version> kept, BinaryPolicy binary, boolean universal) {
        this.universal = universal;
        this.page = page;
        this.targets = targets;
        this.priorities = targets.stream().map(Target::priority).toList();
        this.python = python;
        this.cutoff = cutoff;
        this.kept = kept;
        this.wheels = binary.allowsWheel(page.name());
        this.sdists = binary.allowsSdist(page.name());
        this.versions = page.versions().toArray(Version[]::new);
        this.entries = new AtomicReferenceArray<>(versions.length);
    }

    /** The versions of {@code page} for {@code targets} (not empty, one Python version: {@code python}). */
    static ProjectVersions of(ProjectPage page, List<Target> targets, Version python, Optional<Instant> cutoff,
            java.util.function.Predicate<Version> kept, BinaryPolicy binary) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target");
        }
        if (cutoff.isPresent()) {
            requireUploadTimes(page, cutoff.get());
        }
        return new ProjectVersions(page, List.copyOf(targets), python, cutoff, kept, binary, false);
    }

    /**
     * The versions of {@code page} for a fork of a universal resolution whose oldest Python is
     * {@code python}: a version is usable when a file of it admits that Python (by Requires-Python)
     * and the binary policy allows it, a wheel of any platform or an sdist, since some environment
     * of the fork may install it; and each of the {@code required} targets (the required
     * environments the fork overlaps) has a wheel of it.
     */
    static ProjectVersions universal(ProjectPage page, List<Target> required, Version python,
            Optional<Instant> cutoff, java.util.function.Predicate<Version> kept, BinaryPolicy binary) {
        if (cutoff.isPresent()) {
            requireUploadTimes(page, cutoff.get());
        }
        return new ProjectVersions(page, List.copyOf(required), python, cutoff, kept, binary, true);
    }

    /**
     * {@code --exclude-newer} needs every file's upload time (PEP 700, published only in the JSON
     * API). Without one the cut-off cannot be honoured, and keeping the file would let a lock claim
     * a cut-off it never applied, so this refuses, naming the project, the file and where it came
     * from. (uv leaves such files out with a warning, which ends in "no solution".)
     */
    private static void requireUploadTimes(ProjectPage page, Instant cutoff) {
        page.files().stream().filter(f -> f.uploadTime().isEmpty()).findFirst().ifPresent(f -> {
            throw new dev.relock.common.RelockException(dev.relock.common.RelockException.Kind.BAD_INPUT,
                    "--exclude-newer " + cutoff + " cannot be applied to " + page.name() + ": " + f.filename()
                    + " from " + f.source() + " has no upload time (an index publishes upload times only in"
                    + " its JSON API, PEP 691/700; HTML pages and find-links have none); use an index that"
                    + " publishes them, or drop --exclude-newer");
        });
    }

    /** The entry at index {@code i}, judged now if it has not been yet (judging twice gives equal entries). */
    private Entry entryAt(int i) {
        Entry e = entries.get(i);
        if (e == null) {
            e = entry(versions[i], page.filesOf(versions[i]), targets, priorities, python,
                    kept.test(versions[i]) ? Optional.empty() : cutoff, parsedRequiresPython, wheels, sdists, universal);
            entries.compareAndSet(i, null, e);
        }
        return e;
    }

    private static Entry entry(Version version, List<DistFile> listed, List<Target> targets,
            List<TagPriority> priorities, Version python,
            Optional<Instant> cutoff, Map<String, Optional<VersionSpecifiers>> parsedRequiresPython, boolean wheels,
            boolean sdists, boolean universal) {
        if (listed.isEmpty()) {
            return new Entry(version, Status.NO_COMPATIBLE_FILE, listed, Optional.empty(), "has no file with a usable URL");
        }
        List<DistFile> files = listed.stream()
                .filter(f -> cutoff.isEmpty() || f.uploadTime().isEmpty() || !f.uploadTime().get().isAfter(cutoff.get()))
                .sorted(Comparator.comparing(DistFile::filename))
                .toList();
        if (files.isEmpty()) {
            return new Entry(version, Status.TOO_NEW, files, Optional.empty(),
                    "was uploaded after " + cutoff.map(Instant::toString).orElse("the cut-off") + " (exclude-newer)");
        }
        List<DistFile> pythonOk = new ArrayList<>();
        String pythonProblem = "";
        for (DistFile f : files) {
            Optional<VersionSpecifiers> spec = f.requiresPython()
                    .flatMap(raw -> parsedRequiresPython.computeIfAbsent(raw, ProjectVersions::lenientSpecifiers));
            if (spec.isEmpty() || spec.get().contains(python, Optional.of(Boolean.TRUE))) {
                pythonOk.add(f);
            } else if (pythonProblem.isEmpty()) {
                pythonProblem = "requires Python " + spec.get() + ", but the target is Python " + python;
            }
        }
        if (pythonOk.isEmpty()) {
            return new Entry(version, Status.REQUIRES_PYTHON, files, Optional.empty(), pythonProblem);
        }
        List<DistFile> usable;
        List<Target> lacking;
        if (universal) {
            usable = pythonOk.stream().filter(f -> f.isWheel() ? wheels : sdists).toList();
            if (usable.isEmpty()) {
                return new Entry(version, Status.NO_COMPATIBLE_FILE, files, Optional.empty(), !wheels
                        ? "has no sdist, and wheels are disabled by --no-binary"
                        : "has no wheel, and sdists are disabled by --only-binary");
            }
            lacking = new ArrayList<>(1);
            for (int t = 0; t < targets.size(); t++) {
                TagPriority p = priorities.get(t);
                if (usable.stream().noneMatch(f -> f.isWheel() && fits(f, p, wheels, sdists))) {
                    lacking.add(targets.get(t));
                }
            }
            if (!lacking.isEmpty()) {
                return new Entry(version, Status.NO_COMPATIBLE_FILE, files, Optional.empty(),
                        "has no wheel for the required environment " + Targets.describe(lacking), List.copyOf(lacking));
            }
            lacking = List.of();
        } else if (targets.size() == 1) {
            TagPriority only = priorities.get(0);
            usable = pythonOk.stream().filter(f -> fits(f, only, wheels, sdists)).toList();
            lacking = usable.isEmpty() ? targets : List.of();
        } else {
            usable = pythonOk.stream().filter(f -> priorities.stream().anyMatch(p -> fits(f, p, wheels, sdists)))
                    .toList();
            lacking = new ArrayList<>(1);
            for (int t = 0; t < targets.size(); t++) {
                TagPriority p = priorities.get(t);
                if (usable.stream().noneMatch(f -> fits(f, p, wheels, sdists))) {
                    lacking.add(targets.get(t));
                }
            }
            lacking = List.copyOf(lacking);
        }
        if (!lacking.isEmpty()) {
            return new Entry(version, Status.NO_COMPATIBLE_FILE, files, Optional.empty(),
                    noUsableFile(pythonOk, lacking, wheels, sdists), lacking);
        }
        List<DistFile> notYanked = usable.stream().filter(f -> !f.yanked().isYanked()).toList();
        if (notYanked.isEmpty() || (!universal && targets.size() > 1 && !priorities.stream()
                .allMatch(p -> notYanked.stream().anyMatch(f -> fits(f, p, wheels, sdists))))) {
            DistFile yanked = usable.stream().filter(f -> f.yanked().isYanked()).findFirst().orElseThrow();
            String reason = yanked.yanked() instanceof Yanked.YankedFile y && y.reason().isPresent()
                    ? " (reason: " + y.reason().get() + ")" : "";
            return new Entry(version, Status.YANKED, files, metadataSource(usable), "is yanked" + reason);
        }
        return new Entry(version, Status.USABLE, files, metadataSource(notYanked), "");
    }

    /** Whether {@code f} can be installed on the target ranking tags by {@code priority} under the binary policy. */
    private static boolean fits(DistFile f, TagPriority priority, boolean wheels, boolean sdists) {
        return f.parsed() instanceof WheelFilename w ? wheels && w.bestRank(priority).isPresent() : sdists;
    }

    /**
     * Why none of {@code files} (all fit the target's Python) is usable on the {@code lacking}
     * targets, naming the option that rules some out.
     */
    private static String noUsableFile(List<DistFile> files, List<Target> lacking, boolean wheels, boolean sdists) {
        boolean anySdist = files.stream().anyMatch(f -> !f.isWheel());
        if (!wheels) {
            return "has no sdist, and wheels are disabled by --no-binary";
        }
        String where = Targets.describe(lacking);
        if (!sdists && anySdist) {
            return "has no wheel for Python " + where + " and sdists are disabled by --only-binary";
        }
        return "has no wheel for Python " + where + " and no sdist";
    }

    /** Indexes publish malformed Requires-Python values; like pip, treat those as no limit. */
    private static Optional<VersionSpecifiers> lenientSpecifiers(String raw) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionSpecifiers.parse(raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A compatible wheel with PEP 658 metadata, else any compatible wheel, else the sdist. */
    private static Optional<DistFile> metadataSource(List<DistFile> usable) {
        return usable.stream().min(Comparator
                .comparingInt((DistFile f) -> f.isWheel() ? (f.coreMetadata().isPresent() ? 0 : 1) : 2)
                .thenComparing(DistFile::filename));
    }

    /**
     * When {@code e} is unusable only because some targets have no file of it, why, one reason per
     * such target: its files fit the Python version, not all are yanked, wheels are allowed, and it
     * has no sdist (an allowed one would fit every target; a disallowed one makes it the policy's doing).
     */
    Optional<List<WheelMismatch.Reason>> targetOnlyReasons(Entry e) {
        if (e.status() != Status.NO_COMPATIBLE_FILE || e.lacking().isEmpty() || !wheels) {
            return Optional.empty();
        }
        List<WheelFilename> wheelFiles = new ArrayList<>();
        boolean anyNotYanked = false;
        for (DistFile f : e.files()) {
            Optional<VersionSpecifiers> spec = f.requiresPython()
                    .flatMap(raw -> parsedRequiresPython.computeIfAbsent(raw, ProjectVersions::lenientSpecifiers));
            if (spec.isPresent() && !spec.get().contains(python, Optional.of(Boolean.TRUE))) {
                continue;
            }
            if (!(f.parsed() instanceof WheelFilename w)) {
                return Optional.empty();
            }
            wheelFiles.add(w);
            anyNotYanked |= !f.yanked().isYanked();
        }
        if (wheelFiles.isEmpty() || !anyNotYanked) {
            return Optional.empty();
        }
        return Optional.of(e.lacking().stream().map(t -> WheelMismatch.reason(wheelFiles, t)).toList());
    }

    /** The entries above {@code floor} in {@code range}, highest first, until {@code accept} accepts one. */
    Optional<Entry> highestAbove(Ranges<Version> range, Version floor, Predicate<Entry> accept) {
        return highest(range.intersection(Ranges.greaterThan(floor)), accept);
    }

    PackageName name() {
        return page.name();
    }

    /**
     * Whether the project has a final release (neither a pre-release nor a dev release) that is
     * listed with a file that is not yanked and not excluded by the upload-time cut-off. Python
     * version and platform tags are not looked at: "every release is a pre-release" is a fact about
     * the project, the same for every target, as in uv's "if necessary" pre-release mode.
     */
    boolean hasFinalRelease() {
        Boolean known = hasFinal;
        if (known == null) {
            known = false;
            for (int i = versions.length - 1; i >= 0 && !known; i--) {
                known = !versions[i].isPrerelease() && page.filesOf(versions[i]).stream()
                        .anyMatch(f -> !f.yanked().isYanked() && (cutoff.isEmpty() || f.uploadTime().isEmpty()
                                || !f.uploadTime().get().isAfter(cutoff.get())));
            }
            hasFinal = known;
        }
        return known;
    }

    /** Whether any source lists a file of the project at all. */
    boolean listsFiles() {
        return !page.isEmpty();
    }

    Optional<Entry> entry(Version version) {
        int i = java.util.Arrays.binarySearch(versions, version);
        return i >= 0 ? Optional.of(entryAt(i)) : Optional.empty();
    }

    /** How many listed versions lie in {@code range}. */
    int count(Ranges<Version> range) {
        int n = 0;
        for (Segment<Version> s : range.segments()) {
            n += lastNotAbove(s.upper()) - lastBelow(s.lower());
        }
        return n;
    }

    /** The highest version in {@code range} that {@code accept} accepts, walking segments from the top. */
    Optional<Entry> highest(Ranges<Version> range, Predicate<Entry> accept) {
        List<Segment<Version>> segments = range.segments();
        for (int s = segments.size() - 1; s >= 0; s--) {
            Segment<Version> seg = segments.get(s);
            int stop = lastBelow(seg.lower());
            for (int i = lastNotAbove(seg.upper()); i > stop; i--) {
                Entry e = entryAt(i);
                if (accept.test(e)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The lowest version in {@code range} that {@code accept} accepts, walking segments from the bottom. */
    Optional<Entry> lowest(Ranges<Version> range, Predicate<Entry> accept) {
        for (Segment<Version> seg : range.segments()) {
            int stop = lastNotAbove(seg.upper());
            for (int i = lastBelow(seg.lower()) + 1; i <= stop; i++) {
                Entry e = entryAt(i);
                if (accept.test(e)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Up to {@code limit} versions in {@code range}, highest first. */
    List<Entry> inRange(Ranges<Version> range, int limit) {
        List<Entry> out = new ArrayList<>();
        highest(range, e -> {
            out.add(e);
            return out.size() >= limit;
        });
        return out;
    }

    /** Index of the highest version not above {@code upper} (-1 when none). */
    private int lastNotAbove(Bound<Version> upper) {
        if (upper instanceof Bound.Included<Version> b) {
            return firstIndex(v -> v.compareTo(b.value()) > 0) - 1;
        }
        if (upper instanceof Bound.Excluded<Version> b) {
            return firstIndex(v -> v.compareTo(b.value()) >= 0) - 1;
        }
        return versions.length - 1;
    }

    /** Index of the highest version below {@code lower} (-1 when none). */
    private int lastBelow(Bound<Version> lower) {
        if (lower instanceof Bound.Included<Version> b) {
            return firstIndex(v -> v.compareTo(b.value()) >= 0) - 1;
        }
        if (lower instanceof Bound.Excluded<Version> b) {
            return firstIndex(v -> v.compareTo(b.value()) > 0) - 1;
        }
        return -1;
    }

    /** The first index whose version satisfies the monotone predicate {@code after} (length when none). */
    private int firstIndex(Predicate<Version> after) {
        int lo = 0;
        int hi = versions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (after.test(versions[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
