package dev.relock.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relock.common.RelockException;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Python versions a universal lock covers, and why: the one place that chooses them, for
 * compile, verify and wheelhouse. A {@code --python-version} (given or recorded) is a lower bound
 * ({@code 3.11} means {@code >=3.11}); else {@code [project].requires-python} of the
 * {@code pyproject.toml} in the project directory (the directory of the first source); else the
 * {@code .python-version} Python, again as a lower bound.
 *
 * @param specifiers the range as a version specifier, such as {@code >=3.11}
 * @param source where it came from, for messages
 */
public record PythonRange(String specifiers, String source) {
    /** The newest Python 3 minor version looked at for a range's oldest Python. */
    private static final int NEWEST_MINOR = 30;

    public PythonRange {
        Objects.requireNonNull(specifiers, "specifiers");
        Objects.requireNonNull(source, "source");
    }

    /** The range as version specifiers. */
    public VersionSpecifiers parsed() {
        return VersionSpecifiers.parse(specifiers);
    }

    /**
     * The range of a universal lock with {@code settings} in {@code projectDir}.
     *
     * @param pinned the Python of {@code .python-version}, when no other source gives one
     */
    public static PythonRange of(LockSettings settings, Path projectDir, Optional<PythonVersion> pinned) {
        if (settings.pythonVersion().isPresent()) {
            PythonVersion v = PythonVersion.parse(settings.pythonVersion().get());
            return new PythonRange(">=" + v.majorMinor(), "--python-version " + settings.pythonVersion().get());
        }
        Optional<PythonRange> declared = requiresPython(projectDir);
        if (declared.isPresent()) {
            return declared.get();
        }
        PythonVersion v = pinned.orElseThrow(() -> new RelockException(RelockException.Kind.BAD_INPUT,
                "no Python range for the universal lock: set [project] requires-python in pyproject.toml,"
                        + " or pass --python-version 3.11 (the oldest Python to support)"));
        return new PythonRange(">=" + v.majorMinor(), ".python-version " + v);
    }

    /** {@code [project].requires-python} of {@code projectDir}'s pyproject.toml, when it sets one. */
    static Optional<PythonRange> requiresPython(Path projectDir) {
        Path pyproject = projectDir.resolve("pyproject.toml");
        if (!Files.isRegularFile(pyproject)) {
            return Optional.empty();
        }
        JsonNode value;
        try {
            value = Sources.Toml.MAPPER.readTree(Files.readAllBytes(pyproject)).path("project").path("requires-python");
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, pyproject + ": not valid TOML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            VersionSpecifiers.parse(value.textValue());
        } catch (RuntimeException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, pyproject + ": requires-python '"
                    + value.textValue() + "' is not a valid version specifier");
        }
        return Optional.of(new PythonRange(value.textValue().strip(), "requires-python in " + pyproject));
    }

    /** The oldest Python release (X.Y.Z) the range admits, looking at Python 3.0 to 3.30. */
    public Optional<PythonVersion> oldest() {
        VersionSpecifiers spec = parsed();
        for (int minor = 0; minor <= NEWEST_MINOR; minor++) {
            for (int micro = 0; micro <= NEWEST_MINOR; micro++) {
                if (spec.contains(Version.parse("3." + minor + "." + micro))) {
                    return Optional.of(PythonVersion.of(3, minor, micro));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The environments a universal lock is checked on: the oldest and the newest Python 3 minor
     * release the range admits up to {@value #NEWEST_CHECKED_MINOR} (X.Y.0), each on Linux, macOS
     * and Windows, keeping those where one of {@code environments} holds (all when none is given).
     */
    public List<Target> checkedTargets(List<MarkerTree> environments) {
        PythonVersion oldest = oldest().orElseThrow(() -> new RelockException(RelockException.Kind.BAD_INPUT,
                "the Python range " + specifiers + " (" + source + ") admits no Python 3 release"));
        List<PythonVersion> pythons = new ArrayList<>(List.of(PythonVersion.of(3, oldest.minor(), 0)));
        for (int minor = NEWEST_CHECKED_MINOR; minor > oldest.minor(); minor--) {
            if (parsed().contains(Version.parse("3." + minor + ".0"))) {
                pythons.add(PythonVersion.of(3, minor, 0));
                break;
            }
        }
        List<Target> out = new ArrayList<>();
        for (PythonVersion python : pythons) {
            for (String platform : CHECKED_PLATFORMS) {
                Target t = new Target(python, TargetPlatform.parse(platform));
                MarkerEnvironment env = MarkerEnvironment.fromMap(t.markerValues());
                if (environments.isEmpty() || environments.stream().anyMatch(m -> holds(m, env))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static boolean holds(MarkerTree marker, MarkerEnvironment env) {
        try {
            return marker.evaluate(env);
        } catch (RuntimeException unevaluable) {
            return false;
        }
    }

    /** The newest Python minor release a universal lock is checked on. */
    private static final int NEWEST_CHECKED_MINOR = 13;
    private static final List<String> CHECKED_PLATFORMS =
            List.of("x86_64-manylinux_2_28", "aarch64-apple-darwin", "x86_64-pc-windows-msvc");

    /** Whether the range admits {@code python} (as X.Y.0 when no micro is given). */
    public boolean admits(PythonVersion python) {
        return parsed().contains(Version.parse(python.fullVersion()), Optional.of(Boolean.TRUE));
    }
}
