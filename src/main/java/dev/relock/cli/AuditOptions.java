package dev.relock.cli;

import dev.relock.advisory.AdvisorySource;
import dev.relock.advisory.OsvApiSource;
import dev.relock.advisory.OsvDatabaseSource;
import dev.relock.advisory.VulnIgnore;
import dev.relock.index.RetryPolicy;
import dev.relock.index.ServiceClient;
import dev.relock.lock.ProjectConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vulnerability audit's options: whether to audit, where advisories come from (the OSV API
 * or an offline OSV database) and which advisories the project accepts. A mixin, so that every
 * command that audits spells them the same way.
 */
public final class AuditOptions {
    boolean audit;
    String osvUrl;
    String osvDb;
    List<String> ignoreVulns = new ArrayList<>();

    /** Adds these options to {@code command}. */
    void declare(SpecBuilder command) {
        command.option("--audit")
                .description("Also report pins with known vulnerabilities (OSV): the 'vulnerable' check.")
                .flag(v -> audit = v);
        command.option("--osv-url").label("URL")
                .description("OSV-compatible API to ask. Default: $RELOCK_OSV_URL, else https://api.osv.dev.")
                .value(String.class, v -> osvUrl = v);
        command.option("--osv-db").label("PATH")
                .description("Audit offline against an OSV database: a directory or zip of OSV JSON records"
                        + " (e.g. OSV's PyPI/all.zip).")
                .value(String.class, v -> osvDb = v);
        command.option(VulnIgnore.OPTION).label("ID[@UNTIL][:REASON]")
                .description("Accept this advisory (id or alias) until UNTIL (YYYY-MM-DD, inclusive), for REASON; "
                        + "listed as ignored, reported again once expired (repeatable; also ignore-vulns in [tool.relock]).")
                .values(String.class, ignoreVulns);
    }

    /** Whether {@code --audit} was given. */
    public boolean requested() {
        return audit;
    }

    /** The advisory source: {@code --osv-db} when given, else the OSV API through the cache. */
    public AdvisorySource source(RunContext ctx, IndexOptions index) {
        if (osvDb != null) {
            return new OsvDatabaseSource(ctx.resolve(osvDb));
        }
        ServiceClient http = ServiceClient.create(index.timeLimits(), RetryPolicy.DEFAULT,
                "relock/" + VersionProvider.version());
        return new OsvApiSource(OsvApiSource.base(Optional.ofNullable(osvUrl), ctx.env()), http, index.cache(ctx),
                index.offline(), Clock.systemUTC());
    }

    /**
     * The accepted advisories: {@code ignore-vulns} of the project's settings, then
     * {@code --ignore-vuln}; a command-line entry replaces a settings entry of the same id.
     */
    public List<VulnIgnore> ignores(RunContext ctx) {
        Map<String, VulnIgnore> byId = new LinkedHashMap<>();
        ProjectConfig.table(ctx.workingDirectory()).ifPresent(t -> VulnIgnore.fromToml(
                t.table().path(VulnIgnore.TOML_KEY), ctx.workingDirectory().relativize(t.file()).toString())
                .forEach(i -> byId.put(i.id().toUpperCase(java.util.Locale.ROOT), i)));
        ignoreVulns.stream().map(VulnIgnore::parse).forEach(i -> byId.put(i.id().toUpperCase(java.util.Locale.ROOT), i));
        return List.copyOf(byId.values());
    }

    /** Today in UTC, the date ignores expire against. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
