package dev.relock.pep440;

import dev.relock.common.InputSpanException;

/** Text that is not a valid PEP 440 specifier or comma-separated specifier set. */
public final class VersionSpecifierParseException extends InputSpanException {
    private static final long serialVersionUID = 1L;

    VersionSpecifierParseException(String input, int offset, int length, String reason) {
        super("invalid version specifier '" + input + "': " + reason + " (at offset " + offset + ")",
                input, offset, length);
    }
}
