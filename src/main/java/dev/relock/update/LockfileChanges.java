package dev.relock.update;

import dev.relock.name.PackageName;
import dev.relock.reqtxt.Lockfile;
import dev.relock.reqtxt.Pin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What changed in one lockfile between its old and new content.
 *
 * @param path the lockfile's path relative to the repository root, with {@code /}
 * @param changes package changes, sorted by name
 * @param textChanged whether the file's text differs at all (formatting alone counts)
 */
public record LockfileChanges(String path, List<PackageChange> changes, boolean textChanged) {
    public LockfileChanges {
        Objects.requireNonNull(path, "path");
        changes = List.copyOf(changes);
    }

    /** Compares two versions of a lockfile, pins of the unsafe trailer included. */
    public static LockfileChanges between(String path, Lockfile before, Lockfile after, boolean textChanged) {
        Map<String, Pin> old = index(before);
        Map<String, Pin> now = index(after);
        Map<String, String> names = new TreeMap<>();
        Stream.concat(old.entrySet().stream(), now.entrySet().stream())
                .forEach(e -> names.putIfAbsent(e.getKey(), display(e.getValue(), old, now)));
        List<PackageChange> changes = new ArrayList<>();
        names.forEach((key, name) -> {
            Optional<Pin> a = Optional.ofNullable(old.get(key));
            Optional<Pin> b = Optional.ofNullable(now.get(key));
            compare(name, a, b).ifPresent(changes::add);
        });
        return new LockfileChanges(path, changes, textChanged);
    }

    private static Optional<PackageChange> compare(String name, Optional<Pin> a, Optional<Pin> b) {
        if (a.isEmpty()) {
            return Optional.of(new PackageChange(name, ChangeKind.ADDED, Optional.empty(),
                    Optional.of(b.get().target()), UpdateType.NEW));
        }
        if (b.isEmpty()) {
            return Optional.of(new PackageChange(name, ChangeKind.REMOVED, Optional.of(a.get().target()),
                    Optional.empty(), UpdateType.REMOVED));
        }
        Pin before = a.get();
        Pin after = b.get();
        Optional<String> from = Optional.of(before.target());
        Optional<String> to = Optional.of(after.target());
        if (!before.target().equals(after.target())) {
            if (before.kind() == Pin.Kind.PINNED && after.kind() == Pin.Kind.PINNED) {
                UpdateType type = UpdateType.of(before.target(), after.target());
                boolean up = dev.relock.pep440.Version.tryParse(after.target())
                        .flatMap(v -> dev.relock.pep440.Version.tryParse(before.target()).map(o -> v.compareTo(o) > 0))
                        .orElse(true);
                return Optional.of(new PackageChange(name, up ? ChangeKind.UPGRADED : ChangeKind.DOWNGRADED,
                        from, to, type));
            }
            return Optional.of(new PackageChange(name, ChangeKind.CHANGED, from, to, UpdateType.OTHER));
        }
        if (!new java.util.TreeSet<>(before.hashes()).equals(new java.util.TreeSet<>(after.hashes()))) {
            return Optional.of(new PackageChange(name, ChangeKind.HASHES, from, to, UpdateType.OTHER));
        }
        return Optional.empty();
    }

    private static Map<String, Pin> index(Lockfile lockfile) {
        Map<String, Pin> out = new LinkedHashMap<>();
        Stream.concat(lockfile.pins().stream(), lockfile.trailer().stream().flatMap(t -> t.pins().stream()))
                .forEach(pin -> out.putIfAbsent(key(pin), pin));
        return out;
    }

    /**
     * The package's normalized name, with the pin's marker when it has one: a universal lock pins
     * some packages once per environment, each version under its own marker.
     */
    private static String key(Pin pin) {
        return nameKey(pin) + pin.marker().map(m -> " ; " + m).orElse("");
    }

    /** The name; with the marker when another pin of either lockfile has the same name. */
    private static String display(Pin pin, Map<String, Pin> old, Map<String, Pin> now) {
        String name = pin.name().isEmpty() ? pin.target() : pin.name();
        boolean ambiguous = pin.marker().isPresent() && Stream.concat(old.values().stream(), now.values().stream())
                .filter(p -> nameKey(p).equals(nameKey(pin))).map(LockfileChanges::key).distinct().count() > 1;
        return ambiguous ? name + " ; " + pin.marker().get() : name;
    }

    private static String nameKey(Pin pin) {
        return pin.name().isEmpty() ? pin.target() : PackageName.tryOf(pin.name()).map(PackageName::value)
                .orElse(pin.name());
    }

    /** Whether nothing changed at all. */
    public boolean isEmpty() {
        return changes.isEmpty() && !textChanged;
    }
}
