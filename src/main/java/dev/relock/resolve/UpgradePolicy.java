package dev.relock.resolve;

import dev.relock.name.PackageName;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which pins of an existing lockfile ({@link ResolveRequest#preferences()}) the resolver may
 * drop: none ({@link #NONE}, the pins are kept while they still satisfy), all ({@link #ALL}), or
 * only those of some packages ({@link #packages}).
 */
public final class UpgradePolicy {
    /** Keep every pin that still satisfies the requirements. */
    public static final UpgradePolicy NONE = new UpgradePolicy(false, Set.of());
    /** Ignore all pins: pick the newest versions. */
    public static final UpgradePolicy ALL = new UpgradePolicy(true, Set.of());

    private final boolean all;
    private final Set<PackageName> packages;

    private UpgradePolicy(boolean all, Set<PackageName> packages) {
        this.all = all;
        this.packages = packages;
    }

    /** Frees the pins of {@code names} only; the others are kept while they satisfy. */
    public static UpgradePolicy packages(Set<PackageName> names) {
        Objects.requireNonNull(names, "names");
        return names.isEmpty() ? NONE : new UpgradePolicy(false, Set.copyOf(names));
    }

    /** Whether the existing pin of {@code name} may be replaced by a newer version. */
    public boolean frees(PackageName name) {
        return all || packages.contains(name);
    }

    /** Whether every pin is freed. */
    public boolean isAll() {
        return all;
    }

    /** The packages freed by name (empty for {@link #NONE} and {@link #ALL}). */
    public Set<PackageName> packages() {
        return packages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpgradePolicy other && all == other.all && packages.equals(other.packages);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(all) * 31 + packages.hashCode();
    }

    @Override
    public String toString() {
        return all ? "ALL" : packages.isEmpty() ? "NONE" : "packages" + new TreeSet<>(packages);
    }
}
