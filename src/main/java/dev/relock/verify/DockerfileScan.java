package dev.relock.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a Dockerfile verify cares about: {@code FROM python:TAG} stages and {@code RUN}
 * commands. {@code FROM [--platform=...] image[:tag][@digest] [AS name]} is understood; the image
 * is Python when its last path segment is {@code python} (Docker Hub's official image, from any
 * registry mirror).
 */
final class DockerfileScan {
    /**
     * A {@code FROM} of the official Python image.
     *
     * @param line 1-based line
     * @param image the image reference as written
     * @param tag the tag ({@code latest} when none is given)
     */
    record PythonImage(int line, String image, String tag) {
        /** True when an ARG or environment variable decides the tag. */
        boolean substituted() {
            return tag.contains("$");
        }
    }

    private final Path file;
    private final List<PythonImage> images = new ArrayList<>();
    private final List<ProjectFiles.NumberedLine> runs = new ArrayList<>();

    private DockerfileScan(Path file) {
        this.file = file;
        for (ProjectFiles.NumberedLine l : ProjectFiles.logicalLines(ProjectFiles.lines(file))) {
            String text = l.text().strip();
            String[] words = text.split("\\s+");
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("FROM")) {
                from(l.line(), words).ifPresent(images::add);
            } else if (instruction.equals("RUN")) {
                runs.add(new ProjectFiles.NumberedLine(l.line(), text.substring(words[0].length()).strip()));
            }
        }
    }

    static DockerfileScan read(Path file) {
        return new DockerfileScan(file);
    }

    Path file() {
        return file;
    }

    List<PythonImage> pythonImages() {
        return List.copyOf(images);
    }

    /** {@code RUN} commands (shell form, continuations joined). */
    List<ProjectFiles.NumberedLine> runCommands() {
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
