package dev.relock.cli;

import dev.relock.build.BuildSettings;
import dev.relock.build.PythonBuilder;
import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.cache.CacheBucket;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexLog;
import dev.relock.index.IndexSources;
import dev.relock.index.TimeLimits;
import dev.relock.lock.LockSettings;
import dev.relock.resolve.BuildRequirementResolver;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How commands reach package indexes: the cache, offline mode, concurrency and time limits. Where packages come
 * from (the index URLs) is a lock's setting and belongs to the {@link dev.relock.lock.LockOption}
 * table.
 */
public final class IndexOptions {
    Path cacheDir;
    boolean noCache;
    boolean offline;
    int concurrency;
    double requestTimeout;
    double runTimeout;
    boolean noBuild;
    Path python;
    double buildTimeout;

    /** Adds these options to {@code command}. */
    void declare(SpecBuilder command) {
        command.option("--cache-dir").label("DIR")
                .description("Cache directory. Default: $XDG_CACHE_HOME/relock or ~/.cache/relock.")
                .value(Path.class, v -> cacheDir = v);
        command.option("--no-cache").description("Neither read nor write the cache.").flag(v -> noCache = v);
        command.option("--offline").description("Make no network requests: compile, update and wheelhouse answer from"
                + " the cache and fail on anything missing; verify runs only the structural checks.")
                .flag(v -> offline = v);
        command.option("--concurrency").label("N").description("Parallel index requests (default: ${DEFAULT-VALUE}).")
                .defaultValue("32").value(int.class, v -> concurrency = v);
        // pip's --timeout bounds one request too (there, each socket wait): the name is kept as an alias.
        command.option("--request-timeout", "--timeout").label("SECONDS")
                .description("Give up on one index request, retries included, after this long (default: ${DEFAULT-VALUE}).")
                .defaultValue("60").value(double.class, v -> requestTimeout = v);
        command.option("--run-timeout").label("SECONDS")
                .description("Give up when the whole run's index traffic has not finished after this long"
                        + " (default: ${DEFAULT-VALUE}).")
                .defaultValue("900").value(double.class, v -> runTimeout = v);
        command.option("--no-build").negatable().description("Never run a build backend: an sdist whose"
                + " PKG-INFO does not declare its dependencies statically is unusable, as before builds existed.")
                .flag(v -> noBuild = v);
        command.option("--python").label("PATH").description("The Python that builds sdists whose metadata"
                + " is not static: a path, or a name looked up on the PATH (default: python3)."
                + " Machine-local: never recorded in a lockfile.")
                .value(Path.class, v -> python = v);
        command.option("--build-timeout").label("SECONDS")
                .description("Give up on one sdist's build, installing its build requirements included, after this long"
                        + " (default: ${DEFAULT-VALUE}).")
                .defaultValue("600").value(double.class, v -> buildTimeout = v);
    }

    /** When the run started: the whole-run bound counts from here. */
    private final long started = System.nanoTime();

    private static Duration seconds(double value, String option) {
        if (!(value > 0) || value > 86_400 * 365) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    option + " must be a positive number of seconds, got " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }

    public boolean offline() {
        return offline;
    }

    /** The index sources of {@code settings} (the lock's, with any given on the command line). */
    public IndexSources sources(RunContext ctx, LockSettings settings) {
        return settings.indexSources(ctx.workingDirectory(), ctx.env());
    }

    /** The cache these options ask for. */
    public Cache cache(RunContext ctx) {
        if (noCache) {
            return Cache.disabled();
        }
        Path root = cacheDir != null
                ? ctx.workingDirectory().resolve(cacheDir)
                : ctx.var("RELOCK_CACHE_DIR").map(Path::of).orElseGet(() -> Cache.defaultRoot(
                        ctx.env(), Path.of(System.getProperty("user.home")), System.getProperty("os.name")));
        return Cache.at(root);
    }

    /** The run's time limits: {@code --request-timeout} per request, {@code --run-timeout} in all. */
    public TimeLimits timeLimits() {
        return TimeLimits.of(seconds(requestTimeout, "--request-timeout"), seconds(runTimeout, "--run-timeout"),
                started);
    }

    private boolean expectsNetwork(RunContext ctx) {
        return !offline && !cache(ctx).mayHold(CacheBucket.SIMPLE);
    }

    /** A client for {@code sources} with these options' cache, offline mode and concurrency. */
    public IndexClient client(RunContext ctx, IndexSources sources, IndexLog log) {
        IndexClient.Builder client = IndexClient.builder(sources)
                .cache(cache(ctx))
                .offline(offline)
                .expectsNetwork(expectsNetwork(ctx))
                .parallelism(Math.max(1, concurrency))
                .timeLimits(timeLimits())
                .log(log)
                .userAgent("relock/" + VersionProvider.version());
        if (!noBuild) {
            BuildSettings build = BuildSettings.of(java.util.Optional.ofNullable(python)
                    .map(p -> p.getParent() == null ? p : ctx.resolve(p.toString())),
                    seconds(buildTimeout, "--build-timeout"), ctx.env());
            client.sdistBuilder(c -> new PythonBuilder(build, new BuildRequirementResolver(c), log));
        }
        return client.build();
    }
}
