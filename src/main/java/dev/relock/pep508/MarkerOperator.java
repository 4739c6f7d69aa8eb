package dev.relock.pep508;

/** A comparison operator in a marker expression, in packaging's spelling. */
enum MarkerOperator {
    ARBITRARY_EQUAL("==="),
    EQUAL("=="),
    COMPATIBLE("~="),
    NOT_EQUAL("!="),
    LESS_EQUAL("<="),
    GREATER_EQUAL(">="),
    LESS("<"),
    GREATER(">"),
    IN("in"),
    NOT_IN("not in");

    private final String symbol;

    MarkerOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static MarkerOperator fromSymbol(String symbol) {
        for (MarkerOperator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("not a marker operator: " + symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
