package dev.relock.resolve;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.tags.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to resolve: requirements and constraints for one or several targets, with the pre-release
 * policy, an optional upload-time cut-off and the pins of an existing lockfile to keep.
 *
 * <p>With several targets (one Python version on several platforms) the resolution is one set of
 * versions that installs on every target: a requirement's marker applies when it holds on any
 * target, and a version is usable only when each target has a usable file of it.
 *
 * @param requirements the packages to install (the input's requirement lines)
 * @param constraints version limits ({@code -c}) that apply when a package is required, but add no package
 * @param targets the Python version and platforms to resolve for: not empty, one Python version,
 *     no target twice (equal targets are merged); the first is the primary {@link #target()}
 * @param prereleases when pre-releases may be chosen
 * @param excludeNewer ignore files uploaded after this instant (files without an upload time are kept)
 * @param preferences versions of an existing lockfile, kept while they still satisfy (minimal churn)
 * @param upgrade which preferences are dropped
 * @param binary which files may be used: {@code --no-binary} / {@code --only-binary}
 * @param universe for a universal resolution, the environments it covers (forks, pins with
 *     markers); the targets then only name the oldest Python of the range
 * @param remedy packages moved to their lowest allowed version (security fixes), some past the cut-off
 * @param locked the versions the existing lockfile pins: exempt from {@code excludeNewer}, since a
 *     cooldown holds back new releases but never takes away (downgrades) a version already locked
 */
public record ResolveRequest(
        List<RootRequirement> requirements,
        List<RootRequirement> constraints,
        List<Target> targets,
        PrereleaseMode prereleases,
        Optional<Instant> excludeNewer,
        Map<PackageName, Version> preferences,
        UpgradePolicy upgrade,
        BinaryPolicy binary,
        Optional<Universe> universe,
        Remedy remedy,
        Map<PackageName, Set<Version>> locked) {

    public ResolveRequest {
        Objects.requireNonNull(universe, "universe");
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        targets = checkTargets(targets);
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
        preferences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(remedy, "remedy");
        locked = Map.copyOf(locked.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
    }

    /** Whether {@code version} of {@code name} is exempt from the cut-off: the existing lockfile pins it. */
    public boolean keepsLocked(PackageName name, Version version) {
        return locked.getOrDefault(name, Set.of()).contains(version);
    }

    /**
     * Rejects an empty list and targets of different Python versions; drops repeated targets.
     *
     * @throws IllegalArgumentException for no target or mixed Python versions
     */
    private static List<Target> checkTargets(List<Target> targets) {
        Objects.requireNonNull(targets, "targets");
        List<Target> distinct = targets.stream().map(t -> Objects.requireNonNull(t, "target")).distinct().toList();
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        Target primary = distinct.get(0);
        for (Target t : distinct) {
            if (!t.python().equals(primary.python())) {
                throw new IllegalArgumentException("all targets must have one Python version, but " + primary
                        + " and " + t + " differ; resolve each Python version separately");
            }
        }
        return distinct;
    }

    /** The primary target: the first of {@link #targets()}. */
    public Target target() {
        return targets.get(0);
    }

    /**
     * A builder with no requirements, {@link PrereleaseMode#IF_NECESSARY_OR_EXPLICIT}, no preferences
     * and {@link BinaryPolicy#ALLOW_ALL}.
     */
    public static Builder builder(Target target) {
        return new Builder(List.of(Objects.requireNonNull(target, "target")));
    }

    /**
     * A builder for several targets (the first is the primary), with the defaults of
     * {@link #builder(Target)}.
     *
     * @throws IllegalArgumentException for an empty list or mixed Python versions
     */
    public static Builder builder(List<Target> targets) {
        return new Builder(checkTargets(targets));
    }

    /** Builds a {@link ResolveRequest}. */
    public static final class Builder {
        private List<Target> targets;
        private final List<RootRequirement> requirements = new ArrayList<>();
        private final List<RootRequirement> constraints = new ArrayList<>();
        private PrereleaseMode prereleases = PrereleaseMode.IF_NECESSARY_OR_EXPLICIT;
        private Optional<Instant> excludeNewer = Optional.empty();
        private final Map<PackageName, Version> preferences = new LinkedHashMap<>();
        private UpgradePolicy upgrade = UpgradePolicy.NONE;
        private BinaryPolicy binary = BinaryPolicy.ALLOW_ALL;
        private Optional<Universe> universe = Optional.empty();
        private Remedy remedy = Remedy.NONE;
        private final Map<PackageName, Set<Version>> locked = new LinkedHashMap<>();

        private Builder(List<Target> targets) {
            this.targets = targets;
        }

        /**
         * Replaces the targets (the first is the primary).
         *
         * @throws IllegalArgumentException for an empty list or mixed Python versions
         */
        public Builder targets(List<Target> more) {
            this.targets = checkTargets(more);
            return this;
        }

        public Builder requirement(RootRequirement requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        public Builder requirements(Collection<RootRequirement> more) {
            more.forEach(this::requirement);
            return this;
        }

        public Builder constraint(RootRequirement constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        public Builder constraints(Collection<RootRequirement> more) {
            more.forEach(this::constraint);
            return this;
        }

        public Builder prereleases(PrereleaseMode mode) {
            this.prereleases = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder excludeNewer(Instant cutoff) {
            this.excludeNewer = Optional.of(cutoff);
            return this;
        }

        public Builder excludeNewer(Optional<Instant> cutoff) {
            this.excludeNewer = Objects.requireNonNull(cutoff, "cutoff");
            return this;
        }

        public Builder preference(PackageName name, Version version) {
            preferences.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(version, "version"));
            return this;
        }

        public Builder preferences(Map<PackageName, Version> pins) {
            pins.forEach(this::preference);
            return this;
        }

        public Builder upgrade(UpgradePolicy policy) {
            this.upgrade = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Which files may be used (default: wheels and sdists of every package). */
        public Builder binary(BinaryPolicy policy) {
            this.binary = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Resolves universally over {@code environments}: see {@link Universe}. */
        public Builder universe(Optional<Universe> environments) {
            this.universe = Objects.requireNonNull(environments, "environments");
            return this;
        }

        /** Packages to move to their lowest allowed version (default: none). */
        public Builder remedy(Remedy value) {
            this.remedy = Objects.requireNonNull(value, "remedy");
            return this;
        }

        /** The versions the existing lockfile pins, which the exclude-newer cut-off never removes. */
        public Builder locked(Map<PackageName, Set<Version>> versions) {
            versions.forEach((name, set) -> locked.computeIfAbsent(name, k -> new java.util.TreeSet<>()).addAll(set));
            return this;
        }

        public ResolveRequest build() {
            return new ResolveRequest(requirements, constraints, targets, prereleases, excludeNewer, preferences,
                    upgrade, binary, universe, remedy, locked);
        }
    }
}
