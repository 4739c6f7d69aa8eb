package dev.relock.solver;

import static dev.relock.solver.OfflineDependencyProvider.deps;
import static dev.relock.solver.SemVer.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relock.ranges.Ranges;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classic PubGrub scenarios (dart pub's solver.md and pubgrub-rs's examples). */
class SolverScenariosTest {

    private static Ranges<SemVer> between(String lo, String hi) {
        return Ranges.between(v(lo), v(hi));
    }

    private static Ranges<SemVer> atLeast(String lo) {
        return Ranges.atLeast(v(lo));
    }

    private static Ranges<SemVer> exactly(String version) {
        return Ranges.singleton(v(version));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private static OfflineDependencyProvider<String, SemVer> registry() {
        return new OfflineDependencyProvider<>();
    }

    static Stream<Arguments> solvable() {
        return Stream.of(
                Arguments.of("no conflicts", registry()
                        .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.0.0"), deps("bar", between("1.0.0", "2.0.0")))
                        .add("bar", v("1.0.0"))
                        .add("bar", v("2.0.0")),
                        Map.of("root", v("1.0.0"), "foo", v("1.0.0"), "bar", v("1.0.0"))),
                Arguments.of("avoiding conflict during decision making", registry()
                        .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0"), "bar", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.1.0"), deps("bar", between("2.0.0", "3.0.0")))
                        .add("foo", v("1.0.0"))
                        .add("bar", v("1.0.0"))
                        .add("bar", v("1.1.0"))
                        .add("bar", v("2.0.0")),
                        Map.of("root", v("1.0.0"), "foo", v("1.0.0"), "bar", v("1.1.0"))),
                Arguments.of("conflict resolution", registry()
                        .add("root", v("1.0.0"), deps("foo", atLeast("1.0.0")))
                        .add("foo", v("2.0.0"), deps("bar", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.0.0"))
                        .add("bar", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0"))),
                        Map.of("root", v("1.0.0"), "foo", v("1.0.0"))),
                Arguments.of("conflict with partial satisfier", registry()
                        .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0"), "target", between("2.0.0", "3.0.0")))
                        .add("foo", v("1.1.0"), deps("left", between("1.0.0", "2.0.0"), "right", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.0.0"))
                        .add("left", v("1.0.0"), deps("shared", atLeast("1.0.0")))
                        .add("right", v("1.0.0"), deps("shared", Ranges.lessThan(v("2.0.0"))))
                        .add("shared", v("2.0.0"))
                        .add("shared", v("1.0.0"), deps("target", between("1.0.0", "2.0.0")))
                        .add("target", v("2.0.0"))
                        .add("target", v("1.0.0")),
                        Map.of("root", v("1.0.0"), "foo", v("1.0.0"), "target", v("2.0.0"))),
                Arguments.of("double choices", registry()
                        .add("root", v("1.0.0"), deps("a", Ranges.full()))
                        .add("a", v("0.0.0"), deps("b", Ranges.full(), "c", Ranges.full()))
                        .add("b", v("0.0.0"), deps("d", exactly("0.0.0")))
                        .add("b", v("1.0.0"), deps("d", exactly("1.0.0")))
                        .add("c", v("0.0.0"))
                        .add("c", v("1.0.0"), deps("d", exactly("2.0.0")))
                        .add("d", v("0.0.0")),
                        Map.of("root", v("1.0.0"), "a", v("0.0.0"), "b", v("0.0.0"), "c", v("0.0.0"), "d", v("0.0.0"))),
                Arguments.of("self dependency that admits the version", registry()
                        .add("root", v("1.0.0"), deps("a", Ranges.full()))
                        .add("a", v("2.0.0"), deps("a", exactly("1.0.0")))
                        .add("a", v("1.0.0"), deps("a", atLeast("1.0.0"))),
                        Map.of("root", v("1.0.0"), "a", v("1.0.0"))),
                Arguments.of("unavailable newest version", registry()
                        .add("root", v("1.0.0"), deps("foo", Ranges.full()))
                        .addUnavailable("foo", v("2.0.0"), "no wheels for the target")
                        .add("foo", v("1.0.0"), deps("bar", exactly("1.0.0")))
                        .add("bar", v("1.0.0")),
                        Map.of("root", v("1.0.0"), "foo", v("1.0.0"), "bar", v("1.0.0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvable")
    void solvesTheClassicScenarios(String name, OfflineDependencyProvider<String, SemVer> provider,
            Map<String, SemVer> expected) {
        assertThat(Solver.resolve(provider, "root", v("1.0.0"))).isEqualTo(expected);
    }

    static Stream<Arguments> unsolvable() {
        return Stream.of(
                Arguments.of("linear error reporting", registry()
                        .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0"), "baz", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.0.0"), deps("bar", between("2.0.0", "3.0.0")))
                        .add("bar", v("2.0.0"), deps("baz", between("3.0.0", "4.0.0")))
                        .add("baz", v("1.0.0"))
                        .add("baz", v("3.0.0")),
                        lines(
                        "Because foo 1.0.0 depends on bar >=2.0.0, <3.0.0 and bar >=2.0.0, <3.0.0 depends on baz >=3.0.0, <4.0.0, foo 1.0.0 depends on baz >=3.0.0, <4.0.0.",
                        "And because root depends on foo >=1.0.0, <2.0.0 and root depends on baz >=1.0.0, <2.0.0, version solving failed.")),
                Arguments.of("branching error reporting", registry()
                        .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.0.0"), deps("a", between("1.0.0", "2.0.0"), "b", between("1.0.0", "2.0.0")))
                        .add("foo", v("1.1.0"), deps("x", between("1.0.0", "2.0.0"), "y", between("1.0.0", "2.0.0")))
                        .add("a", v("1.0.0"), deps("b", between("2.0.0", "3.0.0")))
                        .add("b", v("1.0.0"))
                        .add("b", v("2.0.0"))
                        .add("x", v("1.0.0"), deps("y", between("2.0.0", "3.0.0")))
                        .add("y", v("1.0.0"))
                        .add("y", v("2.0.0")),
                        lines(
                        "Because foo 1.0.0 depends on a >=1.0.0, <2.0.0 and a >=1.0.0, <2.0.0 depends on b >=2.0.0, <3.0.0, foo 1.0.0 depends on b >=2.0.0, <3.0.0.",
                        "And because foo 1.0.0 depends on b >=1.0.0, <2.0.0, foo 1.0.0 is forbidden. (1)",
                        "",
                        "Because foo 1.1.0 depends on x >=1.0.0, <2.0.0 and x >=1.0.0, <2.0.0 depends on y >=2.0.0, <3.0.0, foo 1.1.0 depends on y >=2.0.0, <3.0.0.",
                        "And because foo 1.1.0 depends on y >=1.0.0, <2.0.0, foo 1.1.0 is forbidden.",
                        "And because foo 1.0.0 is forbidden (1), foo >=1.0.0, <2.0.0 is forbidden.",
                        "And because root depends on foo >=1.0.0, <2.0.0, version solving failed.")),
                Arguments.of("missing package", registry()
                        .add("root", v("1.0.0"), deps("missing", Ranges.full())),
                        lines(
                        "Because there is no available version for missing and root depends on missing, version solving failed.")),
                Arguments.of("no matching version", registry()
                        .add("root", v("1.0.0"), deps("foo", atLeast("2.0.0")))
                        .add("foo", v("1.0.0")),
                        lines(
                        "Because there is no version of foo >=2.0.0 and root depends on foo >=2.0.0, version solving failed.")),
                Arguments.of("only version unavailable", registry()
                        .add("root", v("1.0.0"), deps("foo", atLeast("2.0.0")))
                        .add("foo", v("1.0.0"))
                        .addUnavailable("foo", v("2.0.0"), "requires Python >=3.9"),
                        lines(
                        "Because there is no version of foo >2.0.0 and foo 2.0.0 is unavailable (requires Python >=3.9), foo >=2.0.0 is forbidden.",
                        "And because root depends on foo >=2.0.0, version solving failed.")),
                Arguments.of("self dependency that excludes the version", registry()
                        .add("root", v("1.0.0"), deps("a", atLeast("2.0.0")))
                        .add("a", v("2.0.0"), deps("a", exactly("1.0.0")))
                        .add("a", v("1.0.0")),
                        lines(
                        "Because root depends on a >=2.0.0 and a >=2.0.0 depends on a 1.0.0, version solving failed.")),
                Arguments.of("root unavailable", registry()
                        .addUnavailable("root", v("1.0.0"), "broken metadata"),
                        lines(
                        "root 1.0.0 is unavailable (broken metadata).")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsolvable")
    void explainsTheClassicFailures(String name, OfflineDependencyProvider<String, SemVer> provider, String expected) {
        NoSolutionException e = catchThrowableOfType(NoSolutionException.class,
                () -> Solver.resolve(provider, "root", v("1.0.0")));
        assertThat(e).as("no solution").isNotNull();
        assertThat(e.getMessage()).isEqualTo(expected);
    }

    @Test
    void uncollapsedReportNamesTheMissingVersions() {
        OfflineDependencyProvider<String, SemVer> provider = registry()
                .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0"), "baz", between("1.0.0", "2.0.0")))
                .add("foo", v("1.0.0"), deps("bar", between("2.0.0", "3.0.0")))
                .add("bar", v("2.0.0"), deps("baz", between("3.0.0", "4.0.0")))
                .add("baz", v("1.0.0"))
                .add("baz", v("3.0.0"));
        NoSolutionException e = catchThrowableOfType(NoSolutionException.class,
                () -> Solver.resolve(provider, "root", v("1.0.0")));

        assertThat(DefaultReport.report(e.<String, SemVer>derivationTree())).isEqualTo(lines(
                "Because there is no version of bar >2.0.0, <3.0.0 and bar 2.0.0 depends on baz >=3.0.0, <4.0.0,"
                        + " bar >=2.0.0, <3.0.0 depends on baz >=3.0.0, <4.0.0.",
                "And because foo 1.0.0 depends on bar >=2.0.0, <3.0.0 and there is no version of foo >1.0.0, <2.0.0,"
                        + " foo >=1.0.0, <2.0.0 depends on baz >=3.0.0, <4.0.0.",
                "And because root depends on foo >=1.0.0, <2.0.0 and root depends on baz >=1.0.0, <2.0.0,"
                        + " version solving failed."));
        assertThat(e.kind()).isEqualTo(dev.relock.common.RelockException.Kind.UNRESOLVABLE);
        assertThat(e.<String, SemVer>derivationTree().packages()).containsExactlyInAnyOrder("root", "foo", "bar", "baz");
    }

    @Test
    void customFormatterChangesTheWordsButNotTheStructure() {
        OfflineDependencyProvider<String, SemVer> provider = registry()
                .add("root", v("1.0.0"), deps("foo", atLeast("2.0.0")))
                .add("foo", v("1.0.0"));
        NoSolutionException e = catchThrowableOfType(NoSolutionException.class,
                () -> Solver.resolve(provider, "root", v("1.0.0")));
        ReportFormatter<String, SemVer> python = new ReportFormatter<>() {
            @Override
            public String formatRequirement(String pkg, Ranges<SemVer> set) {
                return set.isFull() ? pkg : pkg + set.toString(version -> "v" + version).replace(" ", "");
            }
        };

        assertThat(DefaultReport.report(e.<String, SemVer>derivationTree(), python)).isEqualTo(
                "Because there is no version of foo>=v2.0.0 and root depends on foo>=v2.0.0, version solving failed.");
    }

    @Test
    void sharedConclusionsAreExplainedOnceAndReferredToByNumber() {
        OfflineDependencyProvider<String, SemVer> provider = registry()
                .add("root", v("1.0.0"), deps("foo", between("1.0.0", "2.0.0")))
                .add("foo", v("1.0.0"), deps("a", between("1.0.0", "2.0.0"), "b", between("1.0.0", "2.0.0")))
                .add("foo", v("1.1.0"), deps("x", between("1.0.0", "2.0.0"), "y", between("1.0.0", "2.0.0")))
                .add("a", v("1.0.0"), deps("b", between("2.0.0", "3.0.0")))
                .add("b", v("1.0.0"))
                .add("b", v("2.0.0"))
                .add("x", v("1.0.0"), deps("y", between("2.0.0", "3.0.0")))
                .add("y", v("1.0.0"))
                .add("y", v("2.0.0"));
        NoSolutionException e = catchThrowableOfType(NoSolutionException.class,
                () -> Solver.resolve(provider, "root", v("1.0.0")));

        String report = e.getMessage();
        assertThat(report).contains("is forbidden. (1)").contains("is forbidden (1),");
        assertThat(report).endsWith("version solving failed.");
    }

    @Test
    void rejectsAVersionOutsideTheRangeAsked() {
        OfflineDependencyProvider<String, SemVer> registry = registry()
                .add("root", v("1.0.0"), deps("foo", atLeast("2.0.0")))
                .add("foo", v("1.0.0"));
        DependencyProvider<String, SemVer, OfflineDependencyProvider.Priority> liar = new DependencyProvider<>() {
            @Override
            public OfflineDependencyProvider.Priority prioritize(String pkg, Ranges<SemVer> range, PackageStatistics s) {
                return registry.prioritize(pkg, range, s);
            }

            @Override
            public java.util.Optional<SemVer> chooseVersion(String pkg, Ranges<SemVer> range) {
                return pkg.equals("foo") ? java.util.Optional.of(v("1.0.0")) : registry.chooseVersion(pkg, range);
            }

            @Override
            public Dependencies<String, SemVer> getDependencies(String pkg, SemVer version) {
                return registry.getDependencies(pkg, version);
            }
        };

        assertThatThrownBy(() -> Solver.resolve(liar, "root", v("1.0.0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
    }
}
