package dev.relock.lock;

import java.nio.file.Path;

/** How paths are written into annotations, headers and messages. */
final class Paths {
    private Paths() {}

    /** {@code path} relative to {@code base} when below it, otherwise absolute; always with forward slashes. */
    static String display(Path base, Path path) {
        Path abs = base.resolve(path).normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
