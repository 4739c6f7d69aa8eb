package dev.relock.resolve;

import dev.relock.pep508.MarkerTree;

/**
 * ADAPTER (universal resolution): the few marker-algebra operations the fork logic needs, in one
 * place, each a direct call of {@link MarkerTree}'s semantic algebra. Universal resolution asks
 * only these questions of markers, so a change of the algebra's API touches this class alone.
 */
final class MarkerAlgebra {
    private MarkerAlgebra() {}

    /** Whether no environment satisfies both markers. */
    static boolean disjoint(MarkerTree a, MarkerTree b) {
        return a.isDisjoint(b);
    }

    /** Whether no environment satisfies {@code m}. */
    static boolean empty(MarkerTree m) {
        return m.isFalse();
    }

    /** Whether every environment satisfying {@code a} satisfies {@code b}. */
    static boolean implies(MarkerTree a, MarkerTree b) {
        return a.implies(b);
    }

    /** The environments where {@code m} does not hold. */
    static MarkerTree not(MarkerTree m) {
        return m.not();
    }

    /** {@code m} simplified for environments where {@code assumption} holds. */
    static MarkerTree simplifyUnder(MarkerTree m, MarkerTree assumption) {
        return m.simplifyUnder(assumption).simplify();
    }

    /** The marker of the Python versions a {@code requires-python} specifier admits. */
    static MarkerTree requiresPython(String specifiers) {
        return MarkerTree.requiresPython(specifiers);
    }
}
