package dev.relock.workspace;

import dev.relock.common.RelockException;

/** A project file relock relies on is missing or malformed. */
public final class WorkspaceException extends RelockException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
