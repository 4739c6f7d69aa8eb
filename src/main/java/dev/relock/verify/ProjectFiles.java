package dev.relock.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the project files that say which Python runs the lock, and reads them as lines. */
final class ProjectFiles {
    private static final Set<String> SKIPPED_DIRS = Set.of(
            ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
            "site-packages", "target", "build", "dist", ".mypy_cache", ".pytest_cache", ".ruff_cache");
    private static final int MAX_DEPTH = 6;

    private ProjectFiles() {}

    /** {@code Dockerfile}, {@code *.Dockerfile} and {@code Dockerfile.*} below {@code root}, sorted. */
    static List<Path> dockerfiles(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && (name.equals("dockerfile") || name.endsWith(".dockerfile")
                            || name.startsWith("dockerfile."))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    /** The GitHub Actions workflow files of {@code root}, sorted. */
    static List<Path> workflows(Path root) {
        Path dir = root.resolve(".github").resolve("workflows");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} in the project root and beside the lockfile, the existing ones, without duplicates. */
    static List<Path> rootAndLockDir(Path root, Path lockfile, String name) {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(root.resolve(name).toAbsolutePath().normalize());
        Path dir = lockfile.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            candidates.add(dir.resolve(name));
        }
        return candidates.stream().filter(Files::isRegularFile).toList();
    }

    /** The file's lines; undecodable bytes become U+FFFD, so a stray byte never hides a whole file. */
    static List<String> lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Joins backslash-continued lines (shell and Dockerfile style); each logical line keeps the
     * 1-based number of its first physical line. Lines that are comments are dropped.
     */
    static List<NumberedLine> logicalLines(List<String> lines) {
        List<NumberedLine> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            String trimmed = line.stripTrailing();
            boolean continued = trimmed.endsWith("\\");
            String body = continued ? trimmed.substring(0, trimmed.length() - 1).stripTrailing() : trimmed;
            if (current == null) {
                current = new StringBuilder(body);
                start = i + 1;
            } else {
                current.append(' ').append(body.strip());
            }
            if (!continued) {
                out.add(new NumberedLine(start, current.toString()));
                current = null;
            }
        }
        if (current != null) {
            out.add(new NumberedLine(start, current.toString()));
        }
        return out;
    }

    /** A logical line and the number of its first physical line. */
    record NumberedLine(int line, String text) {}
}
