package dev.relock.reqtxt;

import dev.relock.common.RelockException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A requirements file or lockfile that cannot be read; the message is one line,
 * {@code file:line:column: detail} (or {@code file: detail} when the whole file is at fault).
 */
public final class RequirementsFileException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient SourceLocation location;
    private final String detail;

    /** An error at one position of a file. */
    public RequirementsFileException(SourceLocation location, String detail) {
        super(Kind.BAD_INPUT, location + ": " + detail);
        this.file = location.file();
        this.location = location;
        this.detail = detail;
    }

    /** An error about a whole file, for example one that cannot be read. */
    public RequirementsFileException(Path file, String detail) {
        super(Kind.BAD_INPUT, file + ": " + detail);
        this.file = file;
        this.location = null;
        this.detail = detail;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** Where in {@link #file()} the problem is, when it is at one position. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
