package dev.relock.update;

import dev.relock.lock.FileOverlay;
import dev.relock.name.PackageName;
import dev.relock.lock.LockOption;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The update bot's self-verification: {@code relock verify --strict} with the checks a gate runs on
 * a lock it is asked to trust ({@code hash-match}, {@code fresh}, {@code python-pin}, and the
 * vulnerability audit when it is on), run through verify's own {@link Verifier} on the planned
 * lockfiles before anything is pushed.
 *
 * <p>An item fails on an error finding. {@code fresh} fails on a warning too: its warnings are the
 * differences a fresh resolution finds ({@code --strict}), which is what "fresh" means for a lock
 * the bot just made. Other warnings (a Docker tag that cannot be compared, say) are listed under
 * their item without failing it.
 */
public final class SelfVerification implements ResultCheck {
    /**
     * One checklist item.
     *
     * @param check the verify check
     * @param label what it establishes when it passes
     * @param warningsFail whether a warning fails the item
     */
    public record Step(Check check, String label, boolean warningsFail) {
        public Step {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(label, "label");
        }
    }

    private final Path workspace;
    private final List<LockOption.Given> given;
    private final Map<String, String> environment;
    private final VerifyRequest.IndexAccess index;
    private final List<Step> steps;

    /**
     * @param workspace the repository root (where project files are looked for)
     * @param given the lock options given on the command line, as verify takes them
     * @param environment variables for {@code ${VAR}} in requirements files
     * @param index opens index clients for a lockfile's sources
     * @param extra further steps after the standard ones (the audit, when it is on)
     */
    public SelfVerification(Path workspace, List<LockOption.Given> given, Map<String, String> environment,
            VerifyRequest.IndexAccess index, List<Step> extra) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.given = List.copyOf(given);
        this.environment = Map.copyOf(environment);
        this.index = Objects.requireNonNull(index, "index");
        List<Step> all = new ArrayList<>(standardSteps());
        all.addAll(extra);
        this.steps = List.copyOf(all);
    }

    /** hash-match, fresh (strict) and python-pin, as the checklist names them. */
    public static List<Step> standardSteps() {
        return List.of(
                new Step(new HashMatchCheck(Optional.empty()), "hashes match the index", false),
                new Step(new FreshCheck(), "pins answer the `.in` files and a fresh resolution picks the same"
                        + " (`fresh --strict`)", true),
                new Step(new PythonPinCheck(), "one exact Python: `.python-version`, lockfile headers, Docker and CI"
                        + " agree", false));
    }

    @Override
    public Verification verify(List<FileUpdate> files, Set<PackageName> pastCutoff) {
        FileOverlay overlay = FileOverlay.none();
        List<VerifyRequest.Lockfile> lockfiles = new ArrayList<>();
        for (FileUpdate f : files) {
            lockfiles.add(new VerifyRequest.Lockfile(f.job().lockfile(), f.job().source()));
            overlay = overlay.with(f.job().lockfile(), f.after());
        }
        VerifyRequest request = new VerifyRequest(lockfiles, steps.stream().map(Step::check).toList(), given,
                Optional.empty(), workspace, environment, Optional.of(index), true);
        VerifyReport report = Verifier.verify(request, overlay, status -> { });
        ReportWriter writer = new ReportWriter(workspace);
        List<Verification.Item> items = new ArrayList<>();
        List<String> notes = new ArrayList<>(report.notes());
        for (Step step : steps) {
            List<Finding> found = report.findings().stream()
                    .filter(f -> f.check().equals(step.check().name())).toList();
            if (step.check() instanceof FreshCheck) {
                List<Finding> expected = found.stream().filter(f -> f.severity() == Severity.WARNING
                        && f.pkg().filter(pastCutoff::contains).isPresent()).toList();
                expected.forEach(f -> notes.add(writer.line(f) + " (expected: the security fix of "
                        + f.pkg().orElseThrow() + " bypassed the --exclude-newer cooldown)"));
                found = found.stream().filter(f -> !expected.contains(f)).toList();
            }
            boolean failed = found.stream()
                    .anyMatch(f -> f.severity() == Severity.ERROR || step.warningsFail());
            items.add(new Verification.Item(step.check().name(), step.label(), !failed,
                    found.stream().map(writer::line).toList()));
        }
        return new Verification(items, notes);
    }
}
