package dev.relock.update;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the index says about one release, for the pull request's notes.
 *
 * @param requiresPython its {@code Requires-Python}, verbatim, when it declares one
 * @param wheelForTarget whether a wheel installs on the target
 * @param projectUrls {@code Project-URL} entries, label to URL
 */
public record ReleaseInfo(Optional<String> requiresPython, boolean wheelForTarget, Map<String, String> projectUrls) {
    public ReleaseInfo {
        Objects.requireNonNull(requiresPython, "requiresPython");
        projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
    }
}
