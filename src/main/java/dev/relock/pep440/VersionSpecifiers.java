package dev.relock.pep440;

import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A comma-separated set of version specifiers that must all match, such as
 * {@code >=1.0,!=1.3.*,<2}; the empty set matches every version.
 *
 * <p>Pre-release policy follows packaging's {@code SpecifierSet}: an explicit choice (the
 * argument of {@link #contains(Version, Optional)} or {@link #filter}, else
 * {@link #withPrereleases}) wins; otherwise pre-releases are allowed when a specifier names one
 * ({@link VersionSpecifier#namesPrerelease()}); otherwise {@code contains} accepts matching
 * pre-releases while {@code filter} drops them unless nothing else matches.
 */
public final class VersionSpecifiers {
    /** The empty set: matches every version. */
    public static final VersionSpecifiers ANY = new VersionSpecifiers(List.of(), Optional.empty());

    private final List<VersionSpecifier> specifiers;
    private final Optional<Boolean> prereleases;
    private String text;

    private VersionSpecifiers(List<VersionSpecifier> specifiers, Optional<Boolean> prereleases) {
        this.specifiers = specifiers;
        this.prereleases = prereleases;
    }

    /**
     * Parses a comma-separated list of specifiers; empty items and surrounding whitespace are
     * ignored, so {@code ""} is {@link #ANY}.
     *
     * @throws VersionSpecifierParseException with the offset of the bad specifier within {@code text}
     */
    public static VersionSpecifiers parse(String text) {
        List<VersionSpecifier> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int comma = text.indexOf(',', start);
            int stop = comma < 0 ? n : comma;
            if (!isBlank(text, start, stop)) {
                out.add(VersionSpecifier.parse(text, start, stop, text));
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return out.isEmpty() ? ANY : new VersionSpecifiers(List.copyOf(out), Optional.empty());
    }

    /** The set of the given specifiers, in the given order. */
    public static VersionSpecifiers of(Collection<VersionSpecifier> specifiers) {
        return specifiers.isEmpty() ? ANY : new VersionSpecifiers(List.copyOf(specifiers), Optional.empty());
    }

    /** The set of the given specifiers, in the given order. */
    public static VersionSpecifiers of(VersionSpecifier... specifiers) {
        return of(List.of(specifiers));
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!VersionScanner.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The specifiers in the order given. */
    public List<VersionSpecifier> specifiers() {
        return specifiers;
    }

    /** Whether there are no specifiers, so every version matches. */
    public boolean isAny() {
        return specifiers.isEmpty();
    }

    /** The explicit pre-release choice of this set, if one was set with {@link #withPrereleases}. */
    public Optional<Boolean> prereleases() {
        return prereleases;
    }

    /** The same specifiers with an explicit pre-release choice (empty to remove it). */
    public VersionSpecifiers withPrereleases(Optional<Boolean> choice) {
        Objects.requireNonNull(choice, "choice");
        return new VersionSpecifiers(specifiers, choice);
    }

    /**
     * Both sets' specifiers. An explicit pre-release choice carries over from whichever side has one.
     *
     * @throws IllegalArgumentException if the sides have opposite explicit pre-release choices
     */
    public VersionSpecifiers and(VersionSpecifiers other) {
        if (prereleases.isPresent() && other.prereleases.isPresent() && !prereleases.equals(other.prereleases)) {
            throw new IllegalArgumentException("cannot combine specifier sets that allow and forbid pre-releases");
        }
        List<VersionSpecifier> all = new ArrayList<>(specifiers);
        all.addAll(other.specifiers);
        return new VersionSpecifiers(List.copyOf(all), prereleases.isPresent() ? prereleases : other.prereleases);
    }

    /** Whether any specifier opts in to pre-releases by naming one. */
    public boolean namesPrerelease() {
        for (VersionSpecifier s : specifiers) {
            if (s.namesPrerelease()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this set pins {@code version} exactly: it contains {@code version} and one of its
     * specifiers is {@code ==V} (not a wildcard) or {@code ===V}. PEP 592 lets installers use a
     * yanked version only when it is pinned this way.
     */
    public boolean pinsExactly(Version version) {
        return contains(version, Optional.of(Boolean.TRUE)) && specifiers.stream()
                .anyMatch(s -> s.operator() == Operator.EQUAL || s.operator() == Operator.ARBITRARY);
    }

    /** The pre-release choice in effect: the argument, else this set's, else true if a specifier names one. */
    private Optional<Boolean> effectivePrereleases(Optional<Boolean> choice) {
        if (choice.isPresent()) {
            return choice;
        }
        if (prereleases.isPresent()) {
            return prereleases;
        }
        return namesPrerelease() ? Optional.of(Boolean.TRUE) : Optional.empty();
    }

    /** {@link #contains(Version, Optional)} with no explicit pre-release choice. */
    public boolean contains(Version version) {
        return contains(version, Optional.empty());
    }

    /**
     * Whether {@code version} matches every specifier; a pre-release is rejected only when the
     * pre-release choice in effect is false.
     */
    public boolean contains(Version version, Optional<Boolean> prereleases) {
        if (version.isPrerelease() && effectivePrereleases(prereleases).equals(Optional.of(Boolean.FALSE))) {
            return false;
        }
        for (VersionSpecifier s : specifiers) {
            if (!s.contains(version)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #filter(Collection, Optional)} with no explicit pre-release choice. */
    public List<Version> filter(Collection<Version> versions) {
        return filter(versions, Optional.empty());
    }

    /**
     * The matching versions, in the given order. With no pre-release choice in effect,
     * pre-releases are dropped unless no final or post-release matches, in which case the
     * matching pre-releases are returned.
     */
    public List<Version> filter(Collection<Version> versions, Optional<Boolean> prereleases) {
        return filter(versions, Function.identity(), prereleases);
    }

    /** Like {@link #filter(Collection, Optional)} for items that carry a version. */
    public <T> List<T> filter(Collection<T> items, Function<? super T, Version> versionOf,
            Optional<Boolean> prereleases) {
        return filterItems(items, item -> versionOf.apply(item), item -> versionOf.apply(item).toString(),
                prereleases);
    }

    /**
     * Like {@link #filter(Collection, Optional)} for versions given as text, as packaging filters
     * strings: {@code ===} compares the text as given, text that is not a version matches only
     * {@code ===} (and is kept by an empty set), and such text is never treated as a pre-release.
     */
    public List<String> filterStrings(Collection<String> texts, Optional<Boolean> prereleases) {
        return filterItems(texts, text -> Version.tryParse(text).orElse(null), Function.identity(), prereleases);
    }

    private <T> List<T> filterItems(Collection<T> items, Function<T, Version> parse, Function<T, String> textOf,
            Optional<Boolean> choice) {
        Optional<Boolean> effective = effectivePrereleases(choice);
        boolean excludePre = effective.equals(Optional.of(Boolean.FALSE));
        List<T> matched = new ArrayList<>();
        List<Version> parsed = new ArrayList<>();
        boolean anyFinal = false;
        for (T item : items) {
            Version v = parse.apply(item);
            if (v == null) {
                if (matchesUnparsed(textOf.apply(item))) {
                    matched.add(item);
                    parsed.add(null);
                }
                continue;
            }
            if (excludePre && v.isPrerelease()) {
                continue;
            }
            if (matchesParsed(v, item, textOf)) {
                matched.add(item);
                parsed.add(v);
                anyFinal |= !v.isPrerelease();
            }
        }
        if (effective.isPresent() || !anyFinal) {
            return matched;
        }
        List<T> out = new ArrayList<>(matched.size());
        for (int i = 0; i < matched.size(); i++) {
            Version v = parsed.get(i);
            if (v == null || !v.isPrerelease()) {
                out.add(matched.get(i));
            }
        }
        return out;
    }

    private <T> boolean matchesParsed(Version v, T item, Function<T, String> textOf) {
        for (VersionSpecifier s : specifiers) {
            boolean ok = s.operator() == Operator.ARBITRARY ? s.sameText(textOf.apply(item)) : s.contains(v);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesUnparsed(String text) {
        for (VersionSpecifier s : specifiers) {
            if (!s.sameText(text)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The versions every specifier contains, as intervals (see {@link VersionSpecifier#toRanges()});
     * pre-release policy is not applied.
     */
    public Ranges<Version> toRanges() {
        Ranges<Version> result = Ranges.full();
        for (VersionSpecifier s : specifiers) {
            result = result.intersection(s.toRanges());
        }
        return result;
    }

    /** Whether some version (or, for {@code ===}, some text) can satisfy every specifier. */
    public boolean isSatisfiable() {
        return !isUnsatisfiable();
    }

    /**
     * Whether no version at all can satisfy every specifier, taking into account that versions
     * are discrete where PEP 440 makes them so ({@code >1.0a1,<1.0a2.dev0} and {@code <0} are
     * unsatisfiable), {@code ===} text matching, and an explicit pre-release choice of false.
     */
    public boolean isUnsatisfiable() {
        if (specifiers.isEmpty()) {
            return false;
        }
        Ranges<Version> ranges = Ranges.full();
        List<VersionSpecifier> arbitrary = new ArrayList<>();
        List<VersionSpecifier> standard = new ArrayList<>();
        for (VersionSpecifier s : specifiers) {
            if (s.operator() == Operator.ARBITRARY) {
                arbitrary.add(s);
            } else {
                standard.add(s);
                ranges = ranges.intersection(s.toRanges());
            }
        }
        boolean excludePre = effectivePrereleases(Optional.empty()).equals(Optional.of(Boolean.FALSE));
        boolean any = false;
        for (Ranges.Segment<Version> segment : ranges.segments()) {
            if (holdsVersion(segment, excludePre)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return true;
        }
        if (arbitrary.isEmpty()) {
            return false;
        }
        VersionSpecifier first = arbitrary.get(0);
        for (VersionSpecifier s : arbitrary) {
            if (!s.sameText(first.versionText())) {
                return true;
            }
        }
        Optional<Version> candidate = first.version();
        if (excludePre && candidate.isPresent() && candidate.get().isPrerelease()) {
            return true;
        }
        if (standard.isEmpty()) {
            return false;
        }
        if (candidate.isEmpty()) {
            return true;
        }
        for (VersionSpecifier s : standard) {
            if (!s.contains(candidate.get())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a real version (a final or post-release one when {@code finalOnly}) lies in the segment. */
    private static boolean holdsVersion(Ranges.Segment<Version> segment, boolean finalOnly) {
        Bound<Version> lower = segment.lower();
        Optional<Version> least;
        Version from;
        if (lower instanceof Bound.Included<Version> inc && !inc.value().isBoundary()) {
            from = inc.value();
            least = Optional.of(finalOnly ? leastFinalAtOrAbove(from) : from);
        } else if (lower instanceof Bound.Unbounded<Version>) {
            from = null;
            least = Optional.of(finalOnly ? Version.of(0) : Version.MIN);
        } else {
            from = lower instanceof Bound.Included<Version> inc ? inc.value() : ((Bound.Excluded<Version>) lower).value();
            least = finalOnly ? leastFinalAbove(from) : from.leastVersionAbove();
        }
        Bound<Version> upper = segment.upper();
        if (least.isEmpty()) {
            // Real versions come arbitrarily close above `from`: any room at all holds one.
            return upper.isUnbounded() || from.compareTo(boundValue(upper)) < 0;
        }
        if (upper instanceof Bound.Included<Version> inc) {
            return least.get().compareTo(inc.value()) <= 0;
        }
        if (upper instanceof Bound.Excluded<Version> exc) {
            return least.get().compareTo(exc.value()) < 0;
        }
        return true;
    }

    private static Version boundValue(Bound<Version> bound) {
        return bound instanceof Bound.Included<Version> inc ? inc.value() : ((Bound.Excluded<Version>) bound).value();
    }

    /** Least non-pre-release at or above a real version. */
    private static Version leastFinalAtOrAbove(Version v) {
        return v.isPrerelease() ? v.stripPreAndDev() : v;
    }

    /** Least non-pre-release strictly above a point, or empty when they come arbitrarily close. */
    private static Optional<Version> leastFinalAbove(Version point) {
        if (!point.isBoundary()) {
            return point.isPrerelease() ? Optional.of(point.stripPreAndDev()) : Optional.empty();
        }
        return point.leastFinalAboveBoundary();
    }

    /**
     * Equal when both hold the same specifiers regardless of order and duplicates (compared as in
     * {@link #toString()}); the explicit pre-release choice is ignored, as in packaging.
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof VersionSpecifiers other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The normalized specifiers, sorted and without duplicates, joined by {@code ,} (empty for {@link #ANY}). */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            TreeSet<String> sorted = new TreeSet<>();
            for (VersionSpecifier s : specifiers) {
                sorted.add(s.toString());
            }
            t = String.join(",", sorted);
            text = t;
        }
        return t;
    }
}
