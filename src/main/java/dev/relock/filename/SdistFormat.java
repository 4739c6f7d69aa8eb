package dev.relock.filename;

import java.util.Locale;
import java.util.Optional;

/**
 * The archive format of a source distribution, recognised by its file name suffix.
 *
 * <p>Only {@code .tar.gz} (and, for older uploads, {@code .zip}) are standard; the others are
 * legacy formats still found on package indexes. They are recognised so that such files can be
 * parsed and reported, and {@link #isStandard()} tells them apart.
 */
public enum SdistFormat {
    /** {@code .tar.gz}, the standard format (PEP 625). */
    TAR_GZ(".tar.gz", true),
    /** {@code .zip}, accepted by the sdist specification for older uploads. */
    ZIP(".zip", true),
    /** {@code .tgz}, legacy. */
    TGZ(".tgz", false),
    /** {@code .tar.bz2}, legacy. */
    TAR_BZ2(".tar.bz2", false),
    /** {@code .tar.xz}, legacy. */
    TAR_XZ(".tar.xz", false),
    /** {@code .tar}, legacy uncompressed. */
    TAR(".tar", false);

    private final String suffix;
    private final boolean standard;

    SdistFormat(String suffix, boolean standard) {
        this.suffix = suffix;
        this.standard = standard;
    }

    /** The file name suffix including the leading dot, e.g. {@code .tar.gz}. */
    public String suffix() {
        return suffix;
    }

    /** Whether the sdist specification allows this format ({@code .tar.gz} and {@code .zip}). */
    public boolean isStandard() {
        return standard;
    }

    /** The format whose suffix {@code filename} ends with (case-insensitively), if any. */
    public static Optional<SdistFormat> of(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        for (SdistFormat format : values()) {
            if (lower.endsWith(format.suffix)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
