package dev.relock.index;

import dev.relock.common.RelockException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where relock looks for distributions and with which credentials, from the pip-style options
 * {@code --index-url}, {@code --extra-index-url}, {@code --find-links} and {@code --no-index}.
 *
 * <p><b>Merge strategy: first index wins, per project.</b> Indexes are asked in order (the index
 * URL, then each extra index URL); the first one that knows a project supplies all of its files,
 * later indexes are not consulted for it. Find-links locations are always merged in. This is uv's
 * default and the opposite of pip, which merges every index's files into one pool: with pip, an
 * attacker who registers your private package's name on the public index with a higher version
 * wins the resolution (dependency confusion). Asking indexes in order and stopping at the first
 * that knows the project makes the private index authoritative for its own names.
 *
 * <p>Credentials, most specific first: userinfo in the option's URL (applies to that URL's
 * scheme, host and port), then {@code RELOCK_INDEX_USERNAME}/{@code RELOCK_INDEX_PASSWORD}
 * (applied to every configured index host), then the netrc file. Sources keep their URLs
 * without credentials; the credentials live only here and in request headers.
 */
public final class IndexSources {
    /** PyPI's simple index, the default when no {@code --index-url} is given. */
    public static final URI PYPI = URI.create("https://pypi.org/simple/");

    private final List<IndexSource> indexes;
    private final List<IndexSource> findLinks;
    private final Map<String, Credentials> realmCredentials;
    private final Optional<Credentials> environmentCredentials;
    private final Set<String> configuredRealms;
    private final Netrc netrc;

    private IndexSources(Builder b, Netrc netrc) {
        List<IndexSource> all = new ArrayList<>();
        if (!b.noIndex) {
            all.add(b.indexUrl.orElse(new IndexSource(IndexSource.Kind.SIMPLE_INDEX, PYPI)));
            all.addAll(b.extraIndexUrls);
        }
        this.indexes = List.copyOf(new LinkedHashSet<>(all));
        this.findLinks = List.copyOf(new LinkedHashSet<>(b.findLinks));
        this.realmCredentials = Map.copyOf(b.realmCredentials);
        this.environmentCredentials = b.environmentCredentials;
        Set<String> realms = new LinkedHashSet<>();
        for (IndexSource s : indexes) {
            realms.add(realm(s.url()));
        }
        for (IndexSource s : findLinks) {
            if (s.kind() == IndexSource.Kind.FIND_LINKS_PAGE) {
                realms.add(realm(s.url()));
            }
        }
        this.configuredRealms = Set.copyOf(realms);
        this.netrc = netrc;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Simple indexes in the order they are asked (empty with {@code --no-index}). */
    public List<IndexSource> indexes() {
        return indexes;
    }

    /** Find-links locations, always merged into every project's files. */
    public List<IndexSource> findLinks() {
        return findLinks;
    }

    /** The credentials to send to {@code url}, if any are configured for it. */
    Optional<Credentials> credentialsFor(URI url) {
        if (url.getHost() == null) {
            return Optional.empty();
        }
        String realm = realm(url);
        Credentials explicit = realmCredentials.get(realm);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (environmentCredentials.isPresent() && configuredRealms.contains(realm)) {
            return environmentCredentials;
        }
        return netrc.forHost(url.getHost());
    }

    static String realm(URI url) {
        String scheme = Objects.requireNonNullElse(url.getScheme(), "").toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if (port < 0) {
            port = scheme.equals("http") ? 80 : 443;
        }
        return scheme + "://" + Objects.requireNonNullElse(url.getHost(), "").toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Collects the options; {@link #build()} validates them. */
    public static final class Builder {
        private Optional<IndexSource> indexUrl = Optional.empty();
        private final List<IndexSource> extraIndexUrls = new ArrayList<>();
        private final List<IndexSource> findLinks = new ArrayList<>();
        private final Map<String, Credentials> realmCredentials = new HashMap<>();
        private Optional<Credentials> environmentCredentials = Optional.empty();
        private Optional<Path> netrcFile = Optional.empty();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private boolean noIndex;

        private Builder() {}

        /** {@code --index-url}: replaces PyPI as the first index. */
        public Builder indexUrl(String url) {
            indexUrl = Optional.of(simpleIndex(url, "--index-url"));
            return this;
        }

        /** {@code --extra-index-url}: asked after the index URL, in the order given. */
        public Builder extraIndexUrl(String url) {
            extraIndexUrls.add(simpleIndex(url, "--extra-index-url"));
            return this;
        }

        /**
         * {@code --find-links}: an http(s) URL of an HTML page, a local directory (path or file: URL),
         * or a local HTML file, as pip reads them.
         */
        public Builder findLinks(String location) {
            String trimmed = location.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                findLinks.add(new IndexSource(IndexSource.Kind.FIND_LINKS_PAGE, takeCredentials(trimmed, "--find-links")));
                return this;
            }
            Path dir = lower.startsWith("file:")
                    ? localPath(trimmed, "--find-links")
                    : workingDirectory.resolve(trimmed);
            if (Files.isRegularFile(dir)) {
                // pip reads a local HTML file as a find-links page
                findLinks.add(new IndexSource(IndexSource.Kind.FIND_LINKS_PAGE, dir.toAbsolutePath().normalize().toUri()));
                return this;
            }
            if (!Files.isDirectory(dir)) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        "--find-links " + UrlRedaction.redact(trimmed) + ": not a directory or an http(s) URL");
            }
            findLinks.add(new IndexSource(IndexSource.Kind.FIND_LINKS_DIRECTORY, dir.toAbsolutePath().normalize().toUri()));
            return this;
        }

        /** {@code --no-index}: ignore all simple indexes, use only find-links. */
        public Builder noIndex(boolean noIndex) {
            this.noIndex = noIndex;
            return this;
        }

        /** Relative {@code --find-links} directories are resolved against this (default: the current directory). */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir.toAbsolutePath();
            return this;
        }

