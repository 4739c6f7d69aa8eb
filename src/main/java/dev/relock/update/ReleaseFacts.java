package dev.relock.update;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.Optional;

/** Looks up {@link ReleaseInfo} for a release; empty when unknown. Never fails the update. */
@FunctionalInterface
public interface ReleaseFacts {
    /** Knows nothing (dry runs offline, unit tests). */
    ReleaseFacts NONE = (name, version) -> Optional.empty();

    Optional<ReleaseInfo> release(PackageName name, Version version);
}
