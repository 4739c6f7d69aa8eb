package dev.relock.hosting;

import dev.relock.common.RelockException;

/** The hosting platform refused or failed a request (exit status 5). */
public class HostingException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A failure with the HTTP status that caused it (0 when there was none). */
    public HostingException(int status, String message) {
        super(Kind.HOSTING, message);
        this.status = status;
    }

    /** The HTTP status, 0 when the failure had none. */
    public int status() {
        return status;
    }
}
