package dev.relock.pep508;

import dev.relock.pep440.Version;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import dev.relock.ranges.Ranges.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one comparison as a set of values of one {@link MarkerKey}, and negates comparisons.
 *
 * <p>Version comparisons with a plain release ({@code 3.11}, {@code 3.11.2}; no epoch, pre, post,
 * dev or local part) become version intervals: {@code python_version} compares the X.Y prefix of
 * the interpreter version, so it is mapped onto {@code python_full_version} ({@code
 * python_version <= "3.11"} is {@code python_full_version < "3.12"}). String comparisons become
 * value sets ({@code <} and {@code >} on strings are always false in packaging). Everything else
 * ({@code in}, {@code ~=} and {@code ===} on strings, versions with pre-release parts, reversed
 * wildcards, ...) is an opaque comparison: an independent yes/no variable whose negation is the
 * comparison with the complementary operator.
 */
final class MarkerAtoms {
    private static final Pattern CANONICAL_MINOR = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
    private static final Pattern CANONICAL_MICRO =
            Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
    private static final Version ZERO = Version.of(0);
    private static final MarkerValueSet OPAQUE_TRUE = MarkerValueSet.Strings.of("true");

    private MarkerAtoms() {
    }

    /** A comparison read as "the value of {@code key} lies in {@code set}". */
    record Atom(MarkerKey key, MarkerValueSet set) {
    }

    static Atom of(MarkerExpression e) {
        MarkerVariable variable = e.variable();
        MarkerOperator op = e.operator();
        if (variable.isVersionLike()) {
            if (op == MarkerOperator.IN || op == MarkerOperator.NOT_IN) {
                return opaque(e);
            }
            if (e.variableOnLeft() && !isVersionSpecifier(op, e.value())) {
                // packaging falls back to string comparison, where < and > are always false.
                return op == MarkerOperator.LESS || op == MarkerOperator.GREATER
                        ? new Atom(MarkerKey.variable(variable), new MarkerValueSet.Versions(Ranges.empty()))
                        : opaque(e);
            }
            return versionAtom(e).orElseGet(() -> opaque(e));
        }
        MarkerKey key = MarkerKey.variable(variable);
        MarkerValueSet.Strings one = MarkerValueSet.Strings.of(e.value());
        return switch (op) {
            case EQUAL, LESS_EQUAL, GREATER_EQUAL -> new Atom(key, one);
            case NOT_EQUAL -> new Atom(key, one.not());
            case LESS, GREATER -> new Atom(key, one.and(one.not()));
            case IN, NOT_IN, COMPATIBLE, ARBITRARY_EQUAL -> opaque(e);
        };
    }

    private static boolean isVersionSpecifier(MarkerOperator op, String value) {
        return VersionComparison.specifier(op.symbol() + value).isPresent();
    }

