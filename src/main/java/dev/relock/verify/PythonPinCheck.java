package dev.relock.verify;

import dev.relock.index.DistFile;
import dev.relock.lock.PythonRange;
import dev.relock.metadata.CoreMetadata;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.tags.PythonVersion;
import dev.relock.workspace.DockerfileScan;
import dev.relock.workspace.ProjectText;
import dev.relock.workspace.PythonPin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code python-pin}: one exact Python everywhere. {@code .python-version} pins X.Y.Z, and the
 * lock header, Dockerfiles ({@code FROM python:...}), workflow {@code actions/setup-python} steps,
 * {@code runtime.txt} and {@code pyproject.toml}'s {@code requires-python} agree with it. Every pin
 * admits the target Python ({@code Requires-Python} of its files or metadata) and has a wheel for
 * the target (only an sdist is a warning: it needs a build).
 */
public final class PythonPinCheck implements Check {
    public static final String NAME = "python-pin";
    private static final Pattern RUNTIME_TXT = Pattern.compile("^\\s*python-(\\S+)\\s*$");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*\\]\\s*(#.*)?$");
    private static final Pattern REQUIRES_PYTHON =
            Pattern.compile("^\\s*requires-python\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*(#.*)?$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return ".python-version pins X.Y.Z and agrees with the lock header, Dockerfiles, setup-python, runtime.txt"
                + " and requires-python; every pin admits that Python and has a wheel for the target";
    }

    @Override
    public IndexNeed indexNeed() {
        return IndexNeed.METADATA;
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        List<Finding> findings = new ArrayList<>();
        PythonSetting setting = input.python();
        if (input.universal().isPresent()) {
            universal(input, input.universal().get(), findings);
            return findings;
        }
        PythonVersion reference;
        String source;
        if (setting.pin().isPresent()) {
            PythonPin pin = setting.pin().get();
            reference = pin.version();
            source = pin.file().getFileName() + " pins " + pin.text();
            if (!pin.isExact()) {
                findings.add(Finding.error(NAME, pin.file(), pin.line(), Optional.empty(), "X.Y.Z", pin.text(),
                        pin.file().getFileName() + " pins " + pin.text() + ", not an exact X.Y.Z release"));
            }
        } else {
            reference = input.target().python();
            source = "the target is Python " + reference;
            findings.add(Finding.error(NAME, setting.file(), 0, Optional.empty(), "an exact X.Y.Z", "",
                    setting.problem()));
        }
        header(input, reference, source, findings);
        for (Named named : namedPythons(input, findings)) {
            if (named.substituted()) {
                findings.add(Finding.warning(NAME, named.file(), named.line(), Optional.empty(),
                        reference.toString(), named.found(), "unknown Python: the tag of " + named.found()
                                + " comes from a build argument, so it cannot be compared (" + source + ")"));
            } else if (named.dockerfile()) {
                if (named.ref().compare(reference) == PythonReference.Agreement.DIFFERENT) {
                    findings.add(mismatch(named.file(), named.line(), reference, named.found(), source));
                }
            } else {
                compare(named.file(), named.line(), named.ref(), reference, source, findings);
            }
        }
        for (Path pyproject : ProjectFiles.rootAndLockDir(input.projectRoot(), input.lock().file(), "pyproject.toml")) {
            requiresPython(pyproject, reference, source, findings);
        }
        if (input.index().isPresent()) {
            pins(input, findings);
        }
        return findings;
    }

    /**
     * A universal lock covers a range of Pythons: {@code .python-version}, when there is one, must
     * lie in it (a 3.12 pin is fine for {@code >=3.11}, 3.10 is not), and every pin that applies to
     * the environment checked admits its Python and has a file for it.
     */
    private static void universal(VerifyInput input, PythonRange range, List<Finding> findings) {
        input.python().pin().ifPresent(pin -> {
            if (!range.admits(pin.version())) {
                findings.add(Finding.error(NAME, pin.file(), pin.line(), Optional.empty(), "a Python in "
                        + range.specifiers(), pin.text(), pin.file().getFileName() + " pins " + pin.text()
                        + ", outside the universal lock's Python range " + range.specifiers() + " (" + range.source()
                        + ")"));
            }
        });
        for (Named named : namedPythons(input, findings)) {
            if (!named.substituted()) {
                inRange(named, range, findings);
            }
        }
        if (input.index().isPresent()) {
            pins(input, findings);
        }
    }

    /** A Python a project file names must lie in a universal lock's range; one not known exactly cannot be judged. */
    private static void inRange(Named named, PythonRange range, List<Finding> findings) {
        named.ref().version().filter(v -> !range.admits(v)).ifPresent(v -> findings.add(Finding.error(NAME,
                named.file(), named.line(), Optional.empty(), "a Python in " + range.specifiers(), named.found(),
                named.found() + " is outside the universal lock's Python range " + range.specifiers() + " ("
                        + range.source() + ")")));
    }

    /**
     * A Python that a project file names: a Dockerfile's {@code FROM python:...} (whose tag may come
     * from a build argument), a workflow's setup-python, {@code runtime.txt}.
     */
    private record Named(Path file, int line, PythonReference ref, String found, boolean dockerfile,
            boolean substituted) {}

    /** The Pythons the project's Dockerfiles, workflows and {@code runtime.txt} name; unreadable workflows are warned about. */
    private static List<Named> namedPythons(VerifyInput input, List<Finding> findings) {
        List<Named> out = new ArrayList<>();
        for (Path dockerfile : DockerfileScan.find(input.projectRoot())) {
            for (DockerfileScan.PythonImage image : DockerfileScan.read(dockerfile).pythonImages()) {
                PythonReference ref = image.substituted()
                        ? new PythonReference(image.tag(), Optional.empty()) : PythonReference.of(image.tag());
                out.add(new Named(dockerfile, image.line(), ref, image.image(), true, image.substituted()));
            }
        }
        for (Path workflow : ProjectFiles.workflows(input.projectRoot())) {
            try {
                for (WorkflowScan.SetupPython v : WorkflowScan.setupPythonVersions(workflow)) {
                    PythonReference ref = PythonReference.of(v.value());
                    out.add(new Named(workflow, v.line(), ref, ref.text(), false, false));
                }
            } catch (IOException e) {
                findings.add(Finding.warning(NAME, workflow, 0, Optional.empty(), "", "",
                        "cannot read the workflow: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        for (Path runtime : ProjectFiles.rootAndLockDir(input.projectRoot(), input.lock().file(), "runtime.txt")) {
            List<String> lines = ProjectText.lines(runtime);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RUNTIME_TXT.matcher(lines.get(i));
                if (m.matches()) {
                    out.add(new Named(runtime, i + 1, PythonReference.of(m.group(1)), m.group(1), false, false));
                    break;
                }
            }
        }
        return out;
    }

    private static void header(VerifyInput input, PythonVersion reference, String source, List<Finding> findings) {
        input.lock().headerPython().ifPresent(h -> {
            PythonReference ref = new PythonReference(h.text(), Optional.of(h.version()));
            if (ref.compare(reference) == PythonReference.Agreement.DIFFERENT) {
                findings.add(mismatch(input.lock().file(), h.line(), reference, "Python " + h.text(), source));
            }
        });
    }

    private static void compare(Path file, int line, PythonReference ref, PythonVersion reference, String source,
            List<Finding> findings) {
        switch (ref.compare(reference)) {
            case DIFFERENT -> findings.add(mismatch(file, line, reference, ref.text(), source));
            case SAME_MINOR_INEXACT -> findings.add(Finding.warning(NAME, file, line, Optional.empty(),
                    reference.toString(), ref.text(), "Python " + ref.text() + " is not an exact patch version: it"
                            + " installs whatever " + ref.text() + ".x is newest (" + source + ")"));
            case UNKNOWN -> findings.add(Finding.warning(NAME, file, line, Optional.empty(), reference.toString(),
                    ref.text(), "unknown Python '" + ref.text() + "': it cannot be compared (" + source + ")"));
            case SAME -> { }
        }
    }

    private static Finding mismatch(Path file, int line, PythonVersion reference, String found, String source) {
        return Finding.error(NAME, file, line, Optional.empty(), reference.toString(), found,
                "Python mismatch: " + found + " here, but " + source);
    }

    private static void requiresPython(Path pyproject, PythonVersion reference, String source,
            List<Finding> findings) {
        List<String> lines = ProjectText.lines(pyproject);
        String table = "";
        for (int i = 0; i < lines.size(); i++) {
            Matcher t = TABLE.matcher(lines.get(i));
            if (t.matches()) {
                table = t.group(1);
                continue;
            }
            Matcher m = REQUIRES_PYTHON.matcher(lines.get(i));
            if (table.equals("project") && m.matches()) {
                String spec = m.group(1) != null ? m.group(1) : m.group(2);
                Optional<VersionSpecifiers> parsed = parseSpecifiers(spec);
                if (parsed.isEmpty()) {
                    findings.add(Finding.warning(NAME, pyproject, i + 1, Optional.empty(), "", spec,
                            "requires-python '" + spec + "' is not a valid version specifier"));
                } else if (!parsed.get().contains(Version.parse(reference.fullVersion()), Optional.of(Boolean.TRUE))) {
                    findings.add(Finding.error(NAME, pyproject, i + 1, Optional.empty(), spec, reference.toString(),
                            "requires-python '" + spec + "' excludes Python " + reference + " (" + source + ")"));
                }
                return;
            }
        }
    }

    private static void pins(VerifyInput input, List<Finding> findings) {
        TargetEnvironment env = new TargetEnvironment(input.target());
        Version python = Version.parse(input.target().python().fullVersion());
        for (LockedPin pin : input.lock().pins()) {
            if (!env.applies(pin.entry().marker())) {
                continue;
            }
            List<DistFile> files = input.index().get().page(pin.name()).filesOf(pin.version());
            if (files.isEmpty()) {
                continue;
            }
            Optional<PackageName> pkg = Optional.of(pin.name());
            Path file = pin.entry().location().file();
            Optional<String> requires = requiresPython(input, pin, files, env);
            Optional<VersionSpecifiers> spec = requires.flatMap(PythonPinCheck::parseSpecifiers);
            if (spec.isPresent() && !spec.get().contains(python, Optional.of(Boolean.TRUE))) {
                findings.add(Finding.error(NAME, file, pin.line(), pkg, "Requires-Python admitting " + python,
                        requires.get(), pin.display() + " requires Python " + requires.get() + ", which excludes "
                                + input.target().python()));
                continue;
            }
            if (files.stream().noneMatch(f -> env.hasWheel(f.parsed()))) {
                if (files.stream().anyMatch(f -> env.installable(f.parsed()))) {
                    findings.add(Finding.warning(NAME, file, pin.line(), pkg, "a wheel for " + env.target(), "sdist only",
                            pin.display() + " has no wheel for " + env.target() + ", only an sdist: it needs a build"));
                } else if (input.universal().isPresent()) {
                    // A universal lock is checked on representative environments the project may not
                    // use; compile demands files only for --required-environment (as uv does).
                    findings.add(Finding.warning(NAME, file, pin.line(), pkg, "a wheel for " + env.target(),
                            String.join(", ", files.stream().map(DistFile::filename).toList()),
                            pin.display() + " has no file that installs on " + env.target()
                                    + ": pip fails there; add the environment with --required-environment to make"
                                    + " compile choose a version that has one"));
                } else {
                    findings.add(Finding.error(NAME, file, pin.line(), pkg, "a wheel for " + env.target(),
                            String.join(", ", files.stream().map(DistFile::filename).toList()),
                            pin.display() + " has no file that installs on " + env.target()));
                }
            }
        }
    }

    /** The metadata's Requires-Python, else that of the best file for the target, else any file's. */
    private static Optional<String> requiresPython(VerifyInput input, LockedPin pin, List<DistFile> files,
            TargetEnvironment env) {
        Optional<CoreMetadata> metadata = input.index().get().metadata(pin.name(), pin.version())
                .flatMap(IndexSnapshot.MetadataOutcome::metadata);
        if (metadata.isPresent() && metadata.get().requiresPython().isPresent()) {
            return Optional.of(metadata.get().requiresPython().get().toString());
        }
        return files.stream()
                .sorted((a, b) -> Boolean.compare(env.installable(b.parsed()), env.installable(a.parsed())))
                .map(DistFile::requiresPython)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<VersionSpecifiers> parseSpecifiers(String text) {
        try {
            return Optional.of(VersionSpecifiers.parse(text));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }
}
