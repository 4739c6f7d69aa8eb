package dev.relock.wheelhouse;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.index.DistFile;
import dev.relock.index.ProjectPage;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.reqtxt.Hash;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.Pin;
import dev.relock.tags.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Decides which files a wheelhouse needs; pure, no I/O. */
final class Planner {
    private static final int NAMED_FILES = 3;

    private Planner() {}

    /** What to fetch, and what the user should know about the choice. */
    record Plan(List<PlannedFile> files, List<String> warnings) {
        Plan {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The lockfile's pins (the unsafe-packages trailer's pinned ones included) with the targets
     * that install them.
     *
     * @throws RelockException BAD_INPUT listing every pin that cannot be bundled
     */
    static List<LockedPin> lockedPins(Lockfile lockfile, List<Target> targets) {
        List<MarkerEnvironment> environments = targets.stream()
                .map(t -> MarkerEnvironment.fromMap(t.markerValues())).toList();
        List<Pin> pins = Stream.concat(lockfile.pins().stream(),
                lockfile.trailer().stream().flatMap(t -> t.pins().stream())).toList();
        List<LockedPin> locked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Pin pin : pins) {
            if (pin.kind() != Pin.Kind.PINNED) {
                problems.add(pin.requirementText() + ": only name==version pins can be bundled; pip would fetch a"
                        + " direct reference from its URL, which an offline install cannot do");
                continue;
            }
            String label = pin.name() + "==" + pin.target();
            if (pin.hashes().isEmpty()) {
                problems.add(label + " has no --hash: a wheelhouse must be verifiable, so every pin needs hashes"
                        + " (recompile with --generate-hashes)");
                continue;
            }
            try {
                PackageName name = PackageName.of(pin.name());
                Version version = Version.parse(pin.target());
                Optional<MarkerTree> marker = pin.marker().map(MarkerTree::parse);
                List<Target> installs = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    if (marker.isEmpty() || marker.get().evaluate(environments.get(i))) {
                        installs.add(targets.get(i));
                    }
                }
                locked.add(new LockedPin(pin, name, version, installs));
            } catch (RelockException e) {
                problems.add(label + ": " + e.getMessage());
            }
        }
        Problems.throwIfAny(RelockException.Kind.BAD_INPUT, "the lockfile cannot be bundled", problems);
        return locked;
    }

    /** The pins whose project pages are needed: those some target installs, or all of them for {@code ALL_FILES}. */
    static List<LockedPin> needed(List<LockedPin> pins, FileChoice choice) {
        return pins.stream().filter(p -> choice == FileChoice.ALL_FILES || !p.targets().isEmpty()).toList();
    }

    /**
     * Chooses the files.
     *
     * @param pages the project page of every {@link #needed} pin's name
     * @throws RelockException BAD_INPUT listing every pin or target the lockfile's files cannot serve
     */
    static Plan plan(List<LockedPin> pins, Map<PackageName, ProjectPage> pages, FileChoice choice,
            boolean includeSdists) {
        Map<String, PlannedFile> chosen = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LockedPin pin : needed(pins, choice)) {
            ProjectPage page = pages.get(pin.name());
            List<DistFile> listed = page == null ? List.of() : page.filesOf(pin.version());
            Map<String, Candidate> candidates = candidates(pin, listed);
            if (candidates.isEmpty()) {
                problems.add(listed.isEmpty()
                        ? pin.label() + ": the index lists no files for this version"
                        : pin.label() + ": none of the " + listed.size() + " files the index lists for this version"
                                + " has one of the lockfile's hashes (was the lock made against another index?"
                                + " pass --index-url)");
                continue;
            }
            Map<String, List<Target>> served = new LinkedHashMap<>();
            for (Target target : pin.targets()) {
                Optional<Candidate> best = bestWheel(candidates.values(), target);
                if (best.isEmpty() && (includeSdists || choice == FileChoice.ALL_FILES)) {
                    best = candidates.values().stream().filter(c -> !c.file().isWheel()).findFirst();
                }
                if (best.isPresent()) {
                    served.computeIfAbsent(best.get().file().filename(), f -> new ArrayList<>()).add(target);
                } else if (choice == FileChoice.ALL_FILES) {
                    warnings.add(pin.label() + ": no file the lockfile allows installs on " + target);
                } else {
                    problems.add(noWheel(pin, target, candidates.values()));
                }
            }
            for (Candidate c : candidates.values()) {
                List<Target> targets = served.getOrDefault(c.file().filename(), List.of());
                if (choice == FileChoice.ALL_FILES || !targets.isEmpty()) {
                    chosen.merge(c.file().filename(), new PlannedFile(c.file(), c.expected(), pin, targets),
                            Planner::union);
                }
            }
            if (choice == FileChoice.ALL_FILES) {
                for (Hash hash : pin.pin().hashes()) {
                    if (candidates.values().stream().noneMatch(c -> c.expected().equals(hash))) {
                        warnings.add(pin.label() + ": the lockfile's hash " + hash + " matches no file the index lists");
                    }
                }
            }
        }
        Problems.throwIfAny(RelockException.Kind.BAD_INPUT, "the lockfile's files cannot serve every target",
                problems);
        return new Plan(List.copyOf(chosen.values()), warnings);
    }

    /** A listed file whose published hash is one of the pin's, with that hash. */
    private record Candidate(DistFile file, Hash expected) {}

    /** The pin's files allowed by its hashes, one per file name, ordered by file name. */
    private static Map<String, Candidate> candidates(LockedPin pin, List<DistFile> listed) {
        Map<String, Candidate> byName = new TreeMap<>();
        for (DistFile file : listed) {
            matchingHash(file, pin.pin().hashes())
                    .ifPresent(hash -> byName.putIfAbsent(file.filename(), new Candidate(file, hash)));
        }
        return byName;
    }

    /**
     * The lockfile hash the index published for {@code file}, sha256 preferred. Published digests
     * are compared in lower case, the lockfile's as written (as pip does).
     */
    static Optional<Hash> matchingHash(DistFile file, List<Hash> hashes) {
        return hashes.stream()
                .sorted(Comparator.comparing((Hash h) -> !h.algorithm().equals("sha256")))
                .filter(h -> {
                    String published = file.hashes().get(h.algorithm());
                    return published != null && published.toLowerCase(Locale.ROOT).equals(h.digest());
                })
                .findFirst();
    }

    private static Optional<Candidate> bestWheel(java.util.Collection<Candidate> candidates, Target target) {
        Candidate best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Candidate c : candidates) {
            if (c.file().parsed() instanceof WheelFilename wheel) {
                OptionalInt rank = wheel.bestRank(target);
                if (rank.isPresent() && rank.getAsInt() < bestRank) {
                    best = c;
                    bestRank = rank.getAsInt();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static String noWheel(LockedPin pin, Target target, java.util.Collection<Candidate> candidates) {
        boolean hasSdist = candidates.stream().anyMatch(c -> !c.file().isWheel());
        List<String> names = candidates.stream().map(c -> c.file().filename()).toList();
        String allowed = String.join(", ", names.subList(0, Math.min(NAMED_FILES, names.size())))
                + (names.size() > NAMED_FILES ? ", …" : "");
        return pin.label() + ": no wheel for " + target + " among the files its hashes allow (" + allowed + ")"
                + (hasSdist ? "; pass --include-sdists to bundle the sdist (pip builds it at install time)"
                        : "; lock for another target or add a hash of a compatible wheel");
    }

    private static PlannedFile union(PlannedFile a, PlannedFile b) {
        Set<Target> targets = new LinkedHashSet<>(a.targets());
        targets.addAll(b.targets());
        return new PlannedFile(a.file(), a.expected(), a.pin(), List.copyOf(targets));
    }
}
