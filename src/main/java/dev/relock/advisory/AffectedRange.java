package dev.relock.advisory;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Versions of one PyPI package an advisory affects: one OSV {@code ECOSYSTEM} range (its events)
 * or one explicit {@code versions} list, compared with PEP 440 ordering.
 *
 * <p>Events are evaluated in version order, as the OSV schema describes: {@code introduced}
 * starts an affected stretch ({@code "0"} means from the first release, {@link Event#start()}),
 * {@code fixed} ends it before the fixed version, {@code last_affected} ends it after that version.
 * A version is affected when the last event at or below it left the stretch open.
 *
 * @param name the package
 * @param events the range's events; empty for an explicit list
 * @param versions versions listed explicitly as affected
 */
public record AffectedRange(PackageName name, List<Event> events, List<Version> versions) {

    /** What an event says. */
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED }

    /**
     * One range event.
     *
     * @param kind introduced, fixed or last_affected
     * @param version the version; empty only for {@code introduced: "0"} (from the very first release)
     */
    public record Event(Kind kind, Optional<Version> version) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(version, "version");
            if (version.isEmpty() && kind != Kind.INTRODUCED) {
                throw new IllegalArgumentException("only introduced may be \"0\"");
            }
        }

        /** {@code introduced: "0"}. */
        public static Event start() {
            return new Event(Kind.INTRODUCED, Optional.empty());
        }

        public static Event introduced(Version v) {
            return new Event(Kind.INTRODUCED, Optional.of(v));
        }

        public static Event fixed(Version v) {
            return new Event(Kind.FIXED, Optional.of(v));
        }

        public static Event lastAffected(Version v) {
            return new Event(Kind.LAST_AFFECTED, Optional.of(v));
        }
    }

    private static final Comparator<Event> ORDER = Comparator.comparing(
            (Event e) -> e.version().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

    public AffectedRange {
        Objects.requireNonNull(name, "name");
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        events = List.copyOf(sorted);
        versions = List.copyOf(versions);
    }

    /** A range of events. */
    public static AffectedRange of(PackageName name, List<Event> events) {
        return new AffectedRange(name, events, List.of());
    }

    /** An explicit list of affected versions. */
    public static AffectedRange listed(PackageName name, List<Version> versions) {
        return new AffectedRange(name, List.of(), versions);
    }

    /** Whether {@code version} of {@link #name()} is affected. */
    public boolean affects(Version version) {
        if (versions.contains(version)) {
            return true;
        }
        boolean affected = false;
        for (Event e : events) {
            boolean reached = e.version().map(v -> v.compareTo(version) <= 0).orElse(true);
            switch (e.kind()) {
                case INTRODUCED -> affected = reached || affected;
                case FIXED -> affected = affected && !reached;
                case LAST_AFFECTED -> affected = affected && e.version().get().compareTo(version) >= 0;
            }
        }
        return affected;
    }

    /** The {@code fixed} versions of this range, lowest first. */
    public List<Version> fixed() {
        return events.stream().filter(e -> e.kind() == Kind.FIXED).map(e -> e.version().orElseThrow()).toList();
    }
}
