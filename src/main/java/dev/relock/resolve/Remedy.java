package dev.relock.resolve;

import dev.relock.name.PackageName;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a security fix moves packages: to the lowest version their constraints allow (the smallest
 * step that fixes, not the newest release), optionally past the upload-time cut-off
 * ({@link ResolveRequest#excludeNewer()}) when the only fixes are newer than it.
 *
 * <p>The resolver still backtracks as usual: a lowest candidate that conflicts gives way to the
 * next one up, so the choice is the lowest version that still resolves.
 *
 * @param lowest packages whose candidates are tried lowest first
 * @param pastCutoff packages whose files are used whatever their upload time
 */
public record Remedy(Set<PackageName> lowest, Set<PackageName> pastCutoff) {
    /** No remedy: newest first, the cut-off for every package. */
    public static final Remedy NONE = new Remedy(Set.of(), Set.of());

    public Remedy {
        lowest = Set.copyOf(lowest);
        pastCutoff = Set.copyOf(pastCutoff);
    }

    /** Whether {@code name}'s candidates are tried lowest first. */
    public boolean prefersLowest(PackageName name) {
        return lowest.contains(name);
    }

    /** Whether {@code name} is exempt from the upload-time cut-off. */
    public boolean ignoresCutoff(PackageName name) {
        return pastCutoff.contains(name);
    }

    @Override
    public String toString() {
        return "lowest" + new TreeSet<>(lowest) + (pastCutoff.isEmpty() ? "" : " pastCutoff" + new TreeSet<>(pastCutoff));
    }

    /** {@code names} lowest first, within the cut-off. */
    public static Remedy lowest(Set<PackageName> names) {
        return new Remedy(Objects.requireNonNull(names, "names"), Set.of());
    }
}
