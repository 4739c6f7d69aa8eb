package dev.relock.reqtxt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a requirements file or lockfile from the disk, refusing what cannot be one before any of
 * its content is looked at: directories, devices and FIFOs ({@code -r /dev/zero}), the kernel's
 * pseudo-files under {@code /proc} and {@code /sys} ({@code -r /proc/self/environ}, which Java
 * sees as regular files), files over {@link #MAX_BYTES}, and files holding a NUL byte. The reasons
 * name the file only and never quote its content, so a refused file's text cannot reach a message.
 */
public final class InputFile {
    /** The largest requirements file or lockfile read: far above any real one. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private InputFile() {}

    /** Why a file was not read: a reason without the path, for the caller to place. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean missing;

        Refused(String reason, boolean missing) {
            super(reason, null, false, false);
            this.missing = missing;
        }

        /** Whether the file does not exist (callers word that case their own way). */
        public boolean missing() {
            return missing;
        }
    }

    /** The bytes of {@code file}, or why it is not a requirements file. */
    public static byte[] read(Path file) throws Refused {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused("no such file", true);
        } catch (IOException | SecurityException e) {
            throw new Refused("cannot read file (" + e.getClass().getSimpleName() + ")", false);
        }
        Optional<String> pseudo = pseudoFileSystem(file.toAbsolutePath().normalize())
                .or(() -> pseudoFileSystem(real));
        if (pseudo.isPresent()) {
            throw new Refused("is a file of the kernel's " + pseudo.get()
                    + " file system, not a requirements file", false);
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("is a directory, not a requirements file", false);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("is not a regular file (a device, FIFO or socket), not a requirements file", false);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new Refused("cannot read file (" + e.getClass().getSimpleName() + ")", false);
        }
        check(bytes.length, bytes);
        return bytes;
    }

    /** Checks text that stands in for a file (an overlay's pending content) by the same limits. */
    public static void check(String text) throws Refused {
        if (text.length() > MAX_BYTES) {
            throw tooLarge();
        }
        if (text.indexOf('\0') >= 0) {
            throw hasNul();
        }
    }

    private static void check(int length, byte[] bytes) throws Refused {
        if (length > MAX_BYTES) {
            throw tooLarge();
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw hasNul();
            }
        }
    }

    private static Refused tooLarge() {
        return new Refused("is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not a requirements file", false);
    }

    private static Refused hasNul() {
        return new Refused("contains NUL bytes, not a requirements file", false);
    }

    private static Optional<String> pseudoFileSystem(Path absolute) {
        for (String root : new String[] {"/proc", "/sys", "/dev"}) {
            if (absolute.startsWith(root)) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }
}
