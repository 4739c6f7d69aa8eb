package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.filename.WheelFilename;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
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
    private final Target target;

    private DirectPins(Map<PackageName, DirectArtifact> artifacts, Target target) {
        this.artifacts = artifacts;
        this.target = target;
    }

    /**
     * The artifacts of the root requirements whose marker holds for the target.
     *
     * @throws RelockException BAD_INPUT when one package is given two different references
     */
    static DirectPins of(List<RootRequirement> roots, MarkerEnvironment environment, Target target) {
        Map<PackageName, DirectArtifact> artifacts = new HashMap<>();
        Map<PackageName, String> sources = new HashMap<>();
        for (RootRequirement root : roots) {
            if (root.artifact().isEmpty() || !root.requirement().marker().evaluate(environment)) {
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
        return new DirectPins(artifacts, target);
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

    /** Why the artifact cannot be installed on the target, if it cannot. */
    Optional<String> incompatibility(PackageName name) {
        DirectArtifact artifact = artifacts.get(name);
        if (artifact.archive().isPresent() && artifact.archive().get() instanceof WheelFilename wheel
                && !wheel.isCompatible(target)) {
            return Optional.of("is the wheel " + artifact.reference() + ", whose tags do not fit the target ("
                    + target + ")");
        }
        return Optional.empty();
    }
}
