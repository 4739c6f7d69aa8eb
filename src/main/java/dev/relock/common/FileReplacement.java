package dev.relock.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pieces of replacing a file the way editors do, shared by every writer of user-visible files
 * (lockfiles, wheelhouse files and manifest) and by the cache:
 * <ul>
 *   <li>A write to a symbolic link goes to the file the link points to: the link stays a link
 *       ({@link #writeTarget}).</li>
 *   <li>Temporary files are created with the default permissions, so the umask applies
 *       ({@link #createTemp}); a replaced file keeps its mode ({@link #keepPermissions}).</li>
 *   <li>Temporary files are named {@code <prefix><pid>-<random><suffix>}. One that a killed run
 *       left behind is removed by the next run in that directory ({@link #removeStale}): when the
 *       process in its name is gone, or when it is older than {@link #STALE_AFTER}.</li>
 * </ul>
 */
public final class FileReplacement {
    /** A temporary file this old is left over whoever made it. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final int MAX_LINKS = 40;

    private FileReplacement() {}

    /**
     * The file a write to {@code target} must replace: {@code target} itself, or the file at the
     * end of its chain of symbolic links (which need not exist yet).
     */
    public static Path writeTarget(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
        }
        return path;
    }

    /** A new empty file {@code <dir>/<prefix><pid>-<random><suffix>} with the default permissions (the umask's). */
    public static Path createTemp(Path dir, String prefix, String suffix) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve(prefix + pid + "-" + random + suffix));
            } catch (FileAlreadyExistsException e) {
                // taken: draw again
            }
        }
    }

    /** The POSIX permissions of {@code file}; empty when it does not exist or the file system has none. */
    public static Optional<Set<PosixFilePermission>> permissions(Path file) {
        try {
            return Optional.of(Files.getPosixFilePermissions(file));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Gives {@code temp} the permissions {@code target} has now, when it exists (a replaced file keeps its mode). */
    public static void keepPermissions(Path target, Path temp) throws IOException {
        Optional<Set<PosixFilePermission>> mode = permissions(target);
        if (mode.isPresent()) {
            Files.setPosixFilePermissions(temp, mode.get());
        }
    }

    /** Renames {@code temp} over {@code target} atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the regular files in {@code dir} named {@code <prefix>...<suffix>} that are left over:
     * the process whose id follows the prefix ({@code <prefix><pid>-...}) no longer runs, or the file
     * is older than {@link #STALE_AFTER}. Best effort: a file that cannot be deleted stays.
     */
    public static void removeStale(Path dir, String prefix, String suffix) {
        removeStale(dir, prefix, suffix, false);
    }

    /**
     * {@link #removeStale(Path, String, String)}, where {@code withoutPidIsStale} also counts a file
     * whose name carries no process id as left over, whatever its age (for directories only relock
     * writes temporary files in, whose older versions named them without one).
     */
    public static void removeStale(Path dir, String prefix, String suffix, boolean withoutPidIsStale) {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> isTemp(p.getFileName().toString(), prefix, suffix))) {
            for (Path entry : entries) {
                String middle = entry.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - suffix.length());
                try {
                    FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
                    Optional<Long> pid = pid(middle);
                    boolean leftOver = pid.isPresent() ? ProcessHandle.of(pid.get()).map(p -> !p.isAlive()).orElse(true)
                            : withoutPidIsStale;
                    if ((leftOver || modified.toInstant().isBefore(cutoff))
                            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(entry);
                    }
                } catch (IOException e) {
                    // in use or not ours to delete: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory fails the write itself, with a better message
        }
    }

    private static boolean isTemp(String name, String prefix, String suffix) {
        return name.length() > prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix);
    }

    /** The process id a temporary file's name carries ({@code <pid>-<random>}), if any. */
    private static Optional<Long> pid(String middle) {
        int dash = middle.indexOf('-');
        if (dash <= 0 || dash > 18 || !middle.substring(0, dash).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(middle.substring(0, dash)));
    }
}
