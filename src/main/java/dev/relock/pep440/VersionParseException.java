package dev.relock.pep440;

import dev.relock.common.InputSpanException;

/** Text that is not a valid PEP 440 version; the span points at the first offending part. */
public final class VersionParseException extends InputSpanException {
    private static final long serialVersionUID = 1L;

    VersionParseException(String input, int offset, int length, String reason) {
        super("invalid version '" + input + "': " + reason + " (at offset " + offset + ")", input, offset, length);
    }
}
