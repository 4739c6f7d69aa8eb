package dev.relock.verify;

import java.util.List;

/**
 * One named verification. A check only looks at its {@link VerifyInput} and returns findings; it
 * never prints, never fetches and never throws for a problem in the files it inspects.
 */
public interface Check {
    /** What a check needs from the package index, fetched once for all checks before they run. */
    enum IndexNeed {
        /** Nothing: a structural check. */
        NONE,
        /** The project pages of the pinned packages. */
        PAGES,
        /** Pages and the core metadata of every pinned version. */
        METADATA
    }

    /** The name used with {@code --check} and {@code --skip} and printed with each finding. */
    String name();

    /** One line for documentation and {@code --help}. */
    String description();

    /** What this check reads from the index (default: nothing); when the index is off it runs without it. */
    default IndexNeed indexNeed() {
        return IndexNeed.NONE;
    }

    /** The findings for {@code input}, in file order. */
    List<Finding> run(VerifyInput input);
}
