package dev.relock.index;

import dev.relock.cache.CacheBucket;
import dev.relock.cache.CacheEntry;
import dev.relock.cache.CacheMeta;
import dev.relock.cache.Freshness;
import dev.relock.common.RelockException;
import dev.relock.common.Sha256;
import dev.relock.filename.DistFilename;
import dev.relock.filename.WheelFilename;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import okhttp3.MediaType;
import okhttp3.Request;

/** Fetches project pages (simple indexes, find-links pages and directories) with revalidation. */
final class PageFetcher {
    /** PEP 691 content negotiation: JSON preferred, HTML accepted. */
    static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
            + "text/html;q=0.01";
    /** Renovate's fallback for servers that answer 406 to the PEP 691 Accept header. */
    private static final String ACCEPT_HTML_ONLY = "text/html";
    /** Content type of cached "this index does not know the project" entries. */
    private static final String NOT_FOUND = "application/x-relock-not-found";

    private final ClientContext ctx;
    private final IndexSources sources;
    private final Map<URI, CompletableFuture<List<ListedFile>>> findLinksPages = new ConcurrentHashMap<>();

    PageFetcher(ClientContext ctx, IndexSources sources) {
        this.ctx = ctx;
        this.sources = sources;
    }

    /** All files of {@code name}: first index that knows it wins, find-links merged in. */
    ProjectPage project(PackageName name) {
        List<Listing> files = new ArrayList<>();
        for (IndexSource index : sources.indexes()) {
            URI url = index.url().resolve(name.value() + "/");
            Optional<List<ListedFile>> listed = page(url, "index page of " + name);
            if (listed.isPresent()) {
                ctx.cpu().run(() -> interpret(listed.get(), name, index, true, files));
                break;
            }
        }
        for (IndexSource findLinks : sources.findLinks()) {
            List<ListedFile> listed = findLinks.kind() == IndexSource.Kind.FIND_LINKS_DIRECTORY
                    ? directory(findLinks.url(), name)
                    : findLinksPage(findLinks.url());
            ctx.cpu().run(() -> interpret(listed, name, findLinks, false, files));
        }
        return ctx.cpu().run(() -> ProjectPage.lazy(name, files, Listing::version, listing -> distFile(listing, name)));
    }

    /**
     * The versions of {@code name} on the indexes that "first index wins" did not consult for it:
     * those after the first index that lists it. For explaining a failed resolution; an index
     * that fails to answer is left out.
     */
    Map<IndexSource, List<Version>> shadowed(PackageName name) {
        Map<IndexSource, List<Version>> out = new java.util.LinkedHashMap<>();
        boolean found = false;
        for (IndexSource index : sources.indexes()) {
            Optional<List<ListedFile>> listed;
            try {
                listed = page(index.url().resolve(name.value() + "/"), "index page of " + name);
            } catch (RelockException e) {
                continue;
            }
            if (listed.isEmpty()) {
                continue;
            }
            if (!found) {
                found = true;
                continue;
            }
            List<Listing> files = interpret(listed.get(), name, index, false, new ArrayList<>());
            out.put(index, files.stream().map(Listing::version).distinct().sorted(java.util.Comparator.reverseOrder())
                    .toList());
        }
        return out;
    }

    /**
     * A listed file of the project, not yet a {@link DistFile}. Wheels are grouped by the version
     * field of their name and parsed in full only when their version is used; sdist names are
     * parsed now, because only the project name tells where their version starts.
     */
    private record Listing(ListedFile file, Version version, Optional<DistFilename> parsed, IndexSource source) {}

    /** Adds the files of {@code name} among {@code listed} to {@code into}; returns {@code into}. */
    private List<Listing> interpret(List<ListedFile> listed, PackageName name, IndexSource source, boolean ownPage,
            List<Listing> into) {
        Map<String, Optional<Version>> versions = new HashMap<>();
        for (ListedFile f : listed) {
            Optional<String> wheelVersion = WheelFilename.versionField(f.filename());
            if (wheelVersion.isPresent() && name.isSpelledAs(f.filename().substring(0, f.filename().indexOf('-')))) {
                Optional<Version> version = versions.computeIfAbsent(wheelVersion.get(), Version::tryParse);
                if (version.isPresent()) {
                    into.add(new Listing(f, version.get(), Optional.empty(), source));
                    continue;
                }
            }
            parse(f.filename(), name, source, ownPage)
                    .ifPresent(parsed -> into.add(new Listing(f, parsed.version(), Optional.of(parsed), source)));
        }
        return into;
    }

