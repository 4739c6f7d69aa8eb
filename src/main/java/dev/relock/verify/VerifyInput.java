package dev.relock.verify;

import dev.relock.reqtxt.RequirementsFile;
import dev.relock.tags.Target;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the checks look at for one lockfile.
 *
 * @param lock the lockfile
 * @param source the {@code .in} file it was compiled from, with its {@code -r}/{@code -c} includes
 * @param target the Python and platform the lock must install on
 * @param python the project's {@code .python-version}
 * @param projectRoot where Dockerfiles, workflows, {@code runtime.txt} and {@code pyproject.toml} are looked for
 * @param index what the index says about the pinned packages; empty when the index is off ({@code --offline})
 * @param reResolution the {@code .in} resolved afresh with the pins as preferences; only with {@code --strict}
 * @param audit the known vulnerabilities of the pins; only with {@code --audit}
 */
public record VerifyInput(
        LockDocument lock,
        Optional<RequirementsFile> source,
        Target target,
        PythonSetting python,
        Path projectRoot,
        Optional<IndexSnapshot> index,
        Optional<ReResolution> reResolution,
        Optional<AuditFacts> audit) {

    public VerifyInput {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(reResolution, "reResolution");
        Objects.requireNonNull(audit, "audit");
    }

    /** An input without an audit. */
    public VerifyInput(LockDocument lock, Optional<RequirementsFile> source, Target target, PythonSetting python,
            Path projectRoot, Optional<IndexSnapshot> index, Optional<ReResolution> reResolution) {
        this(lock, source, target, python, projectRoot, index, reResolution, Optional.empty());
    }

    /** An input without a re-resolution (the default, non-strict mode). */
    public VerifyInput(LockDocument lock, Optional<RequirementsFile> source, Target target, PythonSetting python,
            Path projectRoot, Optional<IndexSnapshot> index) {
        this(lock, source, target, python, projectRoot, index, Optional.empty(), Optional.empty());
    }
}
