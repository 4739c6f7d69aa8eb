package dev.relock.pep440;

/** The comparison operators of PEP 440 version specifiers. */
public enum Operator {
    /** {@code ==V}: equal, ignoring V's absent local label. */
    EQUAL("=="),
    /** {@code ==V.*}: prefix match on the release. */
    EQUAL_STAR("=="),
    /** {@code !=V}. */
    NOT_EQUAL("!="),
    /** {@code !=V.*}. */
    NOT_EQUAL_STAR("!="),
    /** {@code ~=V}: compatible release, {@code >=V, ==V[:-1].*}. */
    TILDE_EQUAL("~="),
    /** {@code <V}, excluding pre-releases of V unless V is one. */
    LESS_THAN("<"),
    /** {@code <=V}. */
    LESS_THAN_EQUAL("<="),
    /** {@code >V}, excluding post-releases and local versions of V. */
    GREATER_THAN(">"),
    /** {@code >=V}. */
    GREATER_THAN_EQUAL(">="),
    /** {@code ===text}: case-insensitive string equality, no version semantics. */
    ARBITRARY("===");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written ({@code ==} for both {@link #EQUAL} and {@link #EQUAL_STAR}). */
    public String symbol() {
        return symbol;
    }

    /** Whether this is one of the prefix-matching forms that end in {@code .*}. */
    public boolean isWildcard() {
        return this == EQUAL_STAR || this == NOT_EQUAL_STAR;
    }
}
