package dev.relock.pep508;

import dev.relock.common.RelockException;

/**
 * A marker that parses but cannot be evaluated, because its comparison is undefined for the
 * values involved (packaging's {@code UndefinedComparison}): {@code ~=} or {@code ===} applied to
 * a variable that is not version-like, or to a value that is not a valid version specifier.
 * pip fails on such markers as well.
 */
public final class MarkerEvaluationException extends RelockException {
    private static final long serialVersionUID = 1L;

    MarkerEvaluationException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
