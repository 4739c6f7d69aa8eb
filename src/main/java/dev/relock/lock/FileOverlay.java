package dev.relock.lock;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Files' pending text, read in place of the disk's: a compile given an overlay reads its
 * requirements and constraint files (with their {@code -r}/{@code -c} includes), its
 * {@code pyproject.toml} sources and its existing output through it. The update bot plans every
 * lockfile in memory and passes the new texts so far, so that {@code requirements-dev.in} with
 * {@code -c requirements.txt} sees the new main pins while the work tree stays as checked out.
 *
 * @param texts the pending text by path; keys are made absolute and normalized
 */
public record FileOverlay(Map<Path, String> texts) {
    private static final FileOverlay NONE = new FileOverlay(Map.of());

    /** Normalizes the keys and copies. */
    public FileOverlay {
        Objects.requireNonNull(texts, "texts");
        Map<Path, String> normalized = new LinkedHashMap<>();
        texts.forEach((path, text) -> normalized.put(key(path), Objects.requireNonNull(text, "text")));
        texts = Map.copyOf(normalized);
    }

    /** The empty overlay: everything is read from the disk. */
    public static FileOverlay none() {
        return NONE;
    }

    /** The pending text of {@code file}, or empty to read the disk. */
    public Optional<String> text(Path file) {
        return Optional.ofNullable(texts.get(key(file)));
    }

    /** This overlay with {@code file}'s pending text set to {@code text}. */
    public FileOverlay with(Path file, String text) {
        Map<Path, String> next = new LinkedHashMap<>(texts);
        next.put(key(file), text);
        return new FileOverlay(next);
    }

    /** Whether it holds no file. */
    public boolean isEmpty() {
        return texts.isEmpty();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
