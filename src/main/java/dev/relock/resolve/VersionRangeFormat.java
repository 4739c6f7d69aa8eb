package dev.relock.resolve;

import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifier;
import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import dev.relock.ranges.Ranges.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Prints a {@link Ranges} of versions as PEP 440 specifiers ({@code >=1.0, !=1.5, <2.0}) without
 * showing the boundary points {@link VersionSpecifier#toRanges()} uses: {@code <2.0} is stored as
 * "below 2.0.dev0", {@code ==1.0} as "1.0 up to just after its local versions", {@code >1.0} as
 * "after 1.0's post-releases". Disjoint parts are joined with {@code " or "}.
 */
final class VersionRangeFormat {
    private VersionRangeFormat() {}

    /** The specifier text; empty for the set of all versions. */
    static String format(Ranges<Version> range) {
        if (range.isFull()) {
            return "";
        }
        if (range.isEmpty()) {
            return " (no version)";
        }
        List<Segment<Version>> segments = range.segments();
        List<String> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Bound<Version> groupLower = segments.get(0).lower();
        for (int i = 0; i < segments.size(); i++) {
            Segment<Version> s = segments.get(i);
            boolean last = i == segments.size() - 1;
            Version gap = last ? null : pointGap(s, segments.get(i + 1));
            if (gap != null) {
                current.add("!=" + gap);
                continue;
            }
            groups.add(group(groupLower, current, s.upper()));
            current = new ArrayList<>();
            if (!last) {
                groupLower = segments.get(i + 1).lower();
            }
        }
        return String.join(" or ", groups);
    }

    private static String group(Bound<Version> lower, List<String> exclusions, Bound<Version> upper) {
        if (exclusions.isEmpty() && lower instanceof Bound.Included<Version> lo) {
            if (upper.equals(lower)) {
                return "==" + lo.value();
            }
            Ranges<Version> point = pointOf(lo.value());
            Segment<Version> only = point.segments().get(0);
            if (only.upper().equals(upper)) {
                return "==" + lo.value();
            }
        }
        List<String> parts = new ArrayList<>();
        if (lower instanceof Bound.Included<Version> lo) {
            parts.add(lo.value().isBoundary() ? ">" + lo.value().publicVersion() : ">=" + lo.value());
        } else if (lower instanceof Bound.Excluded<Version> lo) {
            parts.add(">" + shown(lo.value()));
        }
        parts.addAll(exclusions);
        if (upper instanceof Bound.Included<Version> hi) {
            parts.add("<=" + shown(hi.value()));
        } else if (upper instanceof Bound.Excluded<Version> hi) {
            parts.add(hi.value().isBoundary() ? "<=" + hi.value().publicVersion() : "<" + withoutDev0(hi.value()));
        }
        return parts.isEmpty() ? "*" : String.join(", ", parts);
    }

    /** The version whose {@code ==} set is exactly the gap between two segments, or null. */
    private static Version pointGap(Segment<Version> left, Segment<Version> right) {
        if (!(left.upper() instanceof Bound.Excluded<Version> hi) || hi.value().isBoundary()) {
            return null;
        }
        Ranges<Version> both = Ranges.ofSegments(List.of(left, right));
        Ranges<Version> gap = Ranges.of(left.lower(), right.upper()).intersection(both.complement());
        return gap.equals(pointOf(hi.value())) ? hi.value() : null;
    }

    private static Ranges<Version> pointOf(Version v) {
        return v.isLocal() || v.isBoundary() ? Ranges.singleton(v)
                : VersionSpecifier.parse("==" + v).toRanges();
    }

    private static String shown(Version v) {
        return v.isBoundary() ? v.publicVersion().toString() : v.toString();
    }

    /** {@code <2.0} is stored as below {@code 2.0.dev0}; print it as PEP 440 reads it. */
    private static String withoutDev0(Version v) {
        String text = v.toString();
        if (v.dev().equals(OptionalLong.of(0)) && !v.isLocal() && text.endsWith(".dev0")) {
            return text.substring(0, text.length() - ".dev0".length());
        }
        return text;
    }
}
