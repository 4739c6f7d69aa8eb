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
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile relock cares about: {@code FROM} stages (in particular
 * {@code FROM python:TAG}), the {@code ARG} defaults that {@code FROM} lines may use, and
 * {@code RUN} commands. {@code FROM [--platform=...] image[:tag][@digest] [AS name]} is
 * understood; the image is Python when its last path segment is {@code python} (Docker Hub's
 * official image, from any registry mirror).
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

    /**
     * A {@code FROM} instruction, whatever the image.
     *
     * @param line 1-based line
     * @param platform the {@code --platform} value as written, if given
     * @param image the image reference as written (build arguments not substituted)
     * @param name the stage name ({@code AS name}), if given
     */
    public record Stage(int line, Optional<String> platform, String image, Optional<String> name) {}

    /**
     * An image reference split into repository and tag; a digest is dropped.
     *
     * @param repository everything before the tag, e.g. {@code docker.io/library/python}
     * @param tag the tag ({@code latest} when none is given)
     */
    public record ImageRef(String repository, String tag) {
        /** Splits {@code image[:tag][@digest]}. */
        public static ImageRef parse(String image) {
            String ref = image;
            int at = ref.indexOf('@');
            if (at >= 0) {
                ref = ref.substring(0, at);
            }
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            String repository = colon > slash ? ref.substring(0, colon) : ref;
            String tag = colon > slash ? ref.substring(colon + 1) : "latest";
            return new ImageRef(repository, tag);
        }

        /** True for the official Python image: the last path segment of the repository is {@code python}. */
        public boolean isPython() {
            return repository.substring(repository.lastIndexOf('/') + 1).equals("python");
        }
    }

    /**
     * Text after build-argument substitution.
     *
     * @param text the substituted text; undefined variables became empty
     * @param undefined the variables that had no value, in order of appearance
     */
    public record Expansion(String text, List<String> undefined) {
        /** Copies the list. */
        public Expansion {
            undefined = List.copyOf(undefined);
        }

        /** True when every variable had a value. */
        public boolean complete() {
            return undefined.isEmpty();
        }
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Path file;
    private final List<PythonImage> images = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    private final List<NumberedLine> runs = new ArrayList<>();

    private DockerfileScan(Path file) {
        this.file = file;
        for (NumberedLine l : ProjectText.logicalLines(ProjectText.lines(file))) {
            String text = l.text().strip();
            String[] words = text.split("\\s+");
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("FROM")) {
                from(l.line(), words).ifPresent(images::add);
                stage(l.line(), words).ifPresent(stages::add);
            } else if (instruction.equals("ARG") && stages.isEmpty()) {
                for (int i = 1; i < words.length; i++) {
                    int eq = words[i].indexOf('=');
                    if (eq > 0) {
                        globalArgs.put(words[i].substring(0, eq), expand(unquote(words[i].substring(eq + 1))).text());
                    }
                }
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
     * cache and build output directories; sorted. Unreadable directories are skipped.
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
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
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

    /** Every {@code FROM} instruction, in file order. */
    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /**
     * The defaults of the {@code ARG}s declared before the first {@code FROM}: as in Docker, only
     * those can be used in {@code FROM} lines. An {@code ARG} without a default is absent.
     */
    public Map<String, String> globalArgs() {
        return Collections.unmodifiableMap(globalArgs);
    }

    /**
     * Substitutes {@code $NAME}, {@code ${NAME}} and {@code ${NAME:-default}} / {@code ${NAME:+value}}
     * with the {@link #globalArgs()} defaults, as Docker does for {@code FROM} lines built without
     * {@code --build-arg}.
     */
    public Expansion expand(String text) {
        List<String> undefined = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String operator = m.group(2) == null ? "" : m.group(2);
            String word = m.group(3) == null ? "" : m.group(3);
            Optional<String> value = Optional.ofNullable(globalArgs.get(name));
            boolean set = operator.startsWith(":") ? value.filter(v -> !v.isEmpty()).isPresent() : value.isPresent();
            String replacement;
            if (operator.endsWith("-")) {
                replacement = set ? value.get() : word;
            } else if (operator.endsWith("+")) {
                replacement = set ? word : "";
            } else {
                replacement = value.orElse("");
                if (value.isEmpty()) {
                    undefined.add(name);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Expansion(out.toString(), undefined);
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
        ImageRef ref = ImageRef.parse(image);
        if (!ref.isPython()) {
            return Optional.empty();
        }
        return Optional.of(new PythonImage(line, image, ref.tag()));
    }

    private static Optional<Stage> stage(int line, String[] words) {
        Optional<String> platform = Optional.empty();
        int i = 1;
        while (i < words.length && words[i].startsWith("--")) {
            if (words[i].toLowerCase(Locale.ROOT).startsWith("--platform=")) {
                platform = Optional.of(words[i].substring("--platform=".length()));
            }
            i++;
        }
        if (i >= words.length) {
            return Optional.empty();
        }
        Optional<String> name = i + 2 < words.length && words[i + 1].equalsIgnoreCase("as")
                ? Optional.of(words[i + 2]) : Optional.empty();
        return Optional.of(new Stage(line, platform, words[i], name));
    }

    private static String unquote(String w) {
        if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))) {
            return w.substring(1, w.length() - 1);
        }
        return w;
    }
}