        /** The netrc file to read (default: none; callers pass {@code ~/.netrc}). A missing file is fine. */
        public Builder netrcFile(Path file) {
            this.netrcFile = Optional.of(file);
            return this;
        }

        /** Reads {@code RELOCK_INDEX_USERNAME} and {@code RELOCK_INDEX_PASSWORD} from {@code env}. */
        public Builder environment(Map<String, String> env) {
            String user = env.getOrDefault("RELOCK_INDEX_USERNAME", "");
            String password = env.getOrDefault("RELOCK_INDEX_PASSWORD", "");
            environmentCredentials = user.isEmpty() && password.isEmpty()
                    ? Optional.empty() : Optional.of(new Credentials(user, password));
            return this;
        }

        public IndexSources build() {
            Netrc netrc = Netrc.empty();
            if (netrcFile.isPresent() && Files.isRegularFile(netrcFile.get())) {
                try {
                    netrc = Netrc.parse(Files.readString(netrcFile.get(), StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    throw new RelockException(RelockException.Kind.BAD_INPUT,
                            "cannot read netrc file " + netrcFile.get() + ": " + e.getClass().getSimpleName());
                }
            }
            return new IndexSources(this, netrc);
        }

        private IndexSource simpleIndex(String url, String option) {
            if (url.strip().toLowerCase(Locale.ROOT).startsWith("file:")) {
                // a PEP 503 tree on disk (directories with index.html), as pip reads file:// indexes
                Path root = localPath(url.strip(), option);
                if (!Files.isDirectory(root)) {
                    throw new RelockException(RelockException.Kind.BAD_INPUT,
                            option + " " + UrlRedaction.redact(url) + ": not a directory");
                }
                URI dir = root.toAbsolutePath().normalize().toUri();
                return new IndexSource(IndexSource.Kind.SIMPLE_INDEX,
                        dir.toString().endsWith("/") ? dir : URI.create(dir + "/"));
            }
            URI clean = takeCredentials(url.strip(), option);
            String scheme = Objects.requireNonNullElse(clean.getScheme(), "").toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        option + " " + UrlRedaction.redact(url) + ": must be an http(s) URL");
            }
            if (!clean.getRawPath().endsWith("/") && clean.getRawQuery() == null && clean.getRawFragment() == null) {
                clean = URI.create(clean + "/");
            }
            return new IndexSource(IndexSource.Kind.SIMPLE_INDEX, clean);
        }

        /** The local path of a {@code file:} URL ({@code file:///abs}, {@code file://localhost/abs}). */
        private static Path localPath(String url, String option) {
            try {
                URI uri = new URI(url);
                if (uri.getRawAuthority() != null && !uri.getRawAuthority().equalsIgnoreCase("localhost")) {
                    throw new RelockException(RelockException.Kind.BAD_INPUT, option + " " + UrlRedaction.redact(url)
                            + ": a file: URL must name a local path (file:///path)");
                }
                return Path.of(new URI("file", null, uri.getPath(), null));
            } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        option + " " + UrlRedaction.redact(url) + ": not a valid file: URL");
            }
        }

        /** Parses {@code url}, moving any userinfo into the credential map. */
        private URI takeCredentials(String url, String option) {
            URI uri;
            try {
                uri = new URI(escapeUserinfoAt(url));
            } catch (URISyntaxException e) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        option + " " + UrlRedaction.redact(url) + ": not a valid URL");
            }
            if (uri.getHost() == null) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        option + " " + UrlRedaction.redact(url) + ": URL has no host");
            }
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null) {
                return uri;
            }
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String password = colon < 0 ? "" : userInfo.substring(colon + 1);
            realmCredentials.put(realm(uri), new Credentials(decode(user), decode(password)));
            String authority = uri.getRawAuthority();
            String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
            String text = uri.toString();
            int at = text.indexOf(authority);
            return URI.create(text.substring(0, at) + hostAndPort + text.substring(at + authority.length()));
        }

        /**
         * {@code url} with every {@code @} of its userinfo but the last percent-encoded: pip (through
         * urllib) ends the userinfo at the authority's last {@code @}, so a password may contain one.
         */
        private static String escapeUserinfoAt(String url) {
            java.util.OptionalInt last = Userinfo.end(url);
            int start = Userinfo.authorityStart(url);
            if (last.isEmpty() || url.lastIndexOf('@', last.getAsInt() - 1) < start) {
                return url;
            }
            return url.substring(0, start) + url.substring(start, last.getAsInt()).replace("@", "%40")
                    + url.substring(last.getAsInt());
        }

        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
