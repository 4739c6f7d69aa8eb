package dev.relock.update;

import dev.relock.advisory.Advisory;
import dev.relock.advisory.AdvisorySource;
import dev.relock.advisory.Pin;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.LockfileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The known vulnerabilities an update fixes and those still open after it, from an
 * {@link AdvisorySource} asked about the pins before and after.
 *
 * @param fixed each advisory that affected a pin before and no longer affects it
 * @param open each advisory affecting a pin after the update
 * @param pastCutoff packages whose fix was taken past the {@code --exclude-newer} cut-off (the cooldown)
 * @param unresolvable packages whose fixing versions do not resolve with the other pins, with the
 *     resolver's first line ({@code --security-only} leaves them as they are)
 */
public record SecurityReport(List<Fixed> fixed, List<Open> open, Set<PackageName> pastCutoff,
        Map<PackageName, String> unresolvable) {
    /**
     * An advisory the update fixes.
     *
     * @param path the lockfile
     * @param name the package
     * @param from the affected version
     * @param to the version now pinned; empty when the package is no longer pinned at all
     * @param advisory the advisory
     */
    public record Fixed(String path, PackageName name, Version from, Optional<Version> to, Advisory advisory) {
        public Fixed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(advisory, "advisory");
        }
    }

    /**
     * An advisory still affecting a pin after the update.
     *
     * @param path the lockfile
     * @param name the package
     * @param version the pinned version
     * @param advisory the advisory
     * @param introduced whether the update brought it in (the pin before was not affected by it)
     */
    public record Open(String path, PackageName name, Version version, Advisory advisory, boolean introduced) {
        public Open {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(advisory, "advisory");
        }

        /** The lowest fixed version above the pin, if the advisory names one. */
        public Optional<Version> lowestFix() {
            return advisory.fixesFor(name, version).stream().findFirst();
        }
    }

    public SecurityReport {
        fixed = List.copyOf(fixed);
        open = List.copyOf(open);
        pastCutoff = Set.copyOf(pastCutoff);
        unresolvable = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unresolvable));
    }

    /** Whether the update brought in an advisory that the pins before did not have. */
    public boolean introducesAny() {
        return open.stream().anyMatch(Open::introduced);
    }

    /** The advisories this update fixes in {@code path} for {@code name}. */
    List<Advisory> fixes(String path, String name) {
        return fixed.stream().filter(f -> f.path().equals(path) && f.name().toString().equals(name))
                .map(Fixed::advisory).toList();
    }

    /** Asks {@code source} about the pins of every lockfile before and after. */
    static SecurityReport of(List<FileUpdate> files, AdvisorySource source, Set<PackageName> pastCutoff,
            Map<PackageName, String> unresolvable) {
        Map<String, Map<PackageName, Version>> before = new LinkedHashMap<>();
        Map<String, Map<PackageName, Version>> after = new LinkedHashMap<>();
        for (FileUpdate f : files) {
            Path file = f.job().lockfile();
            before.put(f.path(), f.before().isEmpty() ? Map.of() : pins(LockfileReader.read(f.before(), file)));
            after.put(f.path(), pins(f.explanation().lockfile()));
        }
        Map<Pin, List<Advisory>> known = source.query(Stream.concat(before.values().stream(), after.values().stream())
                .flatMap(m -> m.entrySet().stream()).map(e -> new Pin(e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        List<Fixed> fixed = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        for (String path : before.keySet()) {
            Map<PackageName, Version> old = before.get(path);
            Map<PackageName, Version> now = after.get(path);
            old.forEach((name, version) -> {
                Optional<Version> to = Optional.ofNullable(now.get(name));
                Set<String> still = to.map(v -> ids(known, name, v)).orElse(Set.of());
                for (Advisory a : affecting(known, name, version)) {
                    if (!still.contains(a.id())) {
                        fixed.add(new Fixed(path, name, version, to, a));
                    }
                }
            });
            now.forEach((name, version) -> {
                Set<String> had = Optional.ofNullable(old.get(name)).map(v -> ids(known, name, v)).orElse(Set.of());
                for (Advisory a : affecting(known, name, version)) {
                    open.add(new Open(path, name, version, a, !had.contains(a.id())));
                }
            });
        }
        return new SecurityReport(fixed, open, pastCutoff, unresolvable);
    }

    /** The exact pins of a lockfile (the unsafe trailer's too), by name. */
    static Map<PackageName, Version> pins(Lockfile lockfile) {
        Map<PackageName, Version> out = new LinkedHashMap<>();
        Stream.concat(lockfile.pins().stream(), lockfile.trailer().stream().flatMap(t -> t.pins().stream()))
                .filter(p -> p.kind() == dev.relock.reqtxt.Pin.Kind.PINNED)
                .forEach(p -> PackageName.tryOf(p.name()).ifPresent(name -> Version.tryParse(p.target())
                        .ifPresent(v -> out.putIfAbsent(name, v))));
        return out;
    }

    /** The advisories of {@code name==version} in {@code known}. */
    static List<Advisory> affecting(Map<Pin, List<Advisory>> known, PackageName name, Version version) {
        return known.getOrDefault(new Pin(name, version), List.of()).stream()
                .filter(a -> !a.isWithdrawn() && a.affects(name, version)).toList();
    }

    private static Set<String> ids(Map<Pin, List<Advisory>> known, PackageName name, Version version) {
        Set<String> out = new LinkedHashSet<>();
        affecting(known, name, version).forEach(a -> out.add(a.id()));
        return out;
    }
}
