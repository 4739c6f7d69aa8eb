package dev.relock.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Terms checked against a brute-force model: a package is absent or at one of a few points. */
class TermTest {
    // Bounds on even numbers 0..8; odd points and -1/9 stand for the values between and beyond.
    private static final int[] POINTS = {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int ABSENT = POINTS.length;

    @Test
    void setOperationsAndRelationsMatchTheModel() {
        Random rnd = new Random(5);
        for (int n = 0; n < 2000; n++) {
            Term<Integer> a = randomTerm(rnd);
            Term<Integer> b = randomTerm(rnd);
            boolean[] ma = model(a);
            boolean[] mb = model(b);
            boolean subset = true;
            boolean disjoint = true;
            for (int i = 0; i <= ABSENT; i++) {
                subset &= !ma[i] || mb[i];
                disjoint &= !(ma[i] && mb[i]);
                assertThat(model(a.intersection(b))[i]).as("%s ∩ %s", a, b).isEqualTo(ma[i] && mb[i]);
                assertThat(model(a.union(b))[i]).as("%s ∪ %s", a, b).isEqualTo(ma[i] || mb[i]);
                assertThat(model(a.negate())[i]).as("not %s", a).isEqualTo(!ma[i]);
            }
            assertThat(a.isSubsetOf(b)).as("%s ⊆ %s", a, b).isEqualTo(subset);
            assertThat(a.isDisjoint(b)).as("%s disjoint %s", a, b).isEqualTo(disjoint);
            Term.Relation expected = subset ? Term.Relation.SATISFIED
                    : disjoint ? Term.Relation.CONTRADICTED : Term.Relation.INCONCLUSIVE;
            assertThat(b.relationWith(a)).as("%s relation with %s", b, a).isEqualTo(expected);
        }
    }

    @Test
    void negativeTermsAllowTheAbsentPackage() {
        Term<Integer> notOne = Term.negative(Ranges.singleton(1));
        assertThat(notOne.contains(2)).isTrue();
        assertThat(notOne.contains(1)).isFalse();
        assertThat(notOne.isSubsetOf(Term.positive(Ranges.<Integer>full()))).isFalse();
        assertThat(Term.exact(2).isSubsetOf(notOne)).isTrue();
        assertThat(notOne.toString()).isEqualTo("not (==1)");
    }

    /** Membership over POINTS followed by the "absent" state. */
    private static boolean[] model(Term<Integer> t) {
        boolean[] m = new boolean[ABSENT + 1];
        for (int i = 0; i < POINTS.length; i++) {
            m[i] = t.contains(POINTS[i]);
        }
        m[ABSENT] = !t.isPositive();
        return m;
    }

    private static Term<Integer> randomTerm(Random rnd) {
        Ranges<Integer> r = Ranges.empty();
        for (int k = rnd.nextInt(3); k > 0; k--) {
            r = r.union(Ranges.of(bound(rnd), bound(rnd)));
        }
        return rnd.nextBoolean() ? Term.positive(r) : Term.negative(r);
    }

    private static Bound<Integer> bound(Random rnd) {
        int v = 2 * rnd.nextInt(5);
        return switch (rnd.nextInt(4)) {
            case 0 -> Bound.unbounded();
            case 1 -> Bound.excluded(v);
            default -> Bound.included(v);
        };
    }
}
