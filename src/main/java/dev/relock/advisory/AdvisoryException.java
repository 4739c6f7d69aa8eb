package dev.relock.advisory;

import dev.relock.common.RelockException;

/**
 * The advisory data could not be had: the OSV service is unreachable or answered something
 * unusable (NETWORK, exit 4), or an offline database is unreadable (BAD_INPUT, exit 2). Never a
 * pass: an audit that could not ask is a failure.
 */
public class AdvisoryException extends RelockException {
    private static final long serialVersionUID = 1L;

    public AdvisoryException(Kind kind, String message) {
        super(kind, message);
    }

    public AdvisoryException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
