package dev.relock.pep508;

import dev.relock.name.ExtraName;
import dev.relock.pep508.MarkerNode.Constant;
import dev.relock.pep508.MarkerNode.Junction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
 * or {@code ===} throw {@link MarkerEvaluationException}.
 *
 * <p><b>Algebra</b> ({@link #and}, {@link #or}, {@link #simplify()}, the extra specializations)
 * returns simplified trees: nested junctions of the same kind are flattened, {@link #TRUE} and
 * {@link #FALSE} are absorbed or short-circuit, and structurally equal clauses are kept once.
 * Nothing else is simplified: no contradictions ({@code os_name == "a" and os_name == "b"}), no
 * tautologies, no absorption ({@code a or (a and b)}), no version-range merging. So
 * {@link #isTrue()}/{@link #isFalse()} are structural: {@code false} means "not known to be".
 * There is no negation: PEP 508 has no {@code not}, and packaging's comparison rules (invalid
 * versions make every operator false, {@code <V} excludes pre-releases of V) leave most
 * comparisons without an exact expressible complement.
 *
 * <p>Equality is structural and ignores redundant grouping, so {@code (a and b) or c} equals
 * {@code a and b or c} although they print differently, as packaging prints them.
 */
public final class MarkerTree {
    /** The marker that always holds; also the marker of a requirement without one. Prints as "". */
    public static final MarkerTree TRUE = new MarkerTree(new Constant(true));

    /**
     * The marker that never holds. PEP 508 cannot spell it, so it prints as the equivalent
     * {@code python_version < "0"} (which parses back to a comparison, not to this constant).
     */
    public static final MarkerTree FALSE = new MarkerTree(new Constant(false));

    private static final String FALSE_TEXT = "python_version < \"0\"";

    private final MarkerNode root;

    private MarkerTree(MarkerNode root) {
        this.root = root;
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

    /** Whether this is (structurally) the always-true marker. */
    public boolean isTrue() {
        return root instanceof Constant constant && constant.value();
    }

    /** Whether this is (structurally) the always-false marker. */
    public boolean isFalse() {
        return root instanceof Constant constant && !constant.value();
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
        Junction junction = (Junction) node;
        for (MarkerNode child : junction.children()) {
            if (evaluate(child, environment, extra) == junction.isOr()) {
                return junction.isOr();
            }
        }
        return !junction.isOr();
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

    /** {@code this and other}, simplified as described in the class documentation. */
    public MarkerTree and(MarkerTree other) {
        return new MarkerTree(combine(false, List.of(root, other.root)));
    }

    /** {@code this or other}, simplified as described in the class documentation. */
    public MarkerTree or(MarkerTree other) {
        return new MarkerTree(combine(true, List.of(root, other.root)));
    }

    /** This marker with the class documentation's simplifications applied throughout. */
    public MarkerTree simplify() {
        return new MarkerTree(rewrite(root, UnaryOperator.identity()));
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
