package dev.relock.update;

import dev.relock.lock.FileOverlay;
import dev.relock.lock.LockOption;
import dev.relock.name.PackageName;
import dev.relock.verify.Check;
import dev.relock.verify.Finding;
import dev.relock.verify.FreshCheck;
import dev.relock.verify.HashMatchCheck;
import dev.relock.verify.PythonPinCheck;
import dev.relock.verify.ReportWriter;
import dev.relock.verify.Severity;
import dev.relock.verify.Verifier;
import dev.relock.verify.VerifyReport;
import dev.relock.verify.VerifyRequest;
import dev.relock.verify.VulnerableCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The update bot's self-verification: {@code relock verify --strict} with the checks a gate runs on
 * a lock it is asked to trust ({@code hash-match}, {@code fresh}, {@code python-pin}, and
 * {@code vulnerable} when the audit is on), run through verify's own {@link Verifier} on the
 * planned lockfiles before anything is pushed.
 *
 * <p>What fails an item:
 * <ul>
 *   <li>{@code hash-match}, {@code python-pin}: an error. Their warnings (a Docker tag that cannot
 *       be compared, say) are listed under the item without failing it.</li>
 *   <li>{@code fresh}: an error or a warning: its warnings are the differences a fresh resolution
 *       finds ({@code --strict}), which is what "fresh" means for a lock the bot just made. A
 *       difference in a package whose security fix bypassed the cooldown is expected and noted.</li>
 *   <li>{@code vulnerable}: only an advisory the update brought in. Advisories the base already
 *       had stay open (the pull request lists them) without blocking an update that does not make
 *       them worse; ignored advisories ({@code --ignore-vuln}) are not findings at all.</li>
 * </ul>
 */
public final class SelfVerification implements ResultCheck {
    private final Path workspace;
    private final List<LockOption.Given> given;
    private final Map<String, String> environment;
    private final VerifyRequest.IndexAccess index;
    private final Optional<VerifyRequest.Audit> audit;
    private final Clock clock;

    /**
     * @param workspace the repository root (where project files are looked for)
     * @param given the lock options given on the command line, as verify takes them
     * @param environment variables for {@code ${VAR}} in requirements files
     * @param index opens index clients for a lockfile's sources
     * @param audit the audit's source and accepted advisories, when the audit is on
     * @param clock "now" for a recorded cooldown ({@code --exclude-newer 7d}), as the recompile saw it
     */
    public SelfVerification(Path workspace, List<LockOption.Given> given, Map<String, String> environment,
            VerifyRequest.IndexAccess index, Optional<VerifyRequest.Audit> audit, Clock clock) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.given = List.copyOf(given);
        this.environment = Map.copyOf(environment);
        this.index = Objects.requireNonNull(index, "index");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Verification verify(List<FileUpdate> files, Optional<SecurityReport> security) {
        FileOverlay overlay = FileOverlay.none();
        List<VerifyRequest.Lockfile> lockfiles = new ArrayList<>();
        for (FileUpdate f : files) {
            lockfiles.add(new VerifyRequest.Lockfile(f.job().lockfile(), f.job().source()));
            overlay = overlay.with(f.job().lockfile(), f.after());
        }
        List<Check> checks = new ArrayList<>(List.of(new HashMatchCheck(Optional.empty()), new FreshCheck(),
                new PythonPinCheck()));
        audit.ifPresent(a -> checks.add(new VulnerableCheck()));
        VerifyRequest request = new VerifyRequest(lockfiles, checks, given, Optional.empty(), workspace, environment,
                Optional.of(index), true, audit, clock);
        VerifyReport report = Verifier.verify(request, overlay, status -> { });
        ReportWriter writer = new ReportWriter(workspace);
        Set<PackageName> pastCutoff = security.map(SecurityReport::pastCutoff).orElse(Set.of());
        List<String> notes = new ArrayList<>(report.notes());
        List<Verification.Item> items = new ArrayList<>();
        for (Check check : checks) {
            List<Finding> found = new ArrayList<>(report.findings().stream()
                    .filter(f -> f.check().equals(check.name())).toList());
            if (check instanceof FreshCheck) {
                List<Finding> expected = found.stream().filter(f -> f.severity() == Severity.WARNING
                        && f.pkg().filter(pastCutoff::contains).isPresent()).toList();
                expected.forEach(f -> notes.add(writer.line(f) + " (expected: the security fix of "
                        + f.pkg().orElseThrow() + " bypassed the --exclude-newer cooldown)"));
                found.removeAll(expected);
            }
            boolean failed = found.stream().anyMatch(f -> blocks(check, f, files, security));
            items.add(new Verification.Item(check.name(), label(check, security), !failed,
                    found.stream().map(writer::line).toList()));
        }
        return new Verification(items, notes);
    }

    private boolean blocks(Check check, Finding f, List<FileUpdate> files, Optional<SecurityReport> security) {
        if (check instanceof FreshCheck) {
            return true;
        }
        if (check instanceof VulnerableCheck) {
            return broughtIn(f, files, security);
        }
        return f.severity() == Severity.ERROR;
    }

    /** Whether the update brought in the advisory of {@code f}: its pin is new or changed and was not affected. */
    private boolean broughtIn(Finding f, List<FileUpdate> files, Optional<SecurityReport> security) {
        Path file = f.file().toAbsolutePath().normalize();
        Optional<String> path = files.stream().filter(u -> u.job().lockfile().toAbsolutePath().normalize().equals(file))
                .map(FileUpdate::path).findFirst();
        if (path.isEmpty() || f.pkg().isEmpty()) {
            return true;
        }
        return security.map(r -> r.open().stream().anyMatch(o -> o.introduced() && o.path().equals(path.get())
                && o.name().equals(f.pkg().get()))).orElse(true);
    }

    private static String label(Check check, Optional<SecurityReport> security) {
        if (check instanceof HashMatchCheck) {
            return "hashes match the index";
        }
        if (check instanceof FreshCheck) {
            return "pins answer the `.in` files and a fresh resolution picks the same (`fresh --strict`)";
        }
        if (check instanceof PythonPinCheck) {
            return "one exact Python: `.python-version`, lockfile headers, Docker and CI agree";
        }
        return "no known vulnerability brought in (`--audit`" + security.map(r -> ": "
                + r.fixed().stream().map(x -> x.advisory().id()).distinct().count() + " fixed, "
                + r.open().stream().map(x -> x.advisory().id()).distinct().count() + " still open").orElse("") + ")";
    }
}
