package dev.relock.pep440;

import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One PEP 440 version specifier such as {@code >=1.2}, {@code ==1.4.*}, {@code ~=2.2.post3} or
 * {@code ===foobar}.
 *
 * <p>{@link #contains(Version)} answers whether a version matches, ignoring pre-release
 * <em>policy</em> (whether pre-releases should be chosen at all is decided by
 * {@link VersionSpecifiers} or the resolver), but applying the exclusions PEP 440 builds into
 * the operators: {@code <V} rejects pre-releases of V unless V is one, {@code >V} rejects
 * post-releases of V unless V is one and rejects V's local versions, {@code ==V} and {@code !=V}
 * ignore the candidate's local label when V has none, and {@code .*} matches release prefixes
 * with zero padding.
 *
 * <p>{@code ===} keeps its text as written (see {@link #versionText()}); it matches by
 * case-insensitive string comparison with the candidate's text, and {@link #version()} is empty
 * when that text is not a PEP 440 version.
 */
public final class VersionSpecifier {
    private final Operator operator;
    /** Null only for {@code ===} with text that is not a version. */
    private final Version version;
    /** The raw text of {@code ===}; empty for other operators. */
    private final String arbitrary;
    /** Lower end used by contains (meaning depends on the operator); may be null. */
    private final Version lower;
    /** Upper end used by contains (meaning depends on the operator); may be null. */
    private final Version upper;

    private VersionSpecifier(Operator operator, Version version, String arbitrary) {
        this.operator = operator;
        this.version = version;
        this.arbitrary = arbitrary;
        Version lo = null;
        Version hi = null;
        switch (operator) {
            case EQUAL, NOT_EQUAL -> {
                lo = version;
                hi = version.isLocal() ? version : version.afterLocals();
            }
            case EQUAL_STAR, NOT_EQUAL_STAR -> {
                lo = version.releaseDev0();
                hi = version.nextPrefixDev0();
            }
            case TILDE_EQUAL -> {
                lo = version;
                hi = version.dropLastReleaseNumber().nextPrefixDev0();
            }
            case LESS_THAN -> hi = version.isPrerelease() ? version : version.withDev0();
            case LESS_THAN_EQUAL -> hi = version.afterLocals();
            case GREATER_THAN -> lo = version.isPostrelease() || version.isDevrelease()
                    ? version.afterLocals() : version.afterPosts();
            case GREATER_THAN_EQUAL -> lo = version;
            case ARBITRARY -> { }
            default -> throw new IllegalStateException(operator.name());
        }
        this.lower = lo;
        this.upper = hi;
    }

    /**
     * A specifier with an ordinary operator (not {@link Operator#ARBITRARY}). For the wildcard
     * operators, {@code version} is the prefix ({@code 1.2} for {@code ==1.2.*}).
     *
     * @throws IllegalArgumentException if the combination is not allowed by PEP 440 (a local
     *     label with an ordering operator, {@code ~=} with a single release number, a wildcard
     *     prefix with pre, post, dev or local parts) or {@code version} is a boundary
     */
    public static VersionSpecifier of(Operator operator, Version version) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(version, "version");
        if (operator == Operator.ARBITRARY) {
            throw new IllegalArgumentException("use VersionSpecifier.arbitrary(text) for ===");
        }
        String problem = problem(operator, version);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + operator.symbol() + version);
        }
        return new VersionSpecifier(operator, version, "");
    }

    /**
     * An {@code ===} specifier matching {@code text} case-insensitively.
     *
     * @throws IllegalArgumentException if {@code text} is empty or holds whitespace, {@code ;} or {@code )}
     */
    public static VersionSpecifier arbitrary(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || badArbitraryChar(text, 0, text.length()) >= 0) {
            throw new IllegalArgumentException("=== needs a non-empty text without whitespace, ';' or ')': " + text);
        }
        return new VersionSpecifier(Operator.ARBITRARY, Version.tryParse(text).orElse(null), text);
    }

    /**
     * Parses one specifier, for example {@code ">= 1.0"}; surrounding whitespace is allowed.
     *
     * @throws VersionSpecifierParseException with the offset of the bad part
     */
    public static VersionSpecifier parse(String text) {
        return parse(text, 0, text.length(), text);
    }

    /** Parses {@code whole[start, end)}; error offsets are relative to {@code whole}. */
    static VersionSpecifier parse(String whole, int start, int end, String reported) {
        int i = start;
        while (i < end && VersionScanner.isWhitespace(whole.charAt(i))) {
            i++;
        }
        int stop = end;
        while (stop > i && VersionScanner.isWhitespace(whole.charAt(stop - 1))) {
            stop--;
        }
        Operator op;
        int opLength;
        if (whole.startsWith("===", i)) {
            op = Operator.ARBITRARY;
            opLength = 3;
        } else if (whole.startsWith("~=", i)) {
            op = Operator.TILDE_EQUAL;
            opLength = 2;
        } else if (whole.startsWith("==", i)) {
            op = Operator.EQUAL;
            opLength = 2;
        } else if (whole.startsWith("!=", i)) {
            op = Operator.NOT_EQUAL;
            opLength = 2;
        } else if (whole.startsWith("<=", i)) {
            op = Operator.LESS_THAN_EQUAL;
            opLength = 2;
        } else if (whole.startsWith(">=", i)) {
            op = Operator.GREATER_THAN_EQUAL;
            opLength = 2;
        } else if (whole.startsWith("<", i)) {
            op = Operator.LESS_THAN;
            opLength = 1;
        } else if (whole.startsWith(">", i)) {
            op = Operator.GREATER_THAN;
            opLength = 1;
        } else {
            throw error(reported, i, stop, i == stop ? "expected a version specifier"
                    : "expected an operator (==, !=, <=, >=, <, >, ~=, ===)");
        }
        int v = i + opLength;
        while (v < stop && VersionScanner.isWhitespace(whole.charAt(v))) {
            v++;
        }
        if (v == stop) {
            throw error(reported, v, v, "expected a version after '" + op.symbol() + "'");
        }
        if (op == Operator.ARBITRARY) {
            int bad = badArbitraryChar(whole, v, stop);
            if (bad >= 0) {
                throw error(reported, bad, bad + 1, "unexpected character '" + whole.charAt(bad) + "'");
            }
            String text = whole.substring(v, stop);
            return new VersionSpecifier(op, Version.tryParse(text).orElse(null), text);
        }
        VersionScanner scanner = new VersionScanner(whole, v, stop);
        Version version = scanner.scanSpecifierVersion(op == Operator.EQUAL || op == Operator.NOT_EQUAL);
        if (version == null) {
            String reason = scanner.errorReason();
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL && whole.startsWith(".*", scanner.errorOffset())) {
                reason = "'.*' is only allowed with == and !=";
            }
            throw error(reported, scanner.errorOffset(), scanner.errorOffset() + scanner.errorLength(), reason);
        }
        if (scanner.wildcard) {
            op = op == Operator.EQUAL ? Operator.EQUAL_STAR : Operator.NOT_EQUAL_STAR;
        }
        String problem = problem(op, version);
        if (problem != null) {
            int at = scanner.localOffset >= 0 ? scanner.localOffset : v;
            throw error(reported, at, stop, problem);
        }
        return new VersionSpecifier(op, version, "");
    }

    private static String problem(Operator op, Version version) {
        if (version.isBoundary()) {
            return "boundary versions cannot be used in a specifier";
        }
        if (op.isWildcard() && (version.isPrerelease() || version.isPostrelease() || version.isLocal())) {
            return "'.*' must follow the release numbers directly";
        }
        if (version.isLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            return "local version labels are only allowed with == and !=";
        }
        if (op == Operator.TILDE_EQUAL && version.releaseLength() < 2) {
            return "~= needs a release with at least two numbers";
        }
        return null;
    }

    private static int badArbitraryChar(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == ';' || c == ')' || VersionScanner.isWhitespace(c)) {
                return k;
            }
        }
        return -1;
    }

    private static VersionSpecifierParseException error(String input, int from, int to, String reason) {
        return new VersionSpecifierParseException(input, from, Math.max(0, to - from), reason);
    }

    /** The operator; {@link Operator#EQUAL_STAR} and {@link Operator#NOT_EQUAL_STAR} for {@code .*} forms. */
    public Operator operator() {
        return operator;
    }

    /**
     * The version compared against (the prefix for {@code .*} forms). Always present except for an
     * {@code ===} whose text is not a PEP 440 version.
     */
    public Optional<Version> version() {
        return Optional.ofNullable(version);
    }

    /**
     * The part after the operator as {@link #toString()} prints it: the normalized version, with
     * {@code .*} for the wildcard forms, or the {@code ===} text exactly as written.
     */
    public String versionText() {
        if (operator == Operator.ARBITRARY) {
            return arbitrary;
        }
        return operator.isWildcard() ? version + ".*" : version.toString();
    }

    /**
     * Whether {@code candidate} matches, regardless of whether it is a pre-release. For
     * {@code ===} the candidate's normalized text is compared case-insensitively.
     */
    public boolean contains(Version candidate) {
        return switch (operator) {
            case EQUAL -> lower.compareTo(candidate) <= 0 && candidate.compareTo(upper) <= 0;
            case NOT_EQUAL -> !(lower.compareTo(candidate) <= 0 && candidate.compareTo(upper) <= 0);
            case EQUAL_STAR, TILDE_EQUAL -> lower.compareTo(candidate) <= 0 && candidate.compareTo(upper) < 0;
            case NOT_EQUAL_STAR -> !(lower.compareTo(candidate) <= 0 && candidate.compareTo(upper) < 0);
            case LESS_THAN -> candidate.compareTo(upper) < 0;
            case LESS_THAN_EQUAL -> candidate.compareTo(upper) <= 0;
            case GREATER_THAN -> candidate.compareTo(lower) > 0;
            case GREATER_THAN_EQUAL -> candidate.compareTo(lower) >= 0;
            case ARBITRARY -> sameText(candidate.toString());
        };
    }

    /**
     * Whether a version given as text matches, regardless of pre-release status: {@code ===}
     * compares {@code candidate} itself case-insensitively (so it can match text that is not a
     * version); other operators parse it and answer false when it is not a valid version.
     */
    public boolean matchesString(String candidate) {
        if (operator == Operator.ARBITRARY) {
            return sameText(candidate);
        }
        Optional<Version> parsed = Version.tryParse(candidate);
        return parsed.isPresent() && contains(parsed.get());
    }

    /** Case-insensitive comparison with the {@code ===} text (false for other operators). */
    boolean sameText(String candidate) {
        return operator == Operator.ARBITRARY
                && candidate.toLowerCase(Locale.ROOT).equals(arbitrary.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether this specifier explicitly mentions a pre-release and so opts in to pre-releases:
     * true when its version is a pre-release, except for {@code !=} and the {@code .*} forms.
     */
    public boolean namesPrerelease() {
        if (operator == Operator.NOT_EQUAL || operator.isWildcard()) {
            return false;
        }
        return version != null && version.isPrerelease();
    }

    /**
     * The versions this specifier contains, as intervals whose ends may be the boundary versions
     * described in {@link Version}. For every version v other than boundaries,
     * {@code toRanges().contains(v) == contains(v)}, except that {@code ===} is approximated by the
     * single version its text parses to (so it also admits spellings that compare equal, such as
     * {@code 1.0.0} for {@code ===1.0}), or by the empty set when the text is not a version.
     */
    public Ranges<Version> toRanges() {
        return switch (operator) {
            case EQUAL -> Ranges.of(Bound.included(lower), Bound.included(upper));
            case NOT_EQUAL -> Ranges.of(Bound.included(lower), Bound.included(upper)).complement();
            case EQUAL_STAR, TILDE_EQUAL -> Ranges.between(lower, upper);
            case NOT_EQUAL_STAR -> Ranges.between(lower, upper).complement();
            case LESS_THAN -> Ranges.lessThan(upper);
            case LESS_THAN_EQUAL -> Ranges.atMost(upper);
            case GREATER_THAN -> Ranges.greaterThan(lower);
            case GREATER_THAN_EQUAL -> Ranges.atLeast(lower);
            case ARBITRARY -> version == null ? Ranges.empty() : Ranges.singleton(version);
        };
    }

    /**
     * Equal when the operator matches and the versions compare equal ({@code ==1.0} equals
     * {@code ==1.0.0}); {@code ~=} also needs the same number of release numbers, and {@code ===}
     * compares its text case-insensitively.
     */
    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof VersionSpecifier other) || operator != other.operator) {
            return false;
        }
        if (operator == Operator.ARBITRARY) {
            return arbitrary.toLowerCase(Locale.ROOT).equals(other.arbitrary.toLowerCase(Locale.ROOT));
        }
        return version.equals(other.version)
                && (operator != Operator.TILDE_EQUAL || version.releaseLength() == other.version.releaseLength());
    }

    @Override
    public int hashCode() {
        if (operator == Operator.ARBITRARY) {
            return arbitrary.toLowerCase(Locale.ROOT).hashCode();
        }
        int h = 31 * operator.hashCode() + version.hashCode();
        return operator == Operator.TILDE_EQUAL ? 31 * h + version.releaseLength() : h;
    }

    /** The normalized form: operator and {@link #versionText()} without spaces, e.g. {@code >=1.0.post1}. */
    @Override
    public String toString() {
        return operator.symbol() + versionText();
    }
}
