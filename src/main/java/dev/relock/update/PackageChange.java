package dev.relock.update;

import java.util.Objects;
import java.util.Optional;

/**
 * One package's change in one lockfile.
 *
 * @param name the package name as the lockfile prints it (normalized), or the URL for a nameless pin
 * @param kind what happened
 * @param from the old version (or URL); empty when added
 * @param to the new version (or URL); empty when removed
 * @param type the size of the change
 */
public record PackageChange(String name, ChangeKind kind, Optional<String> from, Optional<String> to, UpdateType type) {
    public PackageChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
    }

    /** {@code 1.0 → 2.0}, {@code → 2.0} when added, {@code 1.0 →} when removed. */
    public String fromTo() {
        if (from.isPresent() && to.isPresent() && from.equals(to)) {
            return from.get();
        }
        return from.orElse("") + " → " + to.orElse("");
    }
}
