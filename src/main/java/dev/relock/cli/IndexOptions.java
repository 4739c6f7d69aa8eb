package dev.relock.cli;

import dev.relock.cache.Cache;
import dev.relock.cache.CacheBucket;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexLog;
import dev.relock.index.IndexSources;
import dev.relock.reqtxt.LockfileOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Package index options shared by compile, verify, wheelhouse and update, with pip's names.
 * When none is given, a command may fall back to the options recorded in a lockfile's header,
 * and then to PyPI.
 */
public final class IndexOptions {
    @Option(names = {"-i", "--index-url"}, paramLabel = "URL", description = "Base URL of the package index (PEP 503/691). Default: https://pypi.org/simple/")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "Another index, consulted only for projects the earlier ones do not have (first index wins).")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL", description = "A directory or HTML page of distribution files, merged with the indexes.")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Use no package index, only --find-links.")
    boolean noIndex;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory. Default: $XDG_CACHE_HOME/relock or ~/.cache/relock.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--offline", description = "Make no network requests: compile, update and wheelhouse answer from the cache and fail on anything missing; verify runs only the structural checks.")
    boolean offline;

    @Option(names = "--concurrency", paramLabel = "N", description = "Parallel index requests (default: ${DEFAULT-VALUE}).", defaultValue = "32")
    int concurrency;

    /** True when the user named any index or find-links location on the command line. */
    public boolean anyGiven() {
        return indexUrl != null || !extraIndexUrls.isEmpty() || !findLinks.isEmpty() || noIndex;
    }

    public Optional<String> indexUrl() {
        return Optional.ofNullable(indexUrl);
    }

    public List<String> extraIndexUrls() {
        return List.copyOf(extraIndexUrls);
    }

    public List<String> findLinks() {
        return List.copyOf(findLinks);
    }

    public boolean noIndex() {
        return noIndex;
    }

    public boolean offline() {
        return offline;
    }

    /**
     * The index sources: the command line's when any is given, otherwise {@code recorded} (the
     * options a lockfile's header carries), otherwise PyPI.
     */
    public IndexSources sources(RunContext ctx, LockfileOptions recorded) {
        IndexSources.Builder b = IndexSources.builder()
                .workingDirectory(ctx.workingDirectory())
                .environment(ctx.env());
        ctx.var("NETRC").map(Path::of).ifPresent(b::netrcFile);
        if (anyGiven()) {
            indexUrl().ifPresent(b::indexUrl);
            extraIndexUrls.forEach(b::extraIndexUrl);
            findLinks.forEach(b::findLinks);
            b.noIndex(noIndex);
        } else {
            recorded.indexUrl().ifPresent(b::indexUrl);
            recorded.extraIndexUrls().forEach(b::extraIndexUrl);
            recorded.findLinks().forEach(b::findLinks);
        }
        return b.build();
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
