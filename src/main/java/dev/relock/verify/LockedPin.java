package dev.relock.verify;

import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Operator;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifier;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.RequirementEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lockfile requirement that pins one exact version ({@code name==version} or
 * {@code name===version} with a valid version).
 *
 * @param entry the requirement line as pip reads it
 * @param name the package
 * @param version the pinned version
 * @param extras the extras the pin installs
 */
public record LockedPin(RequirementEntry entry, PackageName name, Version version, Set<ExtraName> extras) {

    public LockedPin {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        extras = Set.copyOf(extras);
    }

    /** The exact pin {@code entry} makes, if it makes one. */
    public static Optional<LockedPin> of(RequirementEntry entry) {
        if (entry.requirement().isEmpty()) {
            return Optional.empty();
        }
        Requirement r = entry.requirement().get();
        List<VersionSpecifier> specs = r.specifiers().specifiers();
        if (r.url().isPresent() || specs.size() != 1) {
            return Optional.empty();
        }
        VersionSpecifier spec = specs.get(0);
        if (spec.operator() != Operator.EQUAL && spec.operator() != Operator.ARBITRARY) {
            return Optional.empty();
        }
        return spec.version().map(v -> new LockedPin(entry, r.name(), v, Set.copyOf(r.extras())));
    }

    /** 1-based line of the requirement in the lockfile. */
    public int line() {
        return entry.location().line();
    }

    /** {@code name==version}, for messages. */
    public String display() {
        return name + "==" + version;
    }
}
