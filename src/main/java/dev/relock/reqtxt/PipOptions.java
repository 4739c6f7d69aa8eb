package dev.relock.reqtxt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The global options of a requirements file and its includes, merged the way pip merges them:
 * the last {@code --index-url} wins, list options accumulate in reading order.
 *
 * @param indexUrl the last {@code -i/--index-url}
 * @param extraIndexUrls every {@code --extra-index-url}
 * @param findLinks every {@code -f/--find-links}
 * @param noIndex whether {@code --no-index} appeared
 * @param trustedHosts every {@code --trusted-host}
 * @param noBinary every {@code --no-binary} value, split at commas ({@code :all:}, {@code :none:} kept)
 * @param onlyBinary every {@code --only-binary} value, split at commas
 * @param preferBinary whether {@code --prefer-binary} appeared
 * @param pre whether {@code --pre} appeared
 * @param requireHashes whether {@code --require-hashes} appeared
 */
public record PipOptions(
        Optional<String> indexUrl,
        List<String> extraIndexUrls,
        List<String> findLinks,
        boolean noIndex,
        List<String> trustedHosts,
        List<String> noBinary,
        List<String> onlyBinary,
        boolean preferBinary,
        boolean pre,
        boolean requireHashes) {

    /** No options at all. */
    public static final PipOptions NONE =
            new PipOptions(Optional.empty(), List.of(), List.of(), false, List.of(), List.of(), List.of(),
                    false, false, false);

    public PipOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        trustedHosts = List.copyOf(trustedHosts);
        noBinary = List.copyOf(noBinary);
        onlyBinary = List.copyOf(onlyBinary);
    }

    /** Collects options while files are read. */
    static final class Builder {
        private Optional<String> indexUrl = Optional.empty();
        private final List<String> extraIndexUrls = new ArrayList<>();
        private final List<String> findLinks = new ArrayList<>();
        private boolean noIndex;
        private final List<String> trustedHosts = new ArrayList<>();
        private final List<String> noBinary = new ArrayList<>();
        private final List<String> onlyBinary = new ArrayList<>();
        private boolean preferBinary;
        private boolean pre;
        private boolean requireHashes;

        void indexUrl(String url) {
            indexUrl = Optional.of(url);
        }

        void extraIndexUrl(String url) {
            extraIndexUrls.add(url);
        }

        void findLinks(String location) {
            findLinks.add(location);
        }

        void noIndex() {
            noIndex = true;
        }

        void trustedHost(String host) {
            trustedHosts.add(host);
        }

        void noBinary(String value) {
            noBinary.addAll(List.of(value.split(",")));
        }

        void onlyBinary(String value) {
            onlyBinary.addAll(List.of(value.split(",")));
        }

        void preferBinary() {
            preferBinary = true;
        }

        void pre() {
            pre = true;
        }

        void requireHashes() {
            requireHashes = true;
        }

        PipOptions build() {
            return new PipOptions(indexUrl, extraIndexUrls, findLinks, noIndex, trustedHosts, noBinary,
                    onlyBinary, preferBinary, pre, requireHashes);
        }
    }
}
