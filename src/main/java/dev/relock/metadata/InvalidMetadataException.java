package dev.relock.metadata;

import dev.relock.common.RelockException;

/** Core metadata that cannot be used at all: a required field is missing or unparseable. */
public final class InvalidMetadataException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;

    /** An error about the metadata read from {@code sourceName}. */
    public InvalidMetadataException(String sourceName, String message) {
        super(Kind.BAD_INPUT, sourceName + ": " + message);
        this.sourceName = sourceName;
    }

    /** Where the metadata came from, e.g. {@code requests-2.31.0-py3-none-any.whl (METADATA)}. */
    public String sourceName() {
        return sourceName;
    }
}
