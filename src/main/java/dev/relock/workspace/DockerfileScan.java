package dev.relock.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a Dockerfile relock cares about: {@code FROM python:TAG} stages and {@code RUN}
 * commands. {@code FROM [--platform=...] image[:tag][@digest] [AS name]} is understood; the image
 * is Python when its last path segment is {@code python} (Docker Hub's official image, from any
 * registry mirror).
 */
public final class DockerfileScan {
    private static final Set<String> SKIPPED_DIRS = Set.of(
            ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
            "site-packages", "target", "build", "dist", ".mypy_cache", ".pytest_cache", ".ruff_cache");
    private static final int MAX_DEPTH = 6;

    /**
     * A {@code FROM} of the official Python image.
     *
     * @param line 1-based line
     * @param image the image reference as written
     * @param tag the tag ({@code latest} when none is given)
     */
    public record PythonImage(int line, String image, String tag) {
        /** True when an ARG or environment variable decides the tag. */
        public boolean substituted() {
            return tag.contains("$");
        }
    }

    private final Path file;
    private final List<PythonImage> images = new ArrayList<>();
    private final List<NumberedLine> runs = new ArrayList<>();

    private DockerfileScan(Path file) {
        this.file = file;
        for (NumberedLine l : ProjectText.logicalLines(ProjectText.lines(file))) {
            String text = l.text().strip();
            String[] words = text.split("\\s+");
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("FROM")) {
                from(l.line(), words).ifPresent(images::add);
            } else if (instruction.equals("RUN")) {
                runs.add(new NumberedLine(l.line(), text.substring(words[0].length()).strip()));
            }
        }
    }

    /**
     * Reads a Dockerfile.
     *
     * @throws UncheckedIOException when the file cannot be read, with the file in the message
     */
    public static DockerfileScan read(Path file) {
        return new DockerfileScan(file);
    }

    /**
     * {@code Dockerfile}, {@code *.Dockerfile} and {@code Dockerfile.*} (any case) below
     * {@code root}, at most six directories deep, skipping version control, virtual environment,
     * cache and build output directories; sorted.
     */
    public static List<Path> find(Path root) {
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
                    if (attrs.isRegularFile() && isDockerfileName(file.getFileName().toString())) {
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

    /** True for {@code Dockerfile}, {@code *.Dockerfile} and {@code Dockerfile.*}, in any case. */
    public static boolean isDockerfileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.equals("dockerfile") || name.endsWith(".dockerfile") || name.startsWith("dockerfile.");
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The {@code FROM} instructions of the official Python image, in file order. */
    public List<PythonImage> pythonImages() {
        return List.copyOf(images);
    }

    /** {@code RUN} commands (shell form, continuations joined). */
    public List<NumberedLine> runCommands() {
        return List.copyOf(runs);
    }

    private static Optional<PythonImage> from(int line, String[] words) {
        int i = 1;
        while (i < words.length && words[i].startsWith("--")) {
            i++;
        }
        if (i >= words.length) {
            return Optional.empty();
        }
        String image = words[i];
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        String repository = colon > slash ? ref.substring(0, colon) : ref;
        String tag = colon > slash ? ref.substring(colon + 1) : "latest";
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        if (!last.equals("python")) {
            return Optional.empty();
        }
        return Optional.of(new PythonImage(line, image, tag));
    }
}
