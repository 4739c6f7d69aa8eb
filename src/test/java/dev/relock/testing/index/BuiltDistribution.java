package dev.relock.testing.index;

import java.util.Optional;

/**
 * The bytes of one distribution file together with what an index advertises about it.
 */
public final class BuiltDistribution {
    private final String filename;
    private final byte[] content;
    private final String sha256;
    private final byte[] coreMetadata;
    private final String coreMetadataSha256;
    private final boolean wheel;

    BuiltDistribution(String filename, byte[] content, byte[] coreMetadata, boolean wheel) {
        this.filename = filename;
        this.content = content;
        this.sha256 = Hashing.sha256Hex(content);
        this.coreMetadata = coreMetadata;
        this.coreMetadataSha256 = Hashing.sha256Hex(coreMetadata);
        this.wheel = wheel;
    }

    public String filename() {
        return filename;
    }

    /** A copy of the file's bytes. */
    public byte[] bytes() {
        return content.clone();
    }

    /** Size in bytes. */
    public int size() {
        return content.length;
    }

    /** Lower-case hex SHA-256 of the file. */
    public String sha256() {
        return sha256;
    }

    /** Whether this is a wheel (else an sdist). */
    public boolean isWheel() {
        return wheel;
    }

    /**
     * The core metadata file (a wheel's METADATA, an sdist's PKG-INFO). Only wheels are served as
     * PEP 658 metadata, like PyPI does.
     */
    public byte[] coreMetadata() {
        return coreMetadata.clone();
    }

    /** Lower-case hex SHA-256 of {@link #coreMetadata()}. */
    public String coreMetadataSha256() {
        return coreMetadataSha256;
    }

    /** The PEP 658 metadata advertised for this file, if any. */
    Optional<byte[]> servedMetadata() {
        return wheel ? Optional.of(coreMetadata) : Optional.empty();
    }

    byte[] content() {
        return content;
    }
}
