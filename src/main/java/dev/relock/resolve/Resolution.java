package dev.relock.resolve;

import dev.relock.name.PackageName;
import dev.relock.tags.Target;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions chosen for the targets: one {@link ResolvedPackage} per package, sorted by name,
 * and the newer releases passed over only because a target has no file of them.
 *
 * @param targets the targets resolved for (the first is the primary; one Python version)
 * @param packages the packages, sorted by name
 * @param skipped at most one note per package, sorted by name: its newest release above the chosen
 *     version that was unusable only because some target has no file of it
 */
public record Resolution(List<Target> targets, List<ResolvedPackage> packages, List<SkippedVersion> skipped) {
    public Resolution {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        packages = packages.stream().sorted(Comparator.comparing(ResolvedPackage::name)).toList();
        skipped = skipped.stream().sorted(Comparator.comparing(SkippedVersion::name)).toList();
    }

    /** A resolution for one target, without skip notes. */
    public Resolution(Target target, List<ResolvedPackage> packages) {
        this(List.of(Objects.requireNonNull(target, "target")), packages, List.of());
    }

    /** The primary target: the first of {@link #targets()}. */
    public Target target() {
        return targets.get(0);
    }

    /** The package named {@code name}, if resolved. */
    public Optional<ResolvedPackage> get(PackageName name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
