package dev.relock.hosting;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * New content for one file of a commit.
 *
 * @param path path inside the repository, with {@code /} separators
 * @param content the file's new bytes
 */
public record FileChange(String path, byte[] content) {
    public FileChange {
        Objects.requireNonNull(path, "path");
        content = content.clone();
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("repository paths are relative and use '/': " + path);
        }
    }

    /** A text file, UTF-8. */
    public static FileChange text(String path, String content) {
        return new FileChange(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
