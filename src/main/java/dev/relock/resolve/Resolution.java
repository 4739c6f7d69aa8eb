package dev.relock.resolve;

import dev.relock.name.PackageName;
import dev.relock.tags.Target;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions chosen for a target: one {@link ResolvedPackage} per package, sorted by name.
 *
 * @param target the target resolved for
 * @param packages the packages, sorted by name
 */
public record Resolution(Target target, List<ResolvedPackage> packages) {
    public Resolution {
        Objects.requireNonNull(target, "target");
        packages = packages.stream().sorted(Comparator.comparing(ResolvedPackage::name)).toList();
    }

    /** The package named {@code name}, if resolved. */
    public Optional<ResolvedPackage> get(PackageName name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
