package dev.relock.update;

import dev.relock.name.PackageName;
import dev.relock.pep508.Requirement;
import dev.relock.resolve.Remedy;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a recompile may move.
 *
 * @param names the packages freed; empty frees every package (the weekly refresh without {@code -P})
 * @param floors {@code name>=version} constraints the freed packages must meet (security fixes)
 * @param remedy which freed packages take their lowest allowed version, and which ignore the cut-off
 */
public record Upgrade(Set<PackageName> names, List<Requirement> floors, Remedy remedy) {
    public Upgrade {
        names = Set.copyOf(names);
        floors = List.copyOf(floors);
        Objects.requireNonNull(remedy, "remedy");
    }

    /** Frees {@code names} (all when empty), newest first. */
    public static Upgrade of(Set<PackageName> names) {
        return new Upgrade(names, List.of(), Remedy.NONE);
    }
}
