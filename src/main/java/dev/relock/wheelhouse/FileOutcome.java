package dev.relock.wheelhouse;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one file of the wheelhouse in a run.
 *
 * @param entry the file as the manifest records it
 * @param action what the run did
 * @param replacedSha256 for {@link Action#REPLACED}, the SHA-256 of the wrong file that was there
 */
public record FileOutcome(WheelhouseManifest.Entry entry, Action action, Optional<String> replacedSha256) {
    public FileOutcome {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(replacedSha256, "replacedSha256");
        if ((action == Action.REPLACED) != replacedSha256.isPresent()) {
            throw new IllegalArgumentException("exactly a replaced file records the hash it replaced");
        }
    }
}
