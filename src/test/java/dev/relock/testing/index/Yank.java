package dev.relock.testing.index;

import java.util.Objects;
import java.util.Optional;

/**
 * PEP 592 yank state of a release: not yanked, yanked, or yanked with a reason.
 *
 * @param yanked whether the release is yanked
 * @param reason the reason shown by installers, if one was given (only when yanked)
 */
public record Yank(boolean yanked, Optional<String> reason) {
    /** The state of an ordinary release. */
    public static final Yank NONE = new Yank(false, Optional.empty());
    /** Yanked without a reason. */
    public static final Yank YANKED = new Yank(true, Optional.empty());

    public Yank {
        Objects.requireNonNull(reason, "reason");
        if (!yanked && reason.isPresent()) {
            throw new IllegalArgumentException("a reason needs a yanked release");
        }
        if (reason.isPresent() && reason.get().isEmpty()) {
            throw new IllegalArgumentException("an empty reason is spelled Yank.YANKED");
        }
    }

    /** Yanked with a reason. */
    public static Yank because(String reason) {
        return new Yank(true, Optional.of(reason));
    }
}
