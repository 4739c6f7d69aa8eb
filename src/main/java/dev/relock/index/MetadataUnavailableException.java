package dev.relock.index;

import dev.relock.common.RelockException;

/**
 * The core metadata of a distribution cannot be known without building it: an sdist whose
 * PKG-INFO is older than Metadata-Version 2.2, or declares its dependencies {@code Dynamic}.
 */
public final class MetadataUnavailableException extends RelockException {
    private static final long serialVersionUID = 1L;

    public MetadataUnavailableException(String message) {
        super(Kind.UNRESOLVABLE, message);
    }
}
