package dev.relock.pep508;

import dev.relock.name.ExtraName;
import dev.relock.pep508.MarkerNode.Constant;
import dev.relock.pep508.MarkerNode.Junction;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifier;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable PEP 508 environment marker: the part of a requirement after {@code ;}.
 *
 * <p><b>Parsing</b> ({@link #parse}) keeps the expression as written, so {@link #toString()} is
 * packaging's {@code str(Marker(...))}: single spaces, values in double quotes (single quotes if
 * the value contains a double quote), extra names PEP 685-normalized, and parentheses exactly where
 * the source grouped more than one comparison. Parsing never simplifies.
 *
 * <p><b>Evaluation</b> follows packaging: for {@code python_version}, {@code python_full_version},
 * {@code implementation_version} and {@code platform_release}, if {@code operator + value} is a
 * valid version specifier the comparison is PEP 440 containment with pre-releases allowed (false
 * when the other side is not a valid version); every other comparison is on strings, where
 * {@code <} and {@code >} are always false and {@code <=}/{@code >=} mean equality, and {@code ~=}
 * or {@code ===} throw {@link MarkerEvaluationException} (all comparisons are evaluated, so such a
 * comparison fails evaluation even where the other operands already decide the result).
 *
 * <p><b>Algebra</b> ({@link #and}, {@link #or}, {@link #not()}, {@link #simplify()},
 * {@link #simplifyUnder}) works on a canonical decision diagram ({@code MarkerDiagram}) and returns
 * markers in a canonical simplified form, so markers that hold in the same environments print the
 * same text, and {@link #isTrue()}, {@link #isFalse()}, {@link #isDisjoint} and {@link #implies}
 * are semantic. The algebra's model of an environment:
 * <ul>
 *   <li>{@code python_version} is the X.Y prefix of {@code python_full_version}, which is a final
 *       release, so both become intervals over one version axis ({@code python_version <= "3.11"}
 *       is {@code python_full_version < "3.12"}). {@code implementation_version} and
 *       {@code platform_release} are valid versions too (so the complement of {@code >=} is
 *       {@code <}; packaging makes every version comparison false for a value that is not a
 *       version, such as a Linux {@code platform_release}). Comparisons with a version that has
 *       an epoch, pre, post, dev or local part stay opaque (below).</li>
 *   <li>Other variables, and {@code extra}, are strings: {@code ==}/{@code !=} give value sets
 *       (one value excludes another), {@code <} and {@code >} are always false, {@code <=} and
 *       {@code >=} mean {@code ==}, as in packaging. Correlations between variables (such as
 *       {@code sys_platform == "win32"} and {@code platform_system == "Windows"}) are not known.</li>
 *   <li>Anything else ({@code in}/{@code not in}, {@code ~=} and {@code ===} on strings, reversed
 *       wildcards, ...) is an opaque comparison: an independent yes/no variable whose negation is
 *       the comparison with the complementary operator ({@code in}/{@code not in}, {@code ===}/
 *       {@code !=}; a string {@code ~=}, which packaging cannot evaluate, negates to itself).</li>
 * </ul>
 *
 * <p><b>Printing of algebra results</b> is a disjunction of conjunctions. In a conjunction the
 * comparisons come in a fixed variable order: {@code python_version}/{@code python_full_version},
 * {@code implementation_name}, {@code platform_python_implementation},
 * {@code implementation_version}, {@code sys_platform}, {@code platform_system}, {@code os_name},
 * {@code platform_machine}, {@code platform_release}, {@code platform_version}, opaque
 * comparisons (by text), {@code extra}; string values in alphabetical order. The conjunctions
 * are ordered by the same variables and then by value (lowest Python version first, named
 * strings before "any other"). A Python bound at an X.Y boundary prints as {@code python_version}
 * ({@code python_version >= "3.11"}, {@code python_version == "3.11"}, {@code python_version !=
 * "3.11"}), any other as {@code python_full_version} with three numbers ({@code
 * python_full_version >= "3.11.2"}). A conjunction inside a disjunction is parenthesized, as is a
 * disjunction inside a conjunction: {@code (A and B) or C}, {@code A and (B or C)}.
 *
 * <p>Operations are bounded: a marker whose diagram or printed form would grow too large (far
 * beyond realistic markers) falls back to the previous structural behaviour (flattening,
 * constants and duplicates only, De Morgan for {@link #not()}); results stay correct, just less
 * simplified, and the semantic checks then answer {@code false} ("not known to be").
 *
 * <p>Equality is structural and ignores redundant grouping, so {@code (a and b) or c} equals
 * {@code a and b or c} although they print differently, as packaging prints them. Parsed markers
 * are not canonical; {@code a.simplify().equals(b.simplify())} tests equivalence.
 */
public final class MarkerTree {
    /** The marker that always holds; also the marker of a requirement without one. Prints as "". */
    public static final MarkerTree TRUE = new MarkerTree(new Constant(true));

    /**
     * The marker that never holds. PEP 508 cannot spell it, so it prints as the equivalent
     * {@code python_version < "0"}, which parses back to a comparison whose {@link #simplify()} is
     * this constant.
     */
    public static final MarkerTree FALSE = new MarkerTree(new Constant(false));

    private static final String FALSE_TEXT = "python_version < \"0\"";

    private final MarkerNode root;
    /** The decision diagram, computed on first use; {@link #TOO_COMPLEX} when over budget. */
    private volatile MarkerDiagram.Node diagram;

    /** Marks a tree whose diagram exceeded the work budget. */
    private static final MarkerDiagram.Node TOO_COMPLEX = new MarkerDiagram.Split(
            MarkerKey.PYTHON, List.of());

    private MarkerTree(MarkerNode root) {
        this.root = root;
    }

    private MarkerTree(MarkerNode root, MarkerDiagram.Node diagram) {
        this.root = root;
        this.diagram = diagram;
    }

    /**
     * Parses a marker expression such as {@code python_version >= "3.8" and os_name == "posix"}.
     *
     * @throws Pep508Exception with the offending span when {@code marker} is not valid
     */
    public static MarkerTree parse(String marker) {
        return new MarkerTree(Pep508Parser.parseMarker(marker));
    }

    static MarkerTree of(MarkerNode root) {
        return new MarkerTree(root);
    }

    /**
     * Whether this marker holds in every environment (of the model in the class documentation),
     * for example {@code python_version < "3.9" or python_version >= "3.9"}.
     */
    public boolean isTrue() {
        return diagram().map(d -> d.equals(MarkerDiagram.TRUE))
                .orElseGet(() -> root instanceof Constant constant && constant.value());
    }

    /**
     * Whether this marker holds in no environment, for example
     * {@code sys_platform == "win32" and sys_platform == "linux"}.
     */
    public boolean isFalse() {
        return diagram().map(d -> d.equals(MarkerDiagram.FALSE))
                .orElseGet(() -> root instanceof Constant constant && !constant.value());
    }

    /** Whether no environment satisfies both markers: {@code and(other).isFalse()}. */
    public boolean isDisjoint(MarkerTree other) {
        return semantic(other, (d, a, b) -> d.and(a, b)).map(r -> r.equals(MarkerDiagram.FALSE))
                .orElseGet(() -> and(other).isFalse());
    }

    /** Whether every environment satisfying this marker satisfies {@code other}. */
    public boolean implies(MarkerTree other) {
        return semantic(other, (d, a, b) -> d.and(a, d.not(b))).map(r -> r.equals(MarkerDiagram.FALSE))
                .orElseGet(() -> isFalse() || other.isTrue());
    }

    /**
     * The negation of this marker, simplified: {@code ==} becomes {@code !=}, {@code <} becomes
     * {@code >=}, {@code in} becomes {@code not in}, and junctions follow De Morgan.
     */
    public MarkerTree not() {
        return semantic(this, (d, a, b) -> d.not(a)).flatMap(MarkerTree::fromDiagram)
                .orElseGet(() -> new MarkerTree(rewrite(negate(root), UnaryOperator.identity())));
    }

    /**
     * This marker simplified knowing that {@code assumption} holds: the result agrees with this
     * marker wherever the assumption holds, and drops what the assumption decides. Under
     * {@code python_version >= "3.11"}, {@code python_version < "3.11"} becomes {@link #FALSE},
     * {@code python_version >= "3.9"} becomes {@link #TRUE}, and {@code python_version < "3.12"}
     * stays. So {@code result.and(assumption)} equals {@code this.and(assumption)}.
     */
    public MarkerTree simplifyUnder(MarkerTree assumption) {
        return semantic(assumption, (d, a, b) -> d.restrict(a, b)).flatMap(MarkerTree::fromDiagram)
                .orElseGet(this::simplify);
    }

    /** {@link #simplifyUnder} the Python versions in {@code range}; see {@link #pythonRange}. */
    public MarkerTree restrictPython(Ranges<Version> range) {
        return simplifyUnder(pythonRange(range));
    }

    /**
     * The marker that holds exactly for the Python versions in {@code range}, such as
     * {@code python_version >= "3.11"}. Python versions are final releases here, so an end that
     * is a pre-release, post-release or one of {@link Version}'s boundary points moves to the
     * release it stands for ({@code <3.12.dev0} admits the same releases as {@code <3.12}).
     */
    public static MarkerTree pythonRange(Ranges<Version> range) {
        List<Ranges.Segment<Version>> segments = new ArrayList<>();
        for (Ranges.Segment<Version> s : range.segments()) {
            segments.add(new Ranges.Segment<>(releaseBound(s.lower(), true), releaseBound(s.upper(), false)));
        }
        Ranges<Version> releases = MarkerAtoms.fromZero(Ranges.ofSegments(segments));
        return fromDiagram(MarkerDiagram.atom(MarkerKey.PYTHON, new MarkerValueSet.Versions(releases))).orElseThrow();
    }

    /**
     * The marker for a {@code requires-python} specifier set such as {@code ">=3.11"} or
     * {@code ">=3.8, !=3.9.*"}, simplified ({@code python_version >= "3.11"}); {@link #TRUE} for "".
     *
     * @throws dev.relock.pep440.VersionSpecifierParseException if it is not a specifier set
     */
    public static MarkerTree requiresPython(String specifierSet) {
        MarkerTree result = TRUE;
        for (VersionSpecifier specifier : VersionSpecifiers.parse(specifierSet).specifiers()) {
            MarkerExpression comparison = new MarkerExpression(MarkerVariable.PYTHON_FULL_VERSION,
                    MarkerOperator.fromSymbol(specifier.operator().symbol()), specifier.versionText(), true);
            result = result.and(new MarkerTree(comparison));
        }
        return result.simplify();
    }

    /** The release-only equivalent of an interval end (see {@link #pythonRange}). */
    private static Bound<Version> releaseBound(Bound<Version> bound, boolean lower) {
        Version v = MarkerValueSet.Versions.value(bound);
        if (v == null || MarkerAtoms.isPlain(v)) {
            return bound;
        }
        Version release = MarkerAtoms.plain(v.baseVersion().release());
        int c = v.compareTo(release);
        if (c == 0) {
            return bound instanceof Bound.Included ? Bound.included(release) : Bound.excluded(release);
        }
        // v sits just below its release (pre/dev) or just above it (post/local/boundary points).
        boolean below = c < 0;
        return lower == below ? Bound.included(release) : Bound.excluded(release);
    }

    /** This tree's diagram, or empty when it is too complex to build. */
    private Optional<MarkerDiagram.Node> diagram() {
        MarkerDiagram.Node d = diagram;
        if (d == null) {
            try {
                d = new MarkerDiagram().build(root);
            } catch (MarkerDiagram.TooComplex e) {
                d = TOO_COMPLEX;
            }
            diagram = d;
        }
        return d == TOO_COMPLEX ? Optional.empty() : Optional.of(d);
    }

    /** An operation on two diagrams. */
    private interface DiagramOperation {
        MarkerDiagram.Node apply(MarkerDiagram algebra, MarkerDiagram.Node a, MarkerDiagram.Node b);
    }

    /** {@code op} on this tree's and {@code other}'s diagrams; empty when over budget. */
    private Optional<MarkerDiagram.Node> semantic(MarkerTree other, DiagramOperation op) {
        Optional<MarkerDiagram.Node> a = diagram();
        Optional<MarkerDiagram.Node> b = other.diagram();
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(op.apply(new MarkerDiagram(), a.get(), b.get()));
        } catch (MarkerDiagram.TooComplex e) {
            return Optional.empty();
        }
    }

    /** The canonical printed tree of a diagram; empty when it has too many paths to print. */
    private static Optional<MarkerTree> fromDiagram(MarkerDiagram.Node node) {
        if (node.equals(MarkerDiagram.TRUE)) {
            return Optional.of(TRUE);
        }
        if (node.equals(MarkerDiagram.FALSE)) {
            return Optional.of(FALSE);
        }
        try {
            return Optional.of(new MarkerTree(MarkerPrinter.toNode(node), node));
        } catch (MarkerDiagram.TooComplex e) {
            return Optional.empty();
        }
    }

    /** De Morgan's negation of {@code node}, used when the diagram is over budget. */
    private static MarkerNode negate(MarkerNode node) {
        if (node instanceof Constant constant) {
            return new Constant(!constant.value());
        }
        if (node instanceof MarkerExpression expression) {
            return MarkerAtoms.negate(expression);
        }
        Junction junction = (Junction) node;
        List<MarkerNode> children = new ArrayList<>();
        for (MarkerNode child : junction.children()) {
            children.add(negate(child));
        }
        return new Junction(!junction.isOr(), children, false);
    }

    /**
     * Evaluates the marker for {@code environment} with no extra requested ({@code extra} is "").
     *
     * @throws MarkerEvaluationException for a comparison packaging cannot evaluate either
     */
    public boolean evaluate(MarkerEnvironment environment) {
        return evaluate(root, environment, "");
    }

    /**
     * Evaluates the marker for {@code environment} and the requested {@code extras} as pip does:
     * true if it holds with {@code extra} set to any one of them (each PEP 685-normalized), or with
     * {@code extra} set to "" when {@code extras} is empty. Note that pip also installs the base
     * dependencies (evaluated with no extra) whenever extras are requested; that union is the
     * caller's business.
     *
     * @throws MarkerEvaluationException for a comparison packaging cannot evaluate either
     */
    public boolean evaluate(MarkerEnvironment environment, Set<ExtraName> extras) {
        if (extras.isEmpty()) {
            return evaluate(environment);
        }
        for (ExtraName extra : extras) {
            if (evaluate(root, environment, Grammar.canonicalize(extra.toString()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean evaluate(MarkerNode node, MarkerEnvironment environment, String extra) {
        if (node instanceof Constant constant) {
            return constant.value();
        }
        if (node instanceof MarkerExpression expression) {
            return expression.evaluate(variableValue(expression, environment, extra));
        }
        // No short-circuit: like packaging, every comparison is evaluated, so an undefined one
        // fails even where the result is already decided.
        Junction junction = (Junction) node;
        boolean decided = false;
        for (MarkerNode child : junction.children()) {
            decided |= evaluate(child, environment, extra) == junction.isOr();
        }
        return decided == junction.isOr();
    }

    private static String variableValue(MarkerExpression expression, MarkerEnvironment environment, String extra) {
        if (expression.variable() == MarkerVariable.EXTRA) {
            return extra;
        }
        String value = environment.value(expression.variable());
        // packaging repairs platform.python_version() of untagged builds ("3.11.1+").
        if (expression.variable() == MarkerVariable.PYTHON_FULL_VERSION && value.endsWith("+")) {
            return value + "local";
        }
        return value;
    }

    /** {@code this and other}, in the canonical simplified form (see the class documentation). */
    public MarkerTree and(MarkerTree other) {
        return semantic(other, (d, a, b) -> d.and(a, b)).flatMap(MarkerTree::fromDiagram)
                .orElseGet(() -> new MarkerTree(combine(false, List.of(root, other.root))));
    }

    /** {@code this or other}, in the canonical simplified form (see the class documentation). */
    public MarkerTree or(MarkerTree other) {
        return semantic(other, (d, a, b) -> d.or(a, b)).flatMap(MarkerTree::fromDiagram)
                .orElseGet(() -> new MarkerTree(combine(true, List.of(root, other.root))));
    }

    /**
     * This marker in the canonical simplified form: equivalent markers give equal results with
     * equal text. Never prints {@code a or a} or an always-true part.
     */
    public MarkerTree simplify() {
        return diagram().flatMap(MarkerTree::fromDiagram)
                .orElseGet(() -> new MarkerTree(rewrite(root, UnaryOperator.identity())));
    }

    /**
     * The extras this marker compares {@code extra} with (values that are valid extra names), in
     * order of first appearance. A requirement whose marker mentions none applies to every extra.
     */
    public Set<ExtraName> extras() {
        Set<ExtraName> extras = new LinkedHashSet<>();
        collectExtras(root, extras);
        return Collections.unmodifiableSet(extras);
    }

    private static void collectExtras(MarkerNode node, Set<ExtraName> extras) {
        if (node instanceof MarkerExpression expression && expression.variable() == MarkerVariable.EXTRA) {
            ExtraName.tryOf(expression.value()).ifPresent(extras::add);
        } else if (node instanceof Junction junction) {
            junction.children().forEach(child -> collectExtras(child, extras));
        }
    }

    /**
     * This marker with {@code extra} fixed to {@code extra}: every {@code extra} comparison is
     * replaced by its outcome, leaving only environment comparisons. For any environment,
     * {@code forExtra(e).evaluate(env) == evaluate(env, Set.of(e))}.
     *
     * @throws MarkerEvaluationException if an {@code extra} comparison cannot be evaluated
     */
    public MarkerTree forExtra(ExtraName extra) {
        return specializeExtra(Grammar.canonicalize(extra.toString()));
    }

    /** This marker with no extra requested ({@code extra} fixed to ""); see {@link #forExtra}. */
    public MarkerTree forNoExtra() {
        return specializeExtra("");
    }

    /**
     * The environment condition for the requested {@code extras} under pip's semantics: the
     * {@link #or} of {@link #forExtra} over them, or {@link #forNoExtra()} when there are none.
     * Then {@code forExtras(x).evaluate(env) == evaluate(env, x)}.
     */
    public MarkerTree forExtras(Set<ExtraName> extras) {
        if (extras.isEmpty()) {
            return forNoExtra();
        }
        MarkerTree result = FALSE;
        for (ExtraName extra : extras) {
            result = result.or(forExtra(extra));
        }
        return result;
    }

    /**
     * This marker with every {@code extra} comparison replaced by {@link #TRUE}: the environment
     * condition under which it can hold for some choice of extra (an over-approximation, exact
     * when extra comparisons are only conjoined with the rest, as in {@code extra == "x" and ...}).
     */
    public MarkerTree withoutExtras() {
        return new MarkerTree(rewrite(root, node -> node instanceof MarkerExpression expression
                && expression.variable() == MarkerVariable.EXTRA ? new Constant(true) : node));
    }

    private MarkerTree specializeExtra(String extra) {
        return new MarkerTree(rewrite(root, node -> node instanceof MarkerExpression expression
                && expression.variable() == MarkerVariable.EXTRA
                ? new Constant(expression.evaluate(extra)) : node));
    }

    /** Rebuilds {@code node} bottom-up, replacing comparisons by {@code leaf} and simplifying. */
    private static MarkerNode rewrite(MarkerNode node, UnaryOperator<MarkerNode> leaf) {
        if (node instanceof Constant) {
            return node;
        }
        if (node instanceof MarkerExpression) {
            return leaf.apply(node);
        }
        Junction junction = (Junction) node;
        List<MarkerNode> children = new ArrayList<>();
        for (MarkerNode child : junction.children()) {
            children.add(rewrite(child, leaf));
        }
        return combine(junction.isOr(), children);
    }

    /** The simplified {@code and}/{@code or} of {@code operands}. */
    private static MarkerNode combine(boolean isOr, List<MarkerNode> operands) {
        Set<MarkerNode> flat = new LinkedHashSet<>();
        for (MarkerNode operand : operands) {
            if (flatten(isOr, operand, flat)) {
                return new Constant(isOr);
            }
        }
        if (flat.isEmpty()) {
            return new Constant(!isOr);
        }
        if (flat.size() == 1) {
            return flat.iterator().next();
        }
        return new Junction(isOr, new ArrayList<>(flat), false);
    }

    /** Adds the operands of {@code node} to {@code out}; true if {@code node} decides the result. */
    private static boolean flatten(boolean isOr, MarkerNode node, Set<MarkerNode> out) {
        if (node instanceof Constant constant) {
            return constant.value() == isOr;
        }
        if (node instanceof Junction junction && junction.isOr() == isOr) {
            for (MarkerNode child : junction.children()) {
                if (flatten(isOr, child, out)) {
                    return true;
                }
            }
            return false;
        }
        out.add(node instanceof Junction junction ? junction.withGrouped(false) : node);
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MarkerTree that && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root);
    }

    /** packaging's normalized form; "" for {@link #TRUE}. */
    @Override
    public String toString() {
        if (root instanceof Constant constant) {
            return constant.value() ? "" : FALSE_TEXT;
        }
        return format(root);
    }

    private static String format(MarkerNode node) {
        if (node instanceof Junction junction) {
            List<String> parts = new ArrayList<>();
            for (MarkerNode child : junction.children()) {
                boolean parenthesize = child instanceof Junction inner
                        && (inner.grouped() || (inner.isOr() && !junction.isOr()));
                parts.add(parenthesize ? "(" + format(child) + ")" : format(child));
            }
            return String.join(junction.isOr() ? " or " : " and ", parts);
        }
        return node.toString();
    }
}
