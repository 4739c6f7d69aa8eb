package dev.relock.lock;

import dev.relock.common.FileReplacement;
import dev.relock.common.RelockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces a file in one step: the text goes to a temporary file in the same directory, which is
 * then renamed over the target. Readers see the old or the new file, never a partial one, and a
 * failure leaves the old file untouched and no temporary file behind.
 *
 * <p>As editors do ({@link FileReplacement}): a symbolic link is written through (the file it
 * points to is replaced, the link stays), a replaced file keeps its permissions and a new one gets
 * the umask's, and temporary files a killed run left beside the target are removed.
 */
final class AtomicFile {
    private AtomicFile() {}

    static void write(Path target, String text) {
        Path temp = null;
        try {
            Path file = FileReplacement.writeTarget(target);
            Path dir = file.getParent();
            Files.createDirectories(dir);
            String prefix = "." + file.getFileName() + ".";
            FileReplacement.removeStale(dir, prefix, ".tmp");
            temp = FileReplacement.createTemp(dir, prefix, ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            FileReplacement.keepPermissions(file, temp);
            FileReplacement.moveIntoPlace(temp, file);
            temp = null;
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "cannot write " + target + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }
}
