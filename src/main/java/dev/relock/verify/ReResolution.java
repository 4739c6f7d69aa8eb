package dev.relock.verify;

import dev.relock.resolve.Resolution;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving the {@code .in} afresh with the lock's pins as preferences
 * ({@code --strict}): the resolution, or why there is none.
 *
 * @param resolution the versions the resolver chose
 * @param failure the first line of the resolver's explanation when the input has no solution
 */
public record ReResolution(Optional<Resolution> resolution, String failure) {
    public ReResolution {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(failure, "failure");
        if (resolution.isPresent() != failure.isEmpty()) {
            throw new IllegalArgumentException("either a resolution or a failure");
        }
    }
}
