package dev.relock.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangesTest {

    // Bounds sit on even numbers 0..10; odd points and -1/11 stand for the values between and
    // beyond them, so membership over POINTS decides set equality in the dense order.
    private static final int[] POINTS = IntStream.rangeClosed(-1, 11).toArray();
    private static final int SAMPLES = 400;

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of(Ranges.<Integer>empty(), "∅"),
                Arguments.of(Ranges.<Integer>full(), "*"),
                Arguments.of(Ranges.singleton(3), "==3"),
                Arguments.of(Ranges.atLeast(1), ">=1"),
                Arguments.of(Ranges.greaterThan(1), ">1"),
                Arguments.of(Ranges.atMost(1), "<=1"),
                Arguments.of(Ranges.lessThan(1), "<1"),
                Arguments.of(Ranges.between(1, 2), ">=1, <2"),
                Arguments.of(Ranges.between(1, 2).union(Ranges.greaterThan(3)), ">=1, <2 | >3"),
                Arguments.of(Ranges.singleton(3).complement(), "<3 | >3"));
    }

    @ParameterizedTest(name = "{0} renders as {1}")
    @MethodSource("renderings")
    void rendersReadably(Ranges<Integer> r, String expected) {
        assertThat(r.toString()).isEqualTo(expected);
    }

    @Test
    void rendersWithCustomValuePrinter() {
        assertThat(Ranges.between(1, 2).toString(v -> "v" + v)).isEqualTo(">=v1, <v2");
    }

    static Stream<Arguments> emptyIntervals() {
        return Stream.of(
                Arguments.of(Bound.included(2), Bound.excluded(2)),
                Arguments.of(Bound.excluded(2), Bound.included(2)),
                Arguments.of(Bound.excluded(2), Bound.excluded(2)),
                Arguments.of(Bound.included(3), Bound.included(2)));
    }

    @ParameterizedTest(name = "interval from {0} to {1} is empty")
    @MethodSource("emptyIntervals")
    void intervalsWithCrossedBoundsAreEmpty(Bound<Integer> lower, Bound<Integer> upper) {
        assertThat(Ranges.of(lower, upper)).isEqualTo(Ranges.empty());
    }

    @Test
    void touchingIntervalsMergeIntoOneSegment() {
        Ranges<Integer> merged = Ranges.between(1, 2).union(Ranges.between(2, 3));
        assertThat(merged).isEqualTo(Ranges.between(1, 3));
        assertThat(merged.segments()).hasSize(1);
        assertThat(Ranges.lessThan(2).union(Ranges.greaterThan(2)).segments()).hasSize(2);
    }

    @Test
    void singletonIsRecognised() {
        assertThat(Ranges.singleton(4).asSingleton()).contains(4);
        assertThat(Ranges.atLeast(4).intersection(Ranges.atMost(4)).asSingleton()).contains(4);
        assertThat(Ranges.between(4, 5).asSingleton()).isEmpty();
    }

    @Test
    void emptyAndFullAreComplements() {
        assertThat(Ranges.<Integer>empty().complement().isFull()).isTrue();
        assertThat(Ranges.<Integer>full().complement().isEmpty()).isTrue();
        assertThat(Ranges.<Integer>full().contains(Integer.MIN_VALUE)).isTrue();
    }

    @Test
    void membershipMatchesBruteForceForRandomSets() {
        Random rnd = new Random(42);
        for (int n = 0; n < SAMPLES; n++) {
            Generated g = generate(rnd);
            assertThat(model(g.ranges)).as("%s", g.ranges).isEqualTo(g.members);
            assertCanonical(g.ranges);
        }
    }

    @Test
    void operationsMatchBruteForceForRandomPairs() {
        Random rnd = new Random(7);
        for (int n = 0; n < SAMPLES; n++) {
            Generated a = generate(rnd);
            Generated b = generate(rnd);
            boolean[] and = new boolean[POINTS.length];
            boolean[] or = new boolean[POINTS.length];
            boolean[] not = new boolean[POINTS.length];
            boolean subset = true;
            boolean disjoint = true;
            for (int i = 0; i < POINTS.length; i++) {
                and[i] = a.members[i] && b.members[i];
                or[i] = a.members[i] || b.members[i];
                not[i] = !a.members[i];
                subset &= !a.members[i] || b.members[i];
                disjoint &= !and[i];
            }
            String pair = a.ranges + " and " + b.ranges;
            assertThat(model(a.ranges.intersection(b.ranges))).as("∩ of %s", pair).isEqualTo(and);
            assertThat(model(a.ranges.union(b.ranges))).as("∪ of %s", pair).isEqualTo(or);
            assertThat(model(a.ranges.complement())).as("complement of %s", a.ranges).isEqualTo(not);
            assertThat(a.ranges.isSubsetOf(b.ranges)).as("%s subset", pair).isEqualTo(subset);
            assertThat(a.ranges.isDisjoint(b.ranges)).as("%s disjoint", pair).isEqualTo(disjoint);
            assertCanonical(a.ranges.intersection(b.ranges));
            assertCanonical(a.ranges.union(b.ranges));
            assertCanonical(a.ranges.complement());
        }
    }

    @Test
    void equalSetsAreEqualObjects() {
        Random rnd = new Random(99);
        for (int n = 0; n < SAMPLES; n++) {
            Generated a = generate(rnd);
            Generated b = generate(rnd);
            boolean sameSet = java.util.Arrays.equals(a.members, b.members);
            assertThat(a.ranges.equals(b.ranges)).as("%s vs %s", a.ranges, b.ranges).isEqualTo(sameSet);
            if (sameSet) {
                assertThat(a.ranges.hashCode()).isEqualTo(b.ranges.hashCode());
            }
        }
    }

    @Test
    void algebraicLawsHold() {
        Random rnd = new Random(1234);
        for (int n = 0; n < SAMPLES; n++) {
            Ranges<Integer> a = generate(rnd).ranges;
            Ranges<Integer> b = generate(rnd).ranges;
            Ranges<Integer> c = generate(rnd).ranges;
            assertThat(a.complement().complement()).isEqualTo(a);
            assertThat(a.union(b).complement()).isEqualTo(a.complement().intersection(b.complement()));
            assertThat(a.intersection(b.union(c))).isEqualTo(a.intersection(b).union(a.intersection(c)));
            assertThat(a.union(b)).isEqualTo(b.union(a));
            assertThat(a.intersection(b)).isEqualTo(b.intersection(a));
            assertThat(a.union(a.complement()).isFull()).isTrue();
            assertThat(a.intersection(a.complement()).isEmpty()).isTrue();
            assertThat(a.intersection(b).isSubsetOf(a)).isTrue();
            assertThat(a.isSubsetOf(a.union(b))).isTrue();
            assertThat(Ranges.ofSegments(a.segments())).isEqualTo(a);
        }
    }

    private record Generated(Ranges<Integer> ranges, boolean[] members) {}

    /** A random union of up to three random intervals with its brute-force membership. */
    private static Generated generate(Random rnd) {
        boolean[] members = new boolean[POINTS.length];
        List<Ranges.Segment<Integer>> parts = new ArrayList<>();
        Ranges<Integer> ranges = Ranges.empty();
        int count = rnd.nextInt(4);
        for (int k = 0; k < count; k++) {
            Bound<Integer> lower = randomBound(rnd);
            Bound<Integer> upper = randomBound(rnd);
            ranges = ranges.union(Ranges.of(lower, upper));
            parts.add(new Ranges.Segment<>(lower, upper));
            for (int i = 0; i < POINTS.length; i++) {
                members[i] |= above(POINTS[i], lower) && below(POINTS[i], upper);
            }
        }
        assertThat(Ranges.ofSegments(parts)).isEqualTo(ranges);
        return new Generated(ranges, members);
    }

    private static Bound<Integer> randomBound(Random rnd) {
        int v = 2 * rnd.nextInt(6);
        return switch (rnd.nextInt(5)) {
            case 0 -> Bound.unbounded();
            case 1, 2 -> Bound.included(v);
            default -> Bound.excluded(v);
        };
    }

    private static boolean above(int p, Bound<Integer> lower) {
        if (lower instanceof Bound.Included<Integer> b) {
            return p >= b.value();
        }
        if (lower instanceof Bound.Excluded<Integer> b) {
            return p > b.value();
        }
        return true;
    }

    private static boolean below(int p, Bound<Integer> upper) {
        if (upper instanceof Bound.Included<Integer> b) {
            return p <= b.value();
        }
        if (upper instanceof Bound.Excluded<Integer> b) {
            return p < b.value();
        }
        return true;
    }

    private static boolean[] model(Ranges<Integer> r) {
        boolean[] m = new boolean[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            int point = POINTS[i];
            m[i] = r.contains(point);
            assertThat(r.segments().stream().anyMatch(s -> s.contains(point))).isEqualTo(m[i]);
        }
        return m;
    }

    /** Segments are non-empty, sorted and separated by a gap containing at least one point. */
    private static void assertCanonical(Ranges<Integer> r) {
        List<Ranges.Segment<Integer>> segs = r.segments();
        for (Ranges.Segment<Integer> s : segs) {
            assertThat(Ranges.of(s.lower(), s.upper()).isEmpty()).as("empty segment in %s", r).isFalse();
        }
        for (int i = 1; i < segs.size(); i++) {
            Ranges.Segment<Integer> prev = segs.get(i - 1);
            Ranges.Segment<Integer> next = segs.get(i);
            boolean gap = false;
            for (int p : POINTS) {
                gap |= !below(p, prev.upper()) && !above(p, next.lower());
            }
            assertThat(gap).as("segments %s and %s of %s leave no gap", prev, next, r).isTrue();
        }
    }
}
