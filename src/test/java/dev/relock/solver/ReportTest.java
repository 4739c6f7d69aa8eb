package dev.relock.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.ranges.Ranges;
import dev.relock.solver.DerivationTree.Derived;
import dev.relock.solver.DerivationTree.External;
import dev.relock.solver.DerivationTree.FromDependencyOf;
import dev.relock.solver.DerivationTree.NoVersions;
import dev.relock.solver.DerivationTree.NotRoot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The report layer on hand-built derivation trees. */
class ReportTest {
    private static final ReportFormatter<String, Integer> ENGLISH = new ReportFormatter<>() {};

    private static Ranges<Integer> one(int v) {
        return Ranges.singleton(v);
    }

    private static Map<String, Term<Integer>> terms(Object... pairs) {
        Map<String, Term<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Term<Integer> t = (Term<Integer>) pairs[i + 1];
            out.put((String) pairs[i], t);
        }
        return out;
    }

    static Stream<Arguments> termPhrases() {
        return Stream.of(
                Arguments.of(terms(), "version solving failed"),
                Arguments.of(terms("a", Term.positive(Ranges.atLeast(1))), "a >=1 is forbidden"),
                Arguments.of(terms("a", Term.negative(Ranges.atLeast(1))), "a >=1 is mandatory"),
                Arguments.of(terms("a", Term.negative(Ranges.lessThan(2)), "b", Term.exact(1)), "b 1 depends on a <2"),
                Arguments.of(terms("a", Term.exact(1), "b", Term.exact(2), "c", Term.negative(one(3))),
                        "a 1, b 2, not c 3 are incompatible"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("termPhrases")
    void termsReadAsOneStatement(Map<String, Term<Integer>> terms, String expected) {
        assertThat(ENGLISH.formatTerms(terms)).isEqualTo(expected);
    }

    static Stream<Arguments> factPhrases() {
        return Stream.of(
                Arguments.of(new NotRoot<String, Integer>("root", 1), "we are solving dependencies of root 1"),
                Arguments.of(new NoVersions<String, Integer>("a", Ranges.full()), "there is no available version for a"),
                Arguments.of(new NoVersions<>("a", Ranges.atLeast(2)), "there is no version of a >=2"),
                Arguments.of(new FromDependencyOf<String, Integer>("a", Ranges.full(), "b", Ranges.full()), "a depends on b"),
                Arguments.of(new FromDependencyOf<>("a", Ranges.between(1, 3), "b", one(2)), "a >=1, <3 depends on b 2"),
                Arguments.of(new DerivationTree.Unavailable<>("a", one(2), "no wheels"), "a 2 is unavailable (no wheels)"),
                Arguments.of(new DerivationTree.Custom<String, Integer>("a", Ranges.full(), "not found"),
                        "a is unavailable (not found)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("factPhrases")
    void factsReadAsOneStatement(External<String, Integer> fact, String expected) {
        assertThat(ENGLISH.formatExternal(fact)).isEqualTo(expected);
    }

    @Test
    void aSharedConclusionIsNumberedOnceAndReferredToAfterwards() {
        External<String, Integer> xNeedsY = new FromDependencyOf<>("x", one(1), "y", Ranges.atLeast(2));
        External<String, Integer> noY = new NoVersions<>("y", Ranges.atLeast(2));
        Derived<String, Integer> xForbidden = new Derived<>(
                terms("x", Term.exact(1)), OptionalInt.of(7), xNeedsY, noY);
        External<String, Integer> rootNeedsX = new FromDependencyOf<>("root", one(0), "x", one(1));
        Derived<String, Integer> rootForbidden = new Derived<>(
                terms("root", Term.exact(0)), OptionalInt.empty(), xForbidden, rootNeedsX);
        Derived<String, Integer> top = new Derived<>(terms(), OptionalInt.empty(), xForbidden, rootForbidden);

        assertThat(DefaultReport.report(top)).isEqualTo(String.join("\n",
                "Because x 1 depends on y >=2 and there is no version of y >=2, x 1 is forbidden. (1)",
                "",
                "Because x 1 is forbidden (1) and root 0 depends on x 1, root 0 is forbidden.",
                "And because x 1 is forbidden (1), version solving failed."));
    }

    @Test
    void aChainOfDependenciesIsToldInOrderAndTheRootWithoutItsVersion() {
        External<String, Integer> aNeedsB = new FromDependencyOf<>("a", one(1), "b", Ranges.atLeast(2));
        External<String, Integer> rootNeedsA = new FromDependencyOf<>("root", one(0), "a", one(1));
        Derived<String, Integer> rootNeedsB = new Derived<>(
                terms("root", Term.exact(0), "b", Term.negative(Ranges.atLeast(2))), OptionalInt.empty(),
                aNeedsB, rootNeedsA);
        External<String, Integer> noB = new NoVersions<>("b", Ranges.atLeast(2));
        Derived<String, Integer> top = new Derived<>(
                terms("root", Term.exact(0)), OptionalInt.empty(), rootNeedsB, noB);

        assertThat(DefaultReport.report(top)).isEqualTo(String.join("\n",
                "Because root depends on a 1 and a 1 depends on b >=2, root depends on b >=2.",
                "And because there is no version of b >=2, version solving failed."));
    }

    @Test
    void collapsingFoldsMissingVersionsIntoTheDependencyRange() {
        External<String, Integer> aNeedsB = new FromDependencyOf<>("a", one(1), "b", Ranges.atLeast(2));
        External<String, Integer> noNewB = new NoVersions<>("b", Ranges.atLeast(3));
        Derived<String, Integer> inner = new Derived<>(
                terms("a", Term.exact(1), "b", Term.negative(Ranges.between(2, 3))), OptionalInt.empty(), aNeedsB, noNewB);
        External<String, Integer> rootNeedsA = new FromDependencyOf<>("root", one(0), "a", one(1));
        Derived<String, Integer> top = new Derived<>(terms(), OptionalInt.empty(), inner, rootNeedsA);

        DerivationTree<String, Integer> collapsed = top.collapseNoVersions();

        assertThat(collapsed).isEqualTo(new Derived<>(terms(), OptionalInt.empty(),
                new FromDependencyOf<>("a", one(1), "b", Ranges.atLeast(2)), rootNeedsA));
    }

    @Test
    void collapsingKeepsTheTopConclusion() {
        External<String, Integer> rootNeedsA = new FromDependencyOf<>("root", one(0), "a", Ranges.full());
        External<String, Integer> noA = new NoVersions<String, Integer>("a", Ranges.full());
        Derived<String, Integer> top = new Derived<>(terms("root", Term.exact(0)), OptionalInt.empty(), rootNeedsA, noA);

        assertThat(top.collapseNoVersions()).isEqualTo(top);
        assertThat(DefaultReport.report(top.collapseNoVersions()))
                .isEqualTo("Because root depends on a and there is no available version for a, version solving failed.");
    }
}