    private static Optional<Atom> versionAtom(MarkerExpression e) {
        MarkerVariable variable = e.variable();
        MarkerOperator op = e.operator();
        String text = e.value().strip();
        if (op == MarkerOperator.ARBITRARY_EQUAL) {
            if (!e.variableOnLeft()) {
                return Optional.empty();
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (variable == MarkerVariable.PYTHON_VERSION && CANONICAL_MINOR.matcher(lower).matches()
                    || variable == MarkerVariable.PYTHON_FULL_VERSION && CANONICAL_MICRO.matcher(lower).matches()) {
                op = MarkerOperator.EQUAL;
            } else {
                return Optional.empty();
            }
        }
        boolean wildcard = text.endsWith(".*");
        if (wildcard) {
            if (!e.variableOnLeft()) {
                return Optional.empty();
            }
            text = text.substring(0, text.length() - 2);
        }
        Optional<Version> parsed = Version.tryParse(text);
        if (parsed.isEmpty() || !isPlain(parsed.get())) {
            return Optional.empty();
        }
        if (!e.variableOnLeft()) {
            if (op == MarkerOperator.COMPATIBLE) {
                return Optional.empty();
            }
            op = mirror(op);
        }
        List<Long> release = parsed.get().release();
        Version v = plain(release);
        Ranges<Version> ranges = switch (op) {
            case EQUAL -> wildcard ? Ranges.between(v, increment(release)) : Ranges.singleton(v);
            case NOT_EQUAL -> (wildcard ? Ranges.between(v, increment(release)) : Ranges.singleton(v)).complement();
            case COMPATIBLE -> Ranges.between(v, increment(release.subList(0, release.size() - 1)));
            case LESS -> Ranges.lessThan(v);
            case LESS_EQUAL -> Ranges.atMost(v);
            case GREATER -> Ranges.greaterThan(v);
            case GREATER_EQUAL -> Ranges.atLeast(v);
            case ARBITRARY_EQUAL, IN, NOT_IN -> throw new IllegalStateException("handled above: " + op);
        };
        if (variable == MarkerVariable.PYTHON_VERSION) {
            ranges = minorPreimage(ranges);
        }
        return Optional.of(new Atom(MarkerKey.variable(variable), new MarkerValueSet.Versions(fromZero(ranges))));
    }

    /** {@code a op x} read as {@code x op' a}. */
    private static MarkerOperator mirror(MarkerOperator op) {
        return switch (op) {
            case LESS -> MarkerOperator.GREATER;
            case LESS_EQUAL -> MarkerOperator.GREATER_EQUAL;
            case GREATER -> MarkerOperator.LESS;
            case GREATER_EQUAL -> MarkerOperator.LESS_EQUAL;
            default -> op;
        };
    }

    static boolean isPlain(Version v) {
        return v.epoch() == 0 && v.pre().isEmpty() && v.post().isEmpty() && v.dev().isEmpty() && !v.isLocal()
                && !v.isBoundary();
    }

    /** The final release with these numbers, trailing zeros dropped (at least one number kept). */
    static Version plain(List<Long> release) {
        int n = release.size();
        while (n > 1 && release.get(n - 1) == 0) {
            n--;
        }
        long[] numbers = new long[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = release.get(i);
        }
        return Version.of(numbers);
    }

    /** The release after every release starting with {@code prefix}: the last number plus one. */
    private static Version increment(List<Long> prefix) {
        List<Long> next = new ArrayList<>(prefix);
        next.set(next.size() - 1, next.get(next.size() - 1) + 1);
        return plain(next);
    }

    /** Whether {@code v} (a plain release) starts a minor series: at most two numbers. */
    static boolean isMinorBoundary(Version v) {
        return plain(v.release()).releaseLength() <= 2;
    }

    static Version nextMinor(Version v) {
        return plain(List.of(v.major(), v.minor() + 1));
    }

    /**
     * The interpreter versions whose X.Y prefix lies in {@code prefixes}: each end moves to the
     * minor boundary that keeps exactly the X.Y versions the end admits.
     */
    private static Ranges<Version> minorPreimage(Ranges<Version> prefixes) {
        List<Segment<Version>> out = new ArrayList<>();
        for (Segment<Version> s : prefixes.segments()) {
            Bound<Version> lower = s.lower();
            if (lower instanceof Bound.Included<Version> l) {
                lower = Bound.included(isMinorBoundary(l.value()) ? l.value() : nextMinor(l.value()));
            } else if (lower instanceof Bound.Excluded<Version> l) {
                lower = Bound.included(nextMinor(l.value()));
            }
            Bound<Version> upper = s.upper();
            if (upper instanceof Bound.Excluded<Version> u) {
                upper = Bound.excluded(isMinorBoundary(u.value()) ? u.value() : nextMinor(u.value()));
            } else if (upper instanceof Bound.Included<Version> u) {
                upper = Bound.excluded(nextMinor(u.value()));
            }
            out.add(new Segment<>(lower, upper));
        }
        return Ranges.ofSegments(out);
    }

    /**
     * {@code ranges} limited to real releases (0 and above), with a lower end at 0 written as no
     * lower end, so that "every release" is the full set.
     */
    static Ranges<Version> fromZero(Ranges<Version> ranges) {
        Ranges<Version> limited = ranges.intersection(Ranges.atLeast(ZERO));
        List<Segment<Version>> out = new ArrayList<>();
        for (Segment<Version> s : limited.segments()) {
            boolean atZero = s.lower() instanceof Bound.Included<Version> l && l.value().equals(ZERO);
            out.add(atZero ? new Segment<>(Bound.unbounded(), s.upper()) : s);
        }
        return Ranges.ofSegments(out);
    }

    private static Atom opaque(MarkerExpression e) {
        MarkerOperator positive = switch (e.operator()) {
            case NOT_EQUAL -> MarkerOperator.EQUAL;
            case NOT_IN -> MarkerOperator.IN;
            case GREATER_EQUAL -> MarkerOperator.LESS;
            case GREATER -> MarkerOperator.LESS_EQUAL;
            default -> e.operator();
        };
        MarkerExpression key = new MarkerExpression(e.variable(), positive, e.value(), e.variableOnLeft());
        return new Atom(MarkerKey.opaque(key), positive == e.operator() ? OPAQUE_TRUE : OPAQUE_TRUE.not());
    }

    /** Whether {@code set} is the "holds" side of an opaque key. */
    static boolean isOpaqueTrue(MarkerValueSet set) {
        return set.equals(OPAQUE_TRUE);
    }

    /**
     * The comparison(s) that hold exactly where {@code e} does not, under the algebra's model (see
     * {@link MarkerTree}). {@code ~=} on a version becomes {@code < V or != P.*}; a {@code ~=} or
     * {@code ===} on a string, which packaging cannot evaluate at all, negates to itself.
     */
    static MarkerNode negate(MarkerExpression e) {
        MarkerOperator op = e.operator();
        MarkerOperator negated = switch (op) {
            case EQUAL -> MarkerOperator.NOT_EQUAL;
            case NOT_EQUAL -> MarkerOperator.EQUAL;
            case ARBITRARY_EQUAL -> MarkerOperator.NOT_EQUAL;
            case IN -> MarkerOperator.NOT_IN;
            case NOT_IN -> MarkerOperator.IN;
            case LESS -> MarkerOperator.GREATER_EQUAL;
            case GREATER_EQUAL -> MarkerOperator.LESS;
            case LESS_EQUAL -> MarkerOperator.GREATER;
            case GREATER -> MarkerOperator.LESS_EQUAL;
            case COMPATIBLE -> null;
        };
        if (negated != null) {
            return new MarkerExpression(e.variable(), negated, e.value(), e.variableOnLeft());
        }
        if (e.variable().isVersionLike() && e.variableOnLeft() && isVersionSpecifier(op, e.value())) {
            Version v = Version.parse(e.value().strip());
            List<Long> release = v.release();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < release.size() - 1; i++) {
                prefix.append(i == 0 ? "" : ".").append(release.get(i));
            }
            return new MarkerNode.Junction(true, List.of(
                    new MarkerExpression(e.variable(), MarkerOperator.LESS, e.value(), true),
                    new MarkerExpression(e.variable(), MarkerOperator.NOT_EQUAL, prefix + ".*", true)), false);
        }
        return e;
    }
}