    /** The parsed file name; empty (logged for the project's own page) when it is not a file of {@code name}. */
    private Optional<DistFilename> parse(String filename, PackageName name, IndexSource source, boolean ownPage) {
        try {
            return Optional.of(DistFilename.parse(filename, name));
        } catch (RelockException e) {
            if (ownPage) {
                ctx.log().debug("skipping " + filename + " on " + source + ": " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    private Optional<DistFile> distFile(Listing listing, PackageName name) {
        ListedFile f = listing.file();
        Optional<DistFilename> parsed = listing.parsed().isPresent() ? listing.parsed()
                : parse(f.filename(), name, listing.source(), listing.source().kind() == IndexSource.Kind.SIMPLE_INDEX);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> url = f.link().resolve();
        if (url.isEmpty()) {
            ctx.log().debug("skipping " + f.filename() + ": unusable url " + UrlRedaction.redact(f.link().toString()));
            return Optional.empty();
        }
        if (!allowedScheme(url.get(), listing.source())) {
            // a remote page must not make relock open local files (or speak other protocols)
            ctx.log().warn("ignoring the link to " + f.filename() + " on " + listing.source() + ": a remote index may"
                    + " only link http(s) URLs, not " + Optional.ofNullable(url.get().getScheme()).orElse("?") + ":");
            return Optional.empty();
        }
        return Optional.of(new DistFile(f.filename(), parsed.get(), url.get(), f.hashes(), f.requiresPython(),
                f.yanked(), f.coreMetadata(), f.size(), f.uploadInstant(), listing.source()));
    }

    /** http(s) links anywhere; {@code file:} links only on pages that are themselves local. */
    private static boolean allowedScheme(URI url, IndexSource source) {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https")
                || scheme.equals("file") && "file".equalsIgnoreCase(source.url().getScheme());
    }

    /** A find-links HTML page, fetched once per client and shared by every project. */
    private List<ListedFile> findLinksPage(URI url) {
        CompletableFuture<List<ListedFile>> mine = new CompletableFuture<>();
        CompletableFuture<List<ListedFile>> existing = findLinksPages.putIfAbsent(url, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            List<ListedFile> listed = page(url, "find-links page").orElseGet(() -> {
                ctx.log().warn("find-links page " + UrlRedaction.redact(url.toString()) + " does not exist");
                return List.of();
            });
            mine.complete(listed);
            return listed;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            findLinksPages.remove(url, mine);
            throw e;
        }
    }

    /** Files in a local find-links directory whose names belong to {@code name}, with their SHA-256. */
    private List<ListedFile> directory(URI dirUrl, PackageName name) {
        Path dir = Path.of(dirUrl);
        List<ListedFile> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String filename = file.getFileName().toString();
                if (!Files.isRegularFile(file) || !belongsTo(filename, name)) {
                    continue;
                }
                out.add(new ListedFile(filename, ListedFile.Link.of(file.toUri()), Map.of("sha256", sha256(file)),
                        Optional.empty(),
                        Yanked.no(), CoreMetadataRef.absent(), OptionalLong.of(Files.size(file)), Optional.empty()));
            }
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.BAD_INPUT,
                    "cannot list find-links directory " + dir + ": " + e.getClass().getSimpleName());
        }
        out.sort(java.util.Comparator.comparing(ListedFile::filename));
        return out;
    }

    private static boolean belongsTo(String filename, PackageName name) {
        try {
            DistFilename.parse(filename, name);
            return true;
        } catch (RelockException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    /**
     * The links on the page at {@code url}, from the cache when fresh, revalidated when stale.
     *
     * @return empty if the server says the page does not exist (404/410)
     */
    private Optional<List<ListedFile>> page(URI url, String what) {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return localPage(url, what);
        }
        String key = UrlRedaction.withoutUserinfo(url.toString());
        Optional<CachedPage> cached = ctx.cpu().run(() -> ctx.cache().read(CacheBucket.SIMPLE, key)
                .flatMap(entry -> readCached(entry, url, key)));
        if (ctx.offline()) {
            return cached.orElseThrow(() -> new RelockException(RelockException.Kind.NETWORK, "offline: the "
                    + what + " from " + UrlRedaction.redact(url.toString()) + " is not in the cache")).files();
        }
        if (cached.isPresent() && cached.get().entry().freshness(ctx.clock().instant()) == Freshness.FRESH) {
            return cached.get().files();
        }
        Fetched fetched = fetch(url, what, cached, ACCEPT);
        if (fetched.status == 406) {
            fetched = fetch(url, what, cached, ACCEPT_HTML_ONLY);
        }
        return fetched.files;
    }

    /**
     * A page of a PEP 503 tree or a find-links HTML file on disk (never cached): a directory's
     * {@code index.html}, or the file itself. Empty when there is none, like a 404.
     */
    private Optional<List<ListedFile>> localPage(URI url, String what) {
        Path path = Path.of(url);
        Path html = Files.isDirectory(path) ? path.resolve("index.html") : path;
        if (!Files.isRegularFile(html)) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = Files.readAllBytes(html);
        } catch (IOException e) {
            throw new RelockException(RelockException.Kind.NETWORK,
                    what + ": cannot read " + html + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return Optional.of(ctx.cpu().run(() -> parse(body, Optional.of("text/html"), html.toUri())));
        } catch (PageFormatException e) {
            throw new RelockException(RelockException.Kind.NETWORK, what + ": " + html + " is not a readable page");
        }
    }

    /** A readable cached page; {@code files} is empty for a cached "not found". */
    private record CachedPage(CacheEntry entry, Optional<List<ListedFile>> files) {}

    private record Fetched(int status, Optional<List<ListedFile>> files) {}

    private Fetched fetch(URI url, String what, Optional<CachedPage> validator, String accept) {
        Request.Builder request = new Request.Builder().url(url.toString()).header("Accept", accept);
        validator.ifPresent(v -> {
            v.entry().meta().etag().ifPresent(etag -> request.header("If-None-Match", etag));
            v.entry().meta().lastModified().ifPresent(lm -> request.header("If-Modified-Since", lm));
        });
        String key = UrlRedaction.withoutUserinfo(url.toString());
        return ctx.transport().execute(request.build(), what, response -> {
            Instant now = ctx.clock().instant();
            CacheMeta meta = CacheMeta.fromHeaders(
                    Optional.ofNullable(response.header("ETag")),
                    Optional.ofNullable(response.header("Last-Modified")),
                    Optional.ofNullable(response.header("Cache-Control")),
                    Optional.ofNullable(response.header("Content-Type")),
                    now);
            boolean storable = !CacheMeta.forbidsStoring(Optional.ofNullable(response.header("Cache-Control")));
            int code = response.code();
            if (code == 304 && validator.isPresent()) {
                ctx.cache().refresh(CacheBucket.SIMPLE, key, meta);
                return new Fetched(code, validator.get().files());
            }
            if (code == 404 || code == 410) {
                if (storable) {
                    ctx.cache().write(CacheBucket.SIMPLE, key, new CacheMeta(meta.etag(), meta.lastModified(),
                            now, meta.maxAge(), false, Optional.of(NOT_FOUND)), new byte[0]);
                }
                return new Fetched(code, Optional.empty());
            }
            if (code == 406 && !accept.equals(ACCEPT_HTML_ONLY)) {
                return new Fetched(code, Optional.empty());
            }
            if (code != 200) {
                throw new RelockException(RelockException.Kind.NETWORK, what + ": "
                        + UrlRedaction.redact(url.toString()) + " answered HTTP " + code + " " + response.message());
            }
            byte[] body = Bodies.bytes(response);
            List<ListedFile> files;
            try {
                URI pageUrl = response.request().url().uri();
                files = ctx.cpu().run(() -> parse(body, meta.contentType(), pageUrl));
            } catch (PageFormatException e) {
                throw new HttpTransport.BadBodyException("unreadable page: " + e.getMessage());
            }
            if (storable) {
                ctx.cache().write(CacheBucket.SIMPLE, key, meta, body);
            }
            return new Fetched(code, Optional.of(files));
        });
    }

    /** Interprets a cached page; an unreadable one is removed from the cache and reads as absent. */
    private Optional<CachedPage> readCached(CacheEntry entry, URI url, String key) {
        if (entry.meta().contentType().filter(NOT_FOUND::equals).isPresent()) {
            return Optional.of(new CachedPage(entry, Optional.empty()));
        }
        try {
            return Optional.of(new CachedPage(entry, Optional.of(parse(entry.body(), entry.meta().contentType(), url))));
        } catch (PageFormatException e) {
            ctx.log().debug("removing unreadable cached page " + UrlRedaction.redact(url.toString()));
            ctx.cache().remove(CacheBucket.SIMPLE, key);
            return Optional.empty();
        }
    }

    private List<ListedFile> parse(byte[] body, Optional<String> contentType, URI pageUrl) {
        String type = contentType.orElse("text/html").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return SimpleJsonPage.parse(body, pageUrl, ctx.log());
        }
        Charset charset = Optional.ofNullable(MediaType.parse(type))
                .map(m -> m.charset(StandardCharsets.UTF_8))
                .orElse(StandardCharsets.UTF_8);
        return SimpleHtmlPage.parse(new String(body, charset), pageUrl, ctx.log());
    }
}
