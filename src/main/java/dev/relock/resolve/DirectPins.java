package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.ranges.Ranges;
import dev.relock.tags.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packages a request pins to a {@link DirectArtifact}, as uv treats them: one version (the
 * artifact's), never looked up on the index; any other requirement on the package must admit that
 * version.
 */
final class DirectPins {
    private final Map<PackageName, DirectArtifact> artifacts;
    private final Targets targets;

    private DirectPins(Map<PackageName, DirectArtifact> artifacts, Targets targets) {
        this.artifacts = artifacts;
        this.targets = targets;
    }

    /**
     * The artifacts of the root requirements whose marker holds for at least one target.
     *
     * @throws RelockException BAD_INPUT when one package is given two different references
     */
    static DirectPins of(List<RootRequirement> roots, Targets targets) {
        Map<PackageName, DirectArtifact> artifacts = new HashMap<>();
        Map<PackageName, String> sources = new HashMap<>();
        for (RootRequirement root : roots) {
            if (root.artifact().isEmpty() || !targets.anyHolds(root.requirement().marker())) {
                continue;
            }
            DirectArtifact artifact = root.artifact().get();
            DirectArtifact earlier = artifacts.putIfAbsent(artifact.name(), artifact);
            if (earlier != null && !earlier.reference().equals(artifact.reference())) {
                throw new RelockException(RelockException.Kind.BAD_INPUT, root.source() + ": " + artifact.name()
                        + " is given by two direct references, '" + earlier.reference() + "' ("
                        + sources.get(artifact.name()) + ") and '" + artifact.reference() + "'; keep one");
            }
            sources.putIfAbsent(artifact.name(), root.source());
        }
        return new DirectPins(artifacts, targets);
    }

    boolean contains(PackageName name) {
        return artifacts.containsKey(name);
    }

    Optional<DirectArtifact> get(PackageName name) {
        return Optional.ofNullable(artifacts.get(name));
    }

    /** The artifact's version when {@code range} admits it: the only candidate. */
    Optional<Version> chooseVersion(PackageName name, Ranges<Version> range) {
        Version version = artifacts.get(name).version();
        return range.contains(version) ? Optional.of(version) : Optional.empty();
    }

    /** Why {@code node} has no version in a range that leaves out the artifact's. */
    String unavailableReason(Node node) {
        DirectArtifact artifact = artifacts.get(Node.projectOf(node).orElseThrow());
        return "the only " + node + " is version " + artifact.version() + ", from the direct reference "
                + artifact.reference() + " (the index is not asked for it)";
    }

    /** Why the artifact cannot be installed on every target, if it cannot. */
    Optional<String> incompatibility(PackageName name) {
        DirectArtifact artifact = artifacts.get(name);
        if (artifact.archive().isPresent() && artifact.archive().get() instanceof WheelFilename wheel) {
            List<Target> lacking = targets.all().stream().filter(t -> !wheel.isCompatible(t)).toList();
            if (!lacking.isEmpty()) {
                return Optional.of("is the wheel " + artifact.reference() + ", whose tags do not fit the target ("
                        + Targets.describe(lacking) + ")");
            }
        }
        return Optional.empty();
    }
}
