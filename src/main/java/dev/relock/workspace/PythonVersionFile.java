package dev.relock.workspace;

import dev.relock.common.RelockException;
import dev.relock.reqtxt.InputFile;
import dev.relock.tags.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .python-version} files as pyenv, uv and actions/setup-python write them.
 *
 * <p>The first line that is neither blank nor a {@code #} comment is the request; later lines
 * (pyenv's fallbacks) are ignored. relock targets CPython, so the request is {@code X.Y} or
 * {@code X.Y.Z}, optionally written {@code cpython-X.Y.Z}, {@code cpython@X.Y.Z} or
 * {@code pythonX.Y}. Anything else (pypy, {@code system}, pre-releases) is an error naming the
 * file, line and column.
 */
public final class PythonVersionFile {
    public static final String NAME = ".python-version";

    private static final Pattern REQUEST =
            Pattern.compile("(?i)(?:cpython[-@]|python)?(\\d+\\.\\d+(?:\\.\\d+)?)");

    private PythonVersionFile() {}

    /** The nearest {@code .python-version} in {@code dir} or one of its parents. */
    public static Optional<Path> find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads the pin in {@code file}. */
    public static PythonPin read(Path file) {
        List<String> lines;
        try {
            // The same checks as for requirements files: no /proc, devices, FIFOs, NUL bytes or huge files.
            byte[] bytes = InputFile.read(file);
            lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (InputFile.Refused e) {
            throw new WorkspaceException(file + ": " + e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WorkspaceException(file + ": not UTF-8 text");
        }
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int column = raw.indexOf(text) + 1;
            return new PythonPin(file, i + 1, text, parseRequest(text, file, i + 1, column));
        }
        throw new WorkspaceException(file + ": empty; write the Python version to target, e.g. 3.12.7");
    }

    private static PythonVersion parseRequest(String text, Path file, int line, int column) {
        Matcher m = REQUEST.matcher(text);
        if (m.matches()) {
            try {
                return PythonVersion.parse(m.group(1));
            } catch (RelockException e) {
                // Falls through to the uniform message below.
            }
        }
        throw new WorkspaceException(file + ":" + line + ":" + column + ": unsupported Python version '" + text
                + "': relock targets CPython and needs X.Y.Z (or X.Y), e.g. 3.12.7");
    }
}
