package dev.relock.tags;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ranking of the tags a target accepts: rank 0 is the most specific tag, higher ranks are
 * less preferred, and tags the target cannot install have no rank. Lookups are O(1).
 */
public final class TagPriority {
    private final List<Tag> ordered;
    private final Map<Tag, Integer> ranks;

    TagPriority(List<Tag> ordered) {
        this.ordered = List.copyOf(ordered);
        Map<Tag, Integer> map = new HashMap<>(ordered.size() * 2);
        for (int i = 0; i < ordered.size(); i++) {
            map.putIfAbsent(ordered.get(i), i);
        }
        this.ranks = map;
    }

    /** All accepted tags, best first. */
    public List<Tag> tags() {
        return ordered;
    }

    /** The rank of {@code tag}, or empty when the target cannot install it. */
    public OptionalInt rank(Tag tag) {
        Integer rank = ranks.get(tag);
        return rank == null ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    /** The best (lowest) rank among {@code tags}, or empty when none is accepted. */
    public OptionalInt bestRank(Collection<Tag> tags) {
        int best = Integer.MAX_VALUE;
        for (Tag tag : tags) {
            Integer rank = ranks.get(tag);
            if (rank != null && rank < best) {
                best = rank;
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Whether at least one of {@code tags} is accepted. */
    public boolean isCompatible(Collection<Tag> tags) {
        return bestRank(tags).isPresent();
    }
}
