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

/**
 * What to resolve: requirements and constraints for one target, with the pre-release policy, an
 * optional upload-time cut-off and the pins of an existing lockfile to keep.
 *
 * @param requirements the packages to install (the input's requirement lines)
 * @param constraints version limits ({@code -c}) that apply when a package is required, but add no package
 * @param target the Python version and platform to resolve for
 * @param prereleases when pre-releases may be chosen
 * @param excludeNewer ignore files uploaded after this instant (files without an upload time are kept)
 * @param preferences versions of an existing lockfile, kept while they still satisfy (minimal churn)
 * @param upgrade which preferences are dropped
 * @param binary which files may be used: {@code --no-binary} / {@code --only-binary}
 */
public record ResolveRequest(
        List<RootRequirement> requirements,
        List<RootRequirement> constraints,
        Target target,
        PrereleaseMode prereleases,
        Optional<Instant> excludeNewer,
        Map<PackageName, Version> preferences,
        UpgradePolicy upgrade,
        BinaryPolicy binary) {

    public ResolveRequest {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
        preferences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(binary, "binary");
    }

    /**
     * A builder with no requirements, {@link PrereleaseMode#IF_NECESSARY_OR_EXPLICIT}, no preferences
     * and {@link BinaryPolicy#ALLOW_ALL}.
     */
    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** Builds a {@link ResolveRequest}. */
    public static final class Builder {
        private final Target target;
        private final List<RootRequirement> requirements = new ArrayList<>();
        private final List<RootRequirement> constraints = new ArrayList<>();
        private PrereleaseMode prereleases = PrereleaseMode.IF_NECESSARY_OR_EXPLICIT;
        private Optional<Instant> excludeNewer = Optional.empty();
        private final Map<PackageName, Version> preferences = new LinkedHashMap<>();
        private UpgradePolicy upgrade = UpgradePolicy.NONE;
        private BinaryPolicy binary = BinaryPolicy.ALLOW_ALL;

        private Builder(Target target) {
            this.target = Objects.requireNonNull(target, "target");
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

        public ResolveRequest build() {
            return new ResolveRequest(requirements, constraints, target, prereleases, excludeNewer, preferences,
                    upgrade, binary);
        }
    }
}
