package dev.relock.lock;

import dev.relock.index.IndexSources;
import dev.relock.index.Userinfo;
import dev.relock.reqtxt.LockfileOptions;
import dev.relock.reqtxt.PipOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package index options of a compile, with pip's names: where packages come from, and what the
 * lockfile's options block records.
 *
 * @param indexUrl {@code --index-url}; empty means PyPI
 * @param extraIndexUrls {@code --extra-index-url}, in order
 * @param findLinks {@code --find-links} directories or pages, as given
 * @param noIndex {@code --no-index}
 */
public record IndexSettings(Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks,
        boolean noIndex) {

    /** PyPI and nothing else. */
    public static final IndexSettings DEFAULT = new IndexSettings(Optional.empty(), List.of(), List.of(), false);

    public IndexSettings {
        extraIndexUrls = List.copyOf(new LinkedHashSet<>(extraIndexUrls));
        findLinks = List.copyOf(new LinkedHashSet<>(findLinks));
    }

    /** True when no option is set. */
    public boolean isDefault() {
        // Field by field, not equals(DEFAULT): every compile asks this early, and a record's
        // generated equals costs a method-handle bootstrap the first time it runs.
        return indexUrl.isEmpty() && extraIndexUrls.isEmpty() && findLinks.isEmpty() && !noIndex;
    }

    /**
     * These settings with {@code later}'s laid over them the way pip merges a requirements file's
     * options with the command line's: a later index URL replaces an earlier one, lists accumulate.
     */
    public IndexSettings overlaidBy(IndexSettings later) {
        List<String> extras = new ArrayList<>(extraIndexUrls);
        extras.addAll(later.extraIndexUrls);
        List<String> links = new ArrayList<>(findLinks);
        links.addAll(later.findLinks);
        return new IndexSettings(later.indexUrl.or(() -> indexUrl), extras, links, noIndex || later.noIndex);
    }

    /**
     * Where these settings send requests: {@code env}'s {@code NETRC} (else {@code ~/.netrc}) and
     * {@code RELOCK_INDEX_USERNAME}/{@code RELOCK_INDEX_PASSWORD} supply credentials; relative
     * find-links are read against {@code workingDirectory}.
     */
    public IndexSources sources(Path workingDirectory, Map<String, String> env) {
        IndexSources.Builder b = IndexSources.builder()
                .workingDirectory(workingDirectory)
                .environment(env);
        Optional.ofNullable(env.get("NETRC")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(b::netrcFile);
        indexUrl.ifPresent(b::indexUrl);
        extraIndexUrls.forEach(b::extraIndexUrl);
        findLinks.forEach(b::findLinks);
        return b.noIndex(noIndex).build();
    }

    /** The index options of a requirements file. */
    public static IndexSettings of(PipOptions options) {
        return new IndexSettings(options.indexUrl(), options.extraIndexUrls(), options.findLinks(), options.noIndex());
    }

    /** The settings a lockfile's options block records (no {@code --no-index}: pip-compile does not write it). */
    public static IndexSettings of(LockfileOptions options) {
        return new IndexSettings(options.indexUrl(), options.extraIndexUrls(), options.findLinks(), false);
    }

    /** The index URL unless it is PyPI's, without credentials: what a lockfile records. */
    Optional<String> recordedIndexUrl() {
        return indexUrl.filter(url -> !isPypi(url)).map(IndexSettings::withoutCredentials);
    }

    /** The extra index URLs without credentials. */
    List<String> recordedExtraIndexUrls() {
        return extraIndexUrls.stream().map(IndexSettings::withoutCredentials).toList();
    }

    static boolean isPypi(String url) {
        String u = url.endsWith("/") ? url : url + "/";
        return u.equals("https://pypi.org/simple/") || u.equals("https://pypi.python.org/simple/");
    }

    /**
     * {@code url} without its user-info part: lockfiles and headers are committed, credentials must
     * come from the environment or netrc.
     */
    public static String withoutCredentials(String url) {
        return Userinfo.strip(url);
    }
}
