package dev.relock.verify;

import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.reqtxt.RequirementsFile;
import dev.relock.reqtxt.RequirementsFileReader;
import dev.relock.lock.CompileResult;
import dev.relock.lock.CompileSetup;
import dev.relock.lock.Compiler;
import dev.relock.lock.FileOverlay;
import dev.relock.lock.LockSettings;
import dev.relock.lock.LockTargets;
import dev.relock.lock.PythonRange;
import dev.relock.resolve.ResolverListener;
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
import java.util.Map;
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
        return verify(request, status -> { });
    }

    /**
     * {@link #verify(VerifyRequest)}, reporting what it is doing to {@code status} (for a progress
     * display: short lines such as {@code verify requirements.txt: 12 of 40 index answers}).
     */
    public static VerifyReport verify(VerifyRequest request, java.util.function.Consumer<String> status) {
        return verify(request, FileOverlay.none(), status);
    }

    /**
     * {@link #verify(VerifyRequest, java.util.function.Consumer)} reading the lockfiles (and the
     * files they include) through {@code overlay}: the update bot verifies the lockfiles it planned
     * before it writes or pushes anything.
     */
    public static VerifyReport verify(VerifyRequest request, FileOverlay overlay,
            java.util.function.Consumer<String> status) {
        Set<Finding> findings = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<dev.relock.advisory.VulnIgnore> usedIgnores = new LinkedHashSet<>();
        boolean audit = request.audit().isPresent()
                && request.checks().stream().anyMatch(c -> c instanceof VulnerableCheck);
        int pins = 0;
        Check.IndexNeed need = request.checks().stream()
                .map(Check::indexNeed)
                .max(Comparator.naturalOrder())
                .orElse(Check.IndexNeed.NONE);
        for (VerifyRequest.Lockfile lockfile : request.lockfiles()) {
            String shown = "verify " + lockfile.file().getFileName();
            status.accept(shown + ": reading");
            LockDocument lock = LockDocument.read(lockfile.file(), request.environment(), overlay);
            Optional<RequirementsFile> source = lockfile.source()
                    .map(in -> new RequirementsFileReader(request.environment(), overlay::text).read(in));
            LockSettings settings = CompileSetup.settingsOf(lockfile.file(), request.projectRoot(), request.given(),
                    request.environment(), overlay);
            PythonSetting python = python(request, lockfile.file());
            Optional<PythonRange> universal = settings.universal()
                    ? Optional.of(PythonRange.of(settings, lockfile.file().toAbsolutePath().normalize().getParent(),
                            python.pin().map(PythonPin::version).or(() -> lock.headerPython()
                                    .map(LockDocument.HeaderPython::version))))
                    : Optional.empty();
            List<Target> targets = universal.isPresent() ? universal.get().checkedTargets(settings.environments())
                    : targets(request, settings, python, lock);
            boolean reResolve = request.strict() && source.isPresent()
                    && request.checks().stream().anyMatch(c -> c instanceof FreshCheck);
            Optional<ReResolution> reResolution = Optional.empty();
            if (need != Check.IndexNeed.NONE && request.index().isPresent() && reResolve) {
                status.accept(shown + ": re-resolving (--strict)");
                reResolution = reResolve(request, lockfile, overlay, notes);
            }
            Optional<AuditFacts> auditFacts = Optional.empty();
            if (audit) {
                status.accept(shown + ": asking " + request.audit().get().source().describe() + " for advisories");
                auditFacts = Optional.of(audit(request.audit().get(), lock, notes, usedIgnores));
            }
            // One client per lockfile: a lock made for several targets reads each page once.
            Optional<IndexClient> client = need == Check.IndexNeed.NONE ? Optional.empty()
                    : request.index().map(access -> access.open(
                            settings.index().sources(request.projectRoot(), request.environment())));
            if (need != Check.IndexNeed.NONE && client.isEmpty()) {
                notes.add("offline: checks against the index were skipped ("
                        + String.join(", ", request.checks().stream()
                                .filter(c -> c.indexNeed() != Check.IndexNeed.NONE).map(Check::name).toList())
                        + " ran structurally only)");
            }
            try {
                for (Target target : targets) {
                    Optional<IndexSnapshot> index = client.map(c -> IndexSnapshot.fetch(c, lock.pins(), target,
                            need == Check.IndexNeed.METADATA, (done, total) -> status.accept(shown + ": "
                                    + done + " of " + total + " index answers for " + target)));
                    // A universal lock's re-resolution covers every environment: each compares its own pins.
                    VerifyInput input = new VerifyInput(lock, source, target, python, request.projectRoot(), index,
                            reResolution.filter(r -> universal.isPresent() || target.equals(targets.get(0))),
                            auditFacts, universal);
                    for (Check check : request.checks()) {
                        status.accept(shown + ": " + check.name());
                        findings.addAll(check.run(input));
                    }
                }
            } finally {
                client.ifPresent(IndexClient::close);
            }
            if (source.isEmpty() && request.checks().stream().anyMatch(c -> c instanceof FreshCheck)) {
                notes.add(lockfile.file().getFileName() + ": no .in beside it, so fresh checked only that"
                        + " dependencies are pinned, not that nothing is extraneous");
            }
            pins += lock.pins().size();
        }
        if (audit) {
            request.audit().get().ignores().stream().filter(i -> !usedIgnores.contains(i))
                    .forEach(i -> notes.add("ignore-vuln " + i.id() + " matched no advisory of these pins"));
        }
        List<Finding> sorted = new ArrayList<>(findings.stream().map(f -> unexpanded(f, request.environment())).toList());
        sorted.sort(Comparator.comparing((Finding f) -> f.file().toString()).thenComparingInt(Finding::line));
        return new VerifyReport(request.lockfiles().stream().map(VerifyRequest.Lockfile::file).toList(),
                request.checks().stream().map(Check::name).toList(), sorted, List.copyOf(notes), pins);
    }

    /**
     * {@code finding} with the values of environment variables that a requirements file's
     * {@code ${NAME}} was expanded to written back as {@code ${NAME}}: a finding quotes a line, and
     * annotations and job summaries are public, so a token in a URL must not reach them. Values
     * shorter than 8 characters are left alone (they could be ordinary words).
     */
    static Finding unexpanded(Finding finding, Map<String, String> environment) {
        String expected = finding.expected();
        String found = finding.found();
        String message = finding.message();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String value = e.getValue();
            if (value == null || value.length() < 8 || !e.getKey().matches("[A-Z0-9_]+")) {
                continue;
            }
            String written = "${" + e.getKey() + "}";
            expected = expected.replace(value, written);
            found = found.replace(value, written);
            message = message.replace(value, written);
        }
        return expected.equals(finding.expected()) && found.equals(finding.found()) && message.equals(finding.message())
                ? finding
                : new Finding(finding.check(), finding.severity(), finding.file(), finding.line(), finding.pkg(),
                        expected, found, message);
    }

    /**
     * Asks the audit's source about every pin of {@code lock} and notes each advisory an ignore
     * accepts (never silently: the summary lists them, with their reason and expiry).
     */
    private static AuditFacts audit(VerifyRequest.Audit audit, LockDocument lock, Set<String> notes,
            Set<dev.relock.advisory.VulnIgnore> usedIgnores) {
        List<dev.relock.advisory.Pin> asked = lock.pins().stream()
                .map(p -> new dev.relock.advisory.Pin(p.name(), p.version())).distinct().toList();
        AuditFacts facts = new AuditFacts(audit.source().query(asked), audit.ignores(), audit.today());
        for (LockedPin pin : lock.pins()) {
            for (AuditFacts.Hit hit : facts.hits(new dev.relock.advisory.Pin(pin.name(), pin.version()))) {
                hit.ignore().ifPresent(usedIgnores::add);
                if (hit.ignoredOn(audit.today())) {
                    notes.add("ignored vulnerability: " + lock.file().getFileName() + ":" + pin.line() + " "
                            + pin.display() + " is affected by " + VulnerableCheck.title(hit.advisory())
                            + "; accepted by " + hit.ignore().get().describe());
                }
            }
        }
        return facts;
    }

    /**
     * Recompiles the lockfile as recorded (its settings, {@code .in}, {@code -c} files, extras,
     * pre-release mode, exclude-newer, binary options, targets) with its pins as preferences,
     * writing nothing: the compile's own path, as {@code uv lock --check} re-resolves.
     */
    private static Optional<ReResolution> reResolve(VerifyRequest request, VerifyRequest.Lockfile lockfile,
            FileOverlay overlay, Set<String> notes) {
        VerifyRequest.IndexAccess access = request.index().orElseThrow();
        try {
            CompileResult result = new Compiler(access::open, ResolverListener.NONE, request.environment(), request.clock())
                    .recompile(
                    CompileSetup.Invocation.recompile(request.projectRoot(), lockfile.file(), lockfile.source(),
                            request.given(), false, List.of()), overlay).result();
            return Optional.of(new ReResolution(Optional.of(result.resolution()), ""));
        } catch (RelockException e) {
            if (e.kind() == RelockException.Kind.BAD_INPUT) {
                notes.add(lockfile.file().getFileName() + ": not re-resolved (--strict): "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                return Optional.empty();
            }
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

    /**
     * The targets: the Python of {@code --python-version} (given or recorded), else the project's
     * pin, else the lock header's; the platforms of the lock's settings, else the project's.
     */
    private static List<Target> targets(VerifyRequest request, LockSettings settings, PythonSetting python,
            LockDocument lock) {
        PythonVersion version = settings.pythonVersion().map(v -> PythonVersion.parse(v.strip()))
                .or(() -> python.pin().map(PythonPin::version))
                .or(() -> lock.headerPython().map(LockDocument.HeaderPython::version))
                .orElseThrow(() -> new RelockException(RelockException.Kind.BAD_INPUT, lock.file()
                        + ": no target Python: pass --python-version X.Y.Z or pin it in .python-version"));
        List<TargetPlatform> platforms = LockTargets.platformsOf(settings, lock.file().toAbsolutePath().getParent());
        return platforms.stream().map(p -> new Target(version, p)).toList();
    }
}
