package dev.relock.verify;

import dev.relock.advisory.Advisory;
import dev.relock.advisory.Pin;
import dev.relock.pep440.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code vulnerable} (with {@code --audit}): no pin is a release that a known, not withdrawn OSV
 * advisory affects, unless the project ignores that advisory and the ignore has not expired.
 * Each affected pin is an error at its line naming the advisory, its aliases, severity, summary
 * and the versions that fix it.
 */
public final class VulnerableCheck implements Check {
    public static final String NAME = "vulnerable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "no pin has a known vulnerability (OSV); runs with --audit";
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        List<Finding> findings = new ArrayList<>();
        if (input.audit().isEmpty()) {
            return findings;
        }
        AuditFacts facts = input.audit().get();
        for (LockedPin pin : input.lock().pins()) {
            for (AuditFacts.Hit hit : facts.hits(new Pin(pin.name(), pin.version()))) {
                if (hit.ignoredOn(facts.today())) {
                    continue;
                }
                Advisory a = hit.advisory();
                List<Version> fixes = a.fixesFor(pin.name(), pin.version());
                if (fixes.isEmpty()) {
                    // the service matched a range relock cannot read (GIT, or a version PEP 440 rejects)
                    fixes = a.fixedVersions(pin.name()).stream().filter(f -> f.compareTo(pin.version()) > 0)
                            .limit(1).toList();
                }
                String expired = hit.ignore().map(i -> "; the ignore of " + i.id() + " expired on "
                        + i.until().orElseThrow()).orElse("");
                findings.add(Finding.error(NAME, input.lock().file(), pin.line(), Optional.of(pin.name()),
                        fixes.isEmpty() ? "" : pin.name() + "==" + fixes.get(0), pin.display(),
                        pin.display() + " is affected by " + title(a) + fix(fixes) + expired));
            }
        }
        return findings;
    }

    /** {@code GHSA-x (CVE-y, severity HIGH): summary}. */
    static String title(Advisory a) {
        List<String> extra = new ArrayList<>(a.aliases().stream().filter(s -> s.startsWith("CVE-")).toList());
        a.severity().ifPresent(s -> extra.add("severity " + s));
        return a.id() + (extra.isEmpty() ? "" : " (" + String.join(", ", extra) + ")")
                + (a.summary().isEmpty() ? "" : ": " + a.summary());
    }

    private static String fix(List<Version> fixes) {
        return fixes.isEmpty() ? "; no fixed version is known"
                : "; fixed in " + fixes.stream().map(Version::toString).collect(Collectors.joining(", "));
    }
}
