package dev.relock.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads project files (Dockerfiles, workflows, {@code runtime.txt}) as lines. */
public final class ProjectText {
    private ProjectText() {}

    /**
     * The file's lines; undecodable bytes become U+FFFD, so a stray byte never hides a whole file.
     *
     * @throws UncheckedIOException when the file cannot be read, with the file in the message
     */
    public static List<String> lines(Path file) {
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
    public static List<NumberedLine> logicalLines(List<String> lines) {
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
}
