package dev.relock.verify;

import dev.relock.advisory.AdvisorySource;
import dev.relock.advisory.VulnIgnore;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.lock.LockOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify and how.
 *
 * @param lockfiles the lockfiles, each with the {@code .in} it is compiled from when known
 * @param checks the checks to run
 * @param given the lock options given on the command line ({@code --python-version},
 *     {@code --python-platform}, index options), laid over what each lockfile records
 * @param pythonVersionFile {@code --python-version-file}; otherwise the nearest {@code .python-version}
 * @param projectRoot where project files (Dockerfiles, workflows, ...) are looked for
 * @param environment variables for {@code ${VAR}} in requirements files
 * @param index opens index clients; empty: no index at all (offline)
 * @param strict also resolve each {@code .in} afresh with the pins as preferences and report the differences
 * @param audit where known vulnerabilities come from and which are accepted; empty: no audit
 * @param clock "now" for a recorded cooldown ({@code --exclude-newer 7d}) when re-resolving
 */
public record VerifyRequest(
        List<Lockfile> lockfiles,
        List<Check> checks,
        List<LockOption.Given> given,
        Optional<Path> pythonVersionFile,
        Path projectRoot,
        Map<String, String> environment,
        Optional<IndexAccess> index,
        boolean strict,
        Optional<Audit> audit,
        Clock clock) {

    /**
     * The audit's setting ({@code --audit}).
     *
     * @param source the OSV API or an offline OSV database
     * @param ignores the accepted advisories
     * @param today the date the ignores' expiry is judged on (UTC)
     */
    public record Audit(AdvisorySource source, List<VulnIgnore> ignores, LocalDate today) {
        public Audit {
            Objects.requireNonNull(source, "source");
            ignores = List.copyOf(ignores);
            Objects.requireNonNull(today, "today");
        }
    }

    /** A request without an audit, on the system clock. */
    public VerifyRequest(List<Lockfile> lockfiles, List<Check> checks, List<LockOption.Given> given,
            Optional<Path> pythonVersionFile, Path projectRoot, Map<String, String> environment,
            Optional<IndexAccess> index, boolean strict) {
        this(lockfiles, checks, given, pythonVersionFile, projectRoot, environment, index, strict, Optional.empty(),
                Clock.systemUTC());
    }

    /**
     * A lockfile to verify.
     *
     * @param file the lockfile
     * @param source the {@code .in} it is compiled from, if known
     */
    public record Lockfile(Path file, Optional<Path> source) {
        public Lockfile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Opens an index client for a lockfile's index sources. */
    @FunctionalInterface
    public interface IndexAccess {
        IndexClient open(IndexSources sources);
    }

    public VerifyRequest {
        lockfiles = List.copyOf(lockfiles);
        checks = List.copyOf(checks);
        given = List.copyOf(given);
        Objects.requireNonNull(pythonVersionFile, "pythonVersionFile");
        Objects.requireNonNull(projectRoot, "projectRoot");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
    }
}
