package dev.relock.verify;

import dev.relock.filename.DistFilename;
import dev.relock.filename.SdistFilename;
import dev.relock.filename.WheelFilename;
import dev.relock.name.ExtraName;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.tags.Target;
import java.util.Set;

/** Marker evaluation and file compatibility for one target. */
final class TargetEnvironment {
    private final Target target;
    private final MarkerEnvironment env;

    TargetEnvironment(Target target) {
        this.target = target;
        this.env = MarkerEnvironment.fromMap(target.markerValues());
    }

    Target target() {
        return target;
    }

    /**
     * Whether {@code marker} holds on the target, with no extra or with one of {@code extras}
     * requested (pip installs the base dependencies too whenever extras are requested). A marker
     * that cannot be evaluated counts as holding, so that nothing is silently left unchecked.
     */
    boolean applies(MarkerTree marker, Set<ExtraName> extras) {
        try {
            return marker.evaluate(env) || (!extras.isEmpty() && marker.evaluate(env, extras));
        } catch (RuntimeException unevaluable) {
            return true;
        }
    }

    boolean applies(MarkerTree marker) {
        return applies(marker, Set.of());
    }

    /** A wheel whose tags the target supports, or an sdist (pip builds it). */
    boolean installable(DistFilename file) {
        return file instanceof SdistFilename || (file instanceof WheelFilename w && w.isCompatible(target));
    }

    /** A wheel whose tags the target supports. */
    boolean hasWheel(DistFilename file) {
        return file instanceof WheelFilename w && w.isCompatible(target);
    }
}
