package dev.relock.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an sdist ({@code .tar.gz}, {@code .tgz} or {@code .zip}) into an empty directory without
 * letting it write anywhere else: entries with absolute paths or {@code ..} segments, symbolic and
 * hard links whose target leaves the directory, and device files are refused; nothing is followed
 * through an earlier link.
 */
final class SafeExtraction {
    private SafeExtraction() {}

    /** Why an archive was refused; the message names the entry. */
    static final class UnsafeArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafeArchiveException(String message) {
            super(message);
        }
    }

    /**
     * Extracts {@code archive} (named {@code filename}) into {@code dest} and returns the source
     * tree: the single top-level directory when there is one, else {@code dest}.
     */
    static Path extract(Path archive, String filename, Path dest) throws IOException {
        Files.createDirectories(dest);
        Path root = dest.toRealPath();
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            extractZip(archive, root);
        } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            extractTar(archive, root);
        } else {
            throw new UnsafeArchiveException("unsupported archive format (relock builds .tar.gz and .zip sdists)");
        }
        checkLinks(root);
        try (var children = Files.list(root)) {
            var all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : root;
        }
    }

    private static void extractTar(Path archive, Path root) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !target.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new UnsafeArchiveException("the link " + entry.getName() + " points outside the sdist ("
                                + entry.getLinkName() + ")");
                    }
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, link);
                } else if (entry.isLink()) {
                    Path source = inside(root, entry.getLinkName());
                    if (!Files.isRegularFile(source) || !source.toRealPath().startsWith(root)) {
                        throw new UnsafeArchiveException("the hard link " + entry.getName() + " does not name an"
                                + " earlier file of the sdist (" + entry.getLinkName() + ")");
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target);
                } else if (entry.isFile()) {
                    write(root, target, tar);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                } else {
                    throw new UnsafeArchiveException("the entry " + entry.getName() + " is not a file, directory or link");
                }
            }
        }
    }

    private static void extractZip(Path archive, Path root) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(root, target, in);
                    }
                }
            }
        }
    }

    /**
     * Every symbolic link, followed through any chain of links, must end inside {@code root}: each
     * link was checked alone when it was made, but a link through another one ({@code a -> ..},
     * {@code b -> a/..}) can still leave.
     */
    private static void checkLinks(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    Path real = Files.exists(p) ? p.toRealPath()
                            : p.getParent().toRealPath().resolve(Files.readSymbolicLink(p)).normalize();
                    if (!real.startsWith(root)) {
                        throw new UnsafeArchiveException("the link " + root.relativize(p) + " points outside the sdist");
                    }
                }
            }
        }
    }

    /**
     * Writes a regular file; its parent must be a real directory inside {@code root} (an earlier
     * symbolic link cannot redirect it) and the file must not exist yet.
     */
    private static void write(Path root, Path target, InputStream in) throws IOException {
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(root)) {
            throw new UnsafeArchiveException("the entry " + root.relativize(target) + " is written through a link");
        }
        Files.copy(in, target);
    }

    /** Where entry {@code name} goes: refused when absolute or when it leaves {@code root}. */
    static Path inside(Path root, String name) throws UnsafeArchiveException {
        String clean = name.replace('\\', '/');
        if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*") || clean.contains("\0")) {
            throw new UnsafeArchiveException("the entry " + name + " has an absolute path");
        }
        Path target = root.resolve(clean).normalize();
        if (!target.startsWith(root) || target.equals(root) && !clean.replace("/", "").replace(".", "").isEmpty()) {
            throw new UnsafeArchiveException("the entry " + name + " leaves the sdist's directory");
        }
        for (String segment : clean.split("/")) {
            if (segment.equals("..")) {
                throw new UnsafeArchiveException("the entry " + name + " has a '..' segment");
            }
        }
        return target;
    }
}
