package dev.relock.pep508;

import java.util.Objects;

/**
 * One comparison between a marker variable and a quoted value, such as
 * {@code python_version >= "3.8"} or the reversed {@code "3.8" <= python_version}.
 *
 * <p>Values compared with {@code extra} are stored PEP 685-normalized, as packaging does.
 */
record MarkerExpression(MarkerVariable variable, MarkerOperator operator, String value, boolean variableOnLeft)
        implements MarkerNode {

    MarkerExpression {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("a marker value cannot contain both quote characters");
        }
    }

    /**
     * Evaluates this comparison with {@code variableValue} substituted for the variable.
     *
     * @throws MarkerEvaluationException if the comparison is undefined for these values
     */
    boolean evaluate(String variableValue) {
        String lhs = variableOnLeft ? variableValue : value;
        String rhs = variableOnLeft ? value : variableValue;
        if (variable.isVersionLike()) {
            java.util.Optional<Boolean> asVersions = VersionComparison.compare(lhs, operator, rhs);
            if (asVersions.isPresent()) {
                return asVersions.get();
            }
        }
        return switch (operator) {
            case IN -> rhs.contains(lhs);
            case NOT_IN -> !rhs.contains(lhs);
            case EQUAL, LESS_EQUAL, GREATER_EQUAL -> lhs.equals(rhs);
            case NOT_EQUAL -> !lhs.equals(rhs);
            case LESS, GREATER -> false;
            case COMPATIBLE, ARBITRARY_EQUAL -> throw new MarkerEvaluationException(
                    "Cannot evaluate marker '" + this + "': " + operator + " is undefined for '"
                            + lhs + "' and '" + rhs + "'");
        };
    }

    /** The value in quotes: double quotes unless the value itself contains one. */
    private String quotedValue() {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        return quote + value + quote;
    }

    @Override
    public String toString() {
        return variableOnLeft
                ? variable + " " + operator + " " + quotedValue()
                : quotedValue() + " " + operator + " " + variable;
    }
}
