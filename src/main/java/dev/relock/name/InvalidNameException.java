package dev.relock.name;

import dev.relock.common.InputSpanException;

/** A project or extra name that does not follow the PEP 508 name grammar. */
public final class InvalidNameException extends InputSpanException {
    private static final long serialVersionUID = 1L;

    InvalidNameException(String what, String input, int offset, String reason) {
        super("invalid " + what + " '" + input + "': " + reason + " (at offset " + offset + ")", input,
                Math.min(offset, input.length()), offset < input.length() ? 1 : 0);
    }
}
