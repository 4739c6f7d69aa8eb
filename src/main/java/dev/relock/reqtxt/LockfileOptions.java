package dev.relock.reqtxt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options block pip-compile writes between its header and the pins.
 *
 * @param indexUrl {@code --index-url}, written only when it is not the default index
 * @param extraIndexUrls {@code --extra-index-url} lines
 * @param findLinks {@code --find-links} lines
 * @param trustedHosts {@code --trusted-host} lines
 * @param noBinary {@code --no-binary} values (pip-compile writes them sorted)
 * @param onlyBinary {@code --only-binary} values (pip-compile writes them sorted)
 */
public record LockfileOptions(
        Optional<String> indexUrl,
        List<String> extraIndexUrls,
        List<String> findLinks,
        List<String> trustedHosts,
        List<String> noBinary,
        List<String> onlyBinary) {

    /** No options block. */
    public static final LockfileOptions NONE =
            new LockfileOptions(Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());

    private static final String ALL = ":all:";

    public LockfileOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        trustedHosts = List.copyOf(trustedHosts);
        noBinary = List.copyOf(noBinary);
        onlyBinary = List.copyOf(onlyBinary);
    }

    /**
     * The option lines in pip-compile's order: indexes, find-links, trusted hosts, format controls.
     * Format controls start with the {@code :all:} values, then the others, as pip-compile writes them
     * (pip-tools#2082): pip applies the lines in order, and {@code --only-binary :all:}
     * would otherwise wipe a {@code --no-binary} name written before it.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        indexUrl.ifPresent(url -> lines.add("--index-url " + url));
        extraIndexUrls.forEach(url -> lines.add("--extra-index-url " + url));
        findLinks.forEach(location -> lines.add("--find-links " + location));
        trustedHosts.forEach(host -> lines.add("--trusted-host " + host));
        noBinary.stream().filter(ALL::equals).forEach(value -> lines.add("--no-binary " + value));
        onlyBinary.stream().filter(ALL::equals).forEach(value -> lines.add("--only-binary " + value));
        noBinary.stream().filter(value -> !value.equals(ALL)).forEach(value -> lines.add("--no-binary " + value));
        onlyBinary.stream().filter(value -> !value.equals(ALL)).forEach(value -> lines.add("--only-binary " + value));
        return lines;
    }
}
