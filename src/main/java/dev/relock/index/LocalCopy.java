package dev.relock.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A verified local copy of a distribution file; temporary copies are deleted on close. */
record LocalCopy(Path path, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A leftover temporary file is harmless.
            }
        }
    }
}
