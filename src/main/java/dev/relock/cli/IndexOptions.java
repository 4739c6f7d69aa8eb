package dev.relock.cli;

import dev.relock.cache.Cache;
import dev.relock.cache.CacheBucket;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexLog;
import dev.relock.index.IndexSources;
import dev.relock.lock.LockSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How commands reach package indexes: the cache, offline mode and concurrency. Where packages come
 * from (the index URLs) is a lock's setting and belongs to the {@link dev.relock.lock.LockOption}
 * table.
 */
public final class IndexOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory. Default: $XDG_CACHE_HOME/relock or ~/.cache/relock.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--offline", description = "Make no network requests: compile, update and wheelhouse answer from the cache and fail on anything missing; verify runs only the structural checks.")
    boolean offline;

    @Option(names = "--concurrency", paramLabel = "N", description = "Parallel index requests (default: ${DEFAULT-VALUE}).", defaultValue = "32")
    int concurrency;

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

    /**
     * Starts building the HTTP machinery in the background when the run will probably need the
     * network: not {@code --offline}, and no cached pages to answer from. Commands call it first,
     * so the work overlaps their own start-up ({@link IndexClient#prepareNetwork()}); a run that
     * guessed wrong builds it on its first request instead.
     */
    public void prepareNetwork(RunContext ctx) {
        if (!offline && !cache(ctx).mayHold(CacheBucket.SIMPLE)) {
            IndexClient.prepareNetwork();
        }
    }

    /** A client for {@code sources} with these options' cache, offline mode and concurrency. */
    public IndexClient client(RunContext ctx, IndexSources sources, IndexLog log) {
        return IndexClient.builder(sources)
                .cache(cache(ctx))
                .offline(offline)
                .parallelism(Math.max(1, concurrency))
                .log(log)
                .userAgent("relock/" + VersionProvider.version())
                .build();
    }
}
