package dev.relock.reqtxt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a {@link Lockfile} exactly as pip-compile (pip-tools 7) does (or, for
 * {@link Lockfile.Flavor#UV}, as {@code uv pip compile} does, keeping the model's order): header, options block and a
 * blank line, pins sorted (editables first, then by normalized name), each pin's sorted hashes on
 * {@code " \"}-continued lines, {@code # via} annotations, and the trailer after a blank line.
 * Lines end with {@code \n}.
 *
 * <p>Rules reproduced: a pin without hashes in a file where some pin has them is preceded by
 * pip-compile's two-line warning; line-style annotations pad the requirement to 24 code points
 * then add two spaces (or go on their own indented line after hashes); trailing whitespace is
 * removed from every annotated line; {@code --strip-extras} removes every {@code [...]} from the
 * requirement line and its annotation; an empty lockfile is a single empty line.
 */
public final class LockfileWriter {
    static final List<String> UNHASHED_WARNING = List.of(
            "# WARNING: pip install will require the following package to be hashed.",
            "# Consider using a hashable URL like https://github.com/jazzband/pip-tools/archive/SOMECOMMIT.zip");
    private static final Pattern EXTRAS = Pattern.compile("\\[.+?\\]");
    private static final int ANNOTATION_COLUMN = 24;

    private final boolean annotate;
    private final boolean stripExtras;

    private LockfileWriter(boolean annotate, boolean stripExtras) {
        this.annotate = annotate;
        this.stripExtras = stripExtras;
    }

    /** pip-compile's defaults: annotated, extras kept. */
    public static LockfileWriter pipCompile() {
        return new LockfileWriter(true, false);
    }

    /** {@code --annotate} ({@code true}) or {@code --no-annotate} ({@code false}). */
    public LockfileWriter withAnnotations(boolean on) {
        return new LockfileWriter(on, stripExtras);
    }

    /** {@code --strip-extras}. */
    public LockfileWriter withStripExtras(boolean on) {
        return new LockfileWriter(annotate, on);
    }

    /** The file's text. */
    public String write(Lockfile lockfile) {
        List<String> lines = new ArrayList<>(lockfile.header());
        List<String> options = lockfile.options().lines();
        if (!options.isEmpty()) {
            lines.addAll(options);
            lines.add("");
        }
        boolean pipCompile = lockfile.flavor() == Lockfile.Flavor.PIP_COMPILE;
        boolean warn = pipCompile && lockfile.hasHashes();
        for (Pin pin : ordered(lockfile.pins(), pipCompile)) {
            if (warn && pin.hashes().isEmpty()) {
                lines.addAll(UNHASHED_WARNING);
            }
            lines.add(format(pin, lockfile.annotationStyle(), pipCompile));
        }
        lockfile.trailer().ifPresent(trailer -> {
            lines.add("");
            lines.addAll(trailer.heading());
            for (Pin pin : ordered(trailer.pins(), pipCompile)) {
                lines.add(format(pin, lockfile.annotationStyle(), pipCompile));
            }
            trailer.names().forEach(name -> lines.add("# " + name));
        });
        if (lines.isEmpty()) {
            lines.add("");
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static List<Pin> ordered(List<Pin> pins, boolean sort) {
        return sort ? pins.stream().sorted(Comparator.comparing(Pin::sortKey)).toList() : pins;
    }

    /**
     * One pin with its hashes and annotation, possibly several lines joined by {@code \n};
     * {@code sort} sorts hashes and sources as pip-compile does.
     */
    String format(Pin pin, AnnotationStyle style, boolean sort) {
        StringBuilder line = new StringBuilder(pin.requirementText());
        pin.marker().ifPresent(marker -> line.append(" ; ").append(marker));
        for (Hash hash : sort ? new TreeSet<>(pin.hashes()) : pin.hashes()) {
            line.append(" \\\n    --hash=").append(hash);
        }
        String text = stripExtras ? EXTRAS.matcher(line).replaceAll("") : line.toString();
        List<String> sources = sort ? new ArrayList<>(new TreeSet<>(pin.via())) : pin.via();
        if (!annotate || sources.isEmpty()) {
            return text;
        }
        String annotation;
        String separator;
        if (style == AnnotationStyle.SPLIT) {
            annotation = sources.size() == 1 ? "# via " + sources.get(0) : "# via\n    #   " + String.join("\n    #   ", sources);
            separator = "\n    ";
        } else {
            annotation = "# via " + String.join(", ", sources);
            separator = pin.hashes().isEmpty() ? "  " : "\n    ";
        }
        if (stripExtras) {
            annotation = EXTRAS.matcher(annotation).replaceAll("");
        }
        String combined = padded(text) + separator + annotation;
        List<String> out = new ArrayList<>();
        for (String piece : combined.split("\n", -1)) {
            out.add(piece.stripTrailing());
        }
        return String.join("\n", out);
    }

    private static String padded(String text) {
        int length = text.codePointCount(0, text.length());
        return length >= ANNOTATION_COLUMN ? text : text + " ".repeat(ANNOTATION_COLUMN - length);
    }
}
