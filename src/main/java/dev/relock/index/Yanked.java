package dev.relock.index;

import java.util.Objects;
import java.util.Optional;

/**
 * PEP 592 yank status of a file. A yanked file is still served and may be used when a
 * requirement pins it exactly ({@code ==} or {@code ===}); resolvers skip it otherwise.
 */
public sealed interface Yanked permits Yanked.NotYanked, Yanked.YankedFile {

    /** The file is not yanked. */
    static Yanked no() {
        return NotYanked.INSTANCE;
    }

    /** The file is yanked, with the index's reason if it gave a non-blank one. */
    static Yanked withReason(Optional<String> reason) {
        return new YankedFile(reason.map(String::strip).filter(r -> !r.isEmpty()));
    }

    boolean isYanked();

    /** Not yanked. */
    enum NotYanked implements Yanked {
        INSTANCE;

        @Override
        public boolean isYanked() {
            return false;
        }
    }

    /** Yanked, with an optional free-text reason from the index. */
    record YankedFile(Optional<String> reason) implements Yanked {
        public YankedFile {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isYanked() {
            return true;
        }
    }
}
