package dev.relock.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a verification.
 *
 * @param lockfiles the lockfiles verified
 * @param checks the names of the checks that ran
 * @param findings every finding, ordered by file and line, without duplicates
 * @param notes what could not be checked and why (for example index checks skipped offline)
 * @param pins how many exact pins the lockfiles hold
 */
public record VerifyReport(List<Path> lockfiles, List<String> checks, List<Finding> findings, List<String> notes,
        int pins) {

    public VerifyReport {
        lockfiles = List.copyOf(lockfiles);
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** Whether the lockfiles fail verification: any error, or with {@code strict} any finding. */
    public boolean failed(boolean strict) {
        return errors() > 0 || (strict && warnings() > 0);
    }
}
