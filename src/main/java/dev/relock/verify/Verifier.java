package dev.relock.verify;

import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.reqtxt.RequirementEntry;
import dev.relock.reqtxt.RequirementsFile;
import dev.relock.reqtxt.RequirementsFileReader;
import dev.relock.resolve.BinaryPolicy;
import dev.relock.resolve.ResolveRequest;
import dev.relock.resolve.Resolver;
import dev.relock.resolve.RootRequirement;
import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import dev.relock.workspace.PythonPin;
import dev.relock.workspace.PythonVersionFile;
import dev.relock.workspace.WorkspaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the selected checks over each lockfile: reads the lockfile and its {@code .in}, chooses the
 * target, fetches what the checks need from the index in one concurrent sweep, then lets every
 * check look. Checks never print; the findings come back in a {@link VerifyReport}.
 */
public final class Verifier {
    private Verifier() {}

    /**
     * Verifies the request's lockfiles.
     *
     * @throws RelockException BAD_INPUT for malformed files or options, NETWORK when the index
     *     cannot be reached (an unreachable index never passes)
     */
    public static VerifyReport verify(VerifyRequest request) {
        Set<Finding> findings = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        int pins = 0;
        Check.IndexNeed need = request.checks().stream()
                .map(Check::indexNeed)
                .max(Comparator.naturalOrder())
                .orElse(Check.IndexNeed.NONE);
        for (VerifyRequest.Lockfile lockfile : request.lockfiles()) {
            LockDocument lock = LockDocument.read(lockfile.file(), request.environment());
            Optional<RequirementsFile> source = lockfile.source()
                    .map(in -> new RequirementsFileReader(request.environment()).read(in));
            PythonSetting python = python(request, lockfile.file());
            Target target = target(request, python, lock);
            Optional<IndexSnapshot> index = Optional.empty();
            Optional<ReResolution> reResolution = Optional.empty();
            boolean reResolve = request.strict() && source.isPresent()
                    && request.checks().stream().anyMatch(c -> c instanceof FreshCheck);
            if (need != Check.IndexNeed.NONE) {
                if (request.index().isPresent()) {
                    try (IndexClient client = request.index().get().open(lock.recordedIndexOptions())) {
                        index = Optional.of(IndexSnapshot.fetch(client, lock.pins(), target,
                                need == Check.IndexNeed.METADATA));
                        if (reResolve) {
                            reResolution = reResolve(client, source.get(), lock, target, notes);
                        }
                    }
                } else {
                    notes.add("offline: checks against the index were skipped ("
                            + String.join(", ", request.checks().stream()
                                    .filter(c -> c.indexNeed() != Check.IndexNeed.NONE).map(Check::name).toList())
                            + " ran structurally only)");
                }
            }
            if (source.isEmpty() && request.checks().stream().anyMatch(c -> c instanceof FreshCheck)) {
                notes.add(lockfile.file().getFileName() + ": no .in beside it, so fresh checked only that"
                        + " dependencies are pinned, not that nothing is extraneous");
            }
            VerifyInput input = new VerifyInput(lock, source, target, python, request.projectRoot(), index,
                    reResolution);
            pins += lock.pins().size();
            for (Check check : request.checks()) {
                findings.addAll(check.run(input));
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> f.file().toString()).thenComparingInt(Finding::line));
        return new VerifyReport(request.lockfiles().stream().map(VerifyRequest.Lockfile::file).toList(),
                request.checks().stream().map(Check::name).toList(), sorted, List.copyOf(notes), pins);
    }

    /**
     * Resolves the {@code .in} afresh with the pins as preferences, as {@code uv lock --check} does.
     * Inputs with URL, path or editable requirements are not re-resolved (a note says so). The
     * lockfile's recorded {@code --no-binary} / {@code --only-binary} lines steer it as they steered
     * the compile.
     */
    private static Optional<ReResolution> reResolve(IndexClient client, RequirementsFile in, LockDocument lock,
            Target target, Set<String> notes) {
        if (in.requirements().stream().anyMatch(e -> e.form() != RequirementEntry.Form.NAMED)
                || in.constraints().stream().anyMatch(e -> e.form() != RequirementEntry.Form.NAMED)) {
            notes.add(in.file().getFileName() + ": not re-resolved (--strict): it has URL, path or editable"
                    + " requirements");
            return Optional.empty();
        }
        ResolveRequest.Builder request = ResolveRequest.builder(target);
        try {
            request.binary(BinaryPolicy.recorded(lock.recordedIndexOptions().noBinary(),
                    lock.recordedIndexOptions().onlyBinary()));
        } catch (RelockException e) {
            notes.add(lock.file().getFileName() + ": not re-resolved (--strict): " + e.getMessage());
            return Optional.empty();
        }
        for (RequirementEntry e : in.requirements()) {
            request.requirement(new RootRequirement(e.requirement().orElseThrow(), "-r " + e.location().file()
                    .getFileName()));
        }
        for (RequirementEntry e : in.constraints()) {
            request.constraint(new RootRequirement(e.requirement().orElseThrow(), "-c " + e.location().file()
                    .getFileName()));
        }
        for (LockedPin pin : lock.pins()) {
            request.preference(pin.name(), pin.version());
        }
        try {
            return Optional.of(new ReResolution(Optional.of(new Resolver(client).resolve(request.build())), ""));
        } catch (RelockException e) {
            if (e.kind() != RelockException.Kind.UNRESOLVABLE) {
                throw e;
            }
            String first = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("no solution");
            return Optional.of(new ReResolution(Optional.empty(), first));
        }
    }

    private static PythonSetting python(VerifyRequest request, Path lockfile) {
        Path dir = lockfile.toAbsolutePath().normalize().getParent();
        Path file = request.pythonVersionFile()
                .orElseGet(() -> PythonVersionFile.find(dir)
                        .orElse(request.projectRoot().resolve(PythonVersionFile.NAME)));
        if (!Files.isRegularFile(file)) {
            return new PythonSetting(file, Optional.empty(), "no " + file.getFileName()
                    + ": pin the exact Python the lock is for, e.g. 'echo 3.12.7 > .python-version'");
        }
        try {
            PythonPin pin = PythonVersionFile.read(file);
            return new PythonSetting(file, Optional.of(pin), "");
        } catch (WorkspaceException e) {
            return new PythonSetting(file, Optional.empty(), e.getMessage());
        }
    }

    private static Target target(VerifyRequest request, PythonSetting python, LockDocument lock) {
        TargetPlatform platform = request.pythonPlatform().map(TargetPlatform::parse).orElse(TargetPlatform.DEFAULT);
        PythonVersion version = request.pythonVersion().map(v -> PythonVersion.parse(v.strip()))
                .or(() -> python.pin().map(PythonPin::version))
                .or(() -> lock.headerPython().map(LockDocument.HeaderPython::version))
                .orElseThrow(() -> new RelockException(RelockException.Kind.BAD_INPUT, lock.file()
                        + ": no target Python: pass --python-version X.Y.Z or pin it in .python-version"));
        return new Target(version, platform);
    }
}
