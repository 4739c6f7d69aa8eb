package dev.relock.lock;

import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import dev.relock.workspace.PythonPin;
import dev.relock.workspace.PythonVersionFile;
import dev.relock.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets a lock is for, and why: the one place that turns a lock's {@link LockSettings} and
 * its project into {@link Target}s, for every command.
 *
 * <p>The Python: {@code --python-version} (given or recorded), else the nearest
 * {@code .python-version}. {@code X.Y} means {@code X.Y.0}, the oldest release of that line, as in
 * uv: markers see {@code python_full_version == "X.Y.0"}, Requires-Python is judged against
 * {@code X.Y.0}, and verify reads {@code X.Y} the same way.
 *
 * <p>A universal lock ({@code --universal}) without {@code --python-version} takes the oldest
 * Python its {@code requires-python} admits, when the project declares one ({@link PythonRange}).
 *
 * <p>The platforms: those the settings name (the command line, {@code [tool.relock]} or the
 * lockfile's header), else the ones the project's Dockerfiles imply ({@link PlatformSource}).
 *
 * @param targets one per platform, all with the same Python; never empty
 * @param pin the {@code .python-version} the Python came from, when it came from one
 * @param pythonSource why this Python, for {@code -v}
 * @param platformSource why these platforms, for {@code -v}
 * @param warnings things the user should know (for example Dockerfiles that disagree)
 * @param derived true when the platforms were derived from the project, not named
 */
public record LockTargets(List<Target> targets, Optional<PythonPin> pin, String pythonSource,
        String platformSource, List<String> warnings, boolean derived) {

    public LockTargets {
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target");
        }
    }

    /** The platforms of the targets, in order. */
    public List<TargetPlatform> platforms() {
        return targets.stream().map(Target::platform).toList();
    }

    /**
     * Chooses the targets for {@code settings}.
     *
     * @param settings the lock's settings (the given and recorded options)
     * @param platformOrigin where the settings' platforms came from, for the explanation
     * @param start where {@code .python-version} is looked for, upwards
     * @param projectRoot where the project's Dockerfiles are
     * @throws WorkspaceException when there is no target Python
     */
    public static LockTargets choose(LockSettings settings, String platformOrigin, Path start, Path projectRoot) {
        PythonVersion python;
        Optional<PythonPin> pin = Optional.empty();
        String pythonSource;
        Optional<PythonRange> declared = settings.universal() && settings.pythonVersion().isEmpty()
                ? PythonRange.requiresPython(start) : Optional.empty();
        if (settings.pythonVersion().isPresent()) {
            python = PythonVersion.parse(settings.pythonVersion().get());
            pythonSource = "--python-version " + settings.pythonVersion().get();
        } else if (declared.isPresent()) {
            // universal: the oldest Python of the declared range stands for it
            python = declared.get().oldest().orElseThrow(() -> new WorkspaceException(declared.get().source()
                    + " admits no Python 3 release; fix requires-python"));
            pythonSource = declared.get().source() + " (oldest: " + python + ")";
        } else {
            Path file = PythonVersionFile.find(start).orElseThrow(() -> new WorkspaceException(
                    "no target Python: relock resolves for the version your project pins. Pin it with"
                            + " 'echo 3.12.7 > .python-version' (use your version) or pass --python-version 3.12.7"));
            PythonPin p = PythonVersionFile.read(file);
            pin = Optional.of(p);
            python = p.version();
            pythonSource = file + ":" + p.line() + " pins " + p.text();
        }
        List<TargetPlatform> platforms;
        String platformSource;
        List<String> warnings = new ArrayList<>();
        boolean derived = settings.pythonPlatforms().isEmpty();
        if (!derived) {
            platforms = settings.pythonPlatforms();
            platformSource = platformOrigin;
        } else {
            PlatformSource.Derived d = PlatformSource.derive(projectRoot);
            platforms = d.platforms();
            platformSource = d.source();
            warnings.addAll(d.warnings());
        }
        List<Target> targets = new ArrayList<>();
        for (TargetPlatform platform : platforms) {
            targets.add(new Target(python, platform));
        }
        return new LockTargets(targets, pin, pythonSource, platformSource, warnings, derived);
    }

    /** The platforms {@code settings} name, else those the project in {@code projectRoot} implies. */
    public static List<TargetPlatform> platformsOf(LockSettings settings, Path projectRoot) {
        return settings.pythonPlatforms().isEmpty() ? PlatformSource.derive(projectRoot).platforms()
                : settings.pythonPlatforms();
    }

    /** {@code 3.11.7 on x86_64-manylinux_2_36 and aarch64-apple-darwin}. */
    public String describe() {
        return describe(targets);
    }

    /** {@code 3.11.7 on x86_64-manylinux_2_36 and aarch64-apple-darwin}. */
    public static String describe(List<Target> targets) {
        List<String> names = targets.stream().map(t -> t.platform().name()).toList();
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return targets.get(0).python() + " on " + joined;
    }
}
