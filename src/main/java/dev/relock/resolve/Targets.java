package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.tags.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The targets of one request (one Python version, one or more platforms) with their marker
 * environments: a marker applies when it holds on any of them. In a fork of a universal resolution
 * the fork's marker stands for the environments instead: a marker applies when it is not disjoint
 * with the fork's.
 */
final class Targets {
    private final List<Target> targets;
    private final List<MarkerEnvironment> environments;
    private final Optional<MarkerTree> fork;

    Targets(List<Target> targets) {
        this(targets, Optional.empty());
    }

    Targets(List<Target> targets, Optional<MarkerTree> fork) {
        this.targets = List.copyOf(targets);
        this.environments = this.targets.stream().map(t -> MarkerEnvironment.fromMap(t.markerValues())).toList();
        this.fork = fork;
    }

    List<Target> all() {
        return targets;
    }

    Target primary() {
        return targets.get(0);
    }

    boolean several() {
        return targets.size() > 1;
    }

    /**
     * Whether {@code marker} holds on at least one target.
     *
     * @throws RelockException when the marker cannot be evaluated
     */
    boolean anyHolds(MarkerTree marker) {
        if (fork.isPresent()) {
            return !MarkerAlgebra.disjoint(fork.get(), marker.forNoExtra());
        }
        for (MarkerEnvironment env : environments) {
            if (marker.evaluate(env)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code marker} holds with {@code extras} on at least one target. */
    boolean anyHolds(MarkerTree marker, Set<ExtraName> extras) {
        if (fork.isPresent()) {
            return !MarkerAlgebra.disjoint(fork.get(), marker.forExtras(extras));
        }
        for (MarkerEnvironment env : environments) {
            if (marker.evaluate(env, extras)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code 3.11.7 on x86_64-manylinux_2_17} for one target, {@code 3.11.7 on x86_64-manylinux_2_17
     * and aarch64-macosx_13_0} for several (all share the Python version).
     */
    static String describe(List<Target> some) {
        if (some.size() == 1) {
            return some.get(0).toString();
        }
        List<String> names = some.stream().map(t -> t.platform().name()).toList();
        String last = names.get(names.size() - 1);
        return some.get(0).python() + " on " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + last;
    }

    String describe() {
        return describe(targets);
    }

    @Override
    public String toString() {
        return describe();
    }
}
