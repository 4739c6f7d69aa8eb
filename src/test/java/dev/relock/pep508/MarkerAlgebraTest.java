package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.name.ExtraName;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkerAlgebraTest {

    static final MarkerTree A = MarkerTree.parse("python_version >= '3.8'");
    static final MarkerTree B = MarkerTree.parse("sys_platform == 'win32'");
    static final MarkerTree C = MarkerTree.parse("os_name == 'nt' or os_name == 'posix'");

    /** Environments covering every combination of A, B and the two halves of C. */
    static final List<MarkerEnvironment> ENVIRONMENTS = Stream.of("3.7", "3.11")
            .flatMap(python -> Stream.of("win32", "linux")
                    .flatMap(platform -> Stream.of("nt", "posix", "java")
                            .map(os -> MarkerEnvironment.builder().pythonVersion(python).sysPlatform(platform)
                                    .osName(os).build())))
            .toList();

    /** expression, expected printed form. */
    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of(A.and(MarkerTree.TRUE), A.toString()),
                Arguments.of(MarkerTree.TRUE.and(A), A.toString()),
                Arguments.of(A.or(MarkerTree.FALSE), A.toString()),
                Arguments.of(A.and(MarkerTree.FALSE), MarkerTree.FALSE.toString()),
                Arguments.of(A.or(MarkerTree.TRUE), ""),
                Arguments.of(A.and(A), A.toString()),
                Arguments.of(A.or(A), A.toString()),
                Arguments.of(A.and(B).and(A), "python_version >= \"3.8\" and sys_platform == \"win32\""),
                Arguments.of(A.and(B.and(A)), "python_version >= \"3.8\" and sys_platform == \"win32\""),
                Arguments.of(A.and(C), "python_version >= \"3.8\" and (os_name == \"nt\" or os_name == \"posix\")"),
                Arguments.of(C.or(A.and(B)),
                        "(python_version >= \"3.8\" and sys_platform == \"win32\") or os_name == \"nt\" or os_name "
                                + "== \"posix\""),
                Arguments.of(C.or(MarkerTree.parse("os_name == 'posix'")), C.toString()),
                Arguments.of(MarkerTree.parse("(os_name == 'a' and os_name == 'b') and os_name == 'a'").simplify(),
                        MarkerTree.FALSE.toString()),
                Arguments.of(MarkerTree.TRUE.and(MarkerTree.TRUE), ""),
                Arguments.of(MarkerTree.FALSE.or(MarkerTree.FALSE), "python_version < \"0\""));
    }

    @ParameterizedTest
    @MethodSource("identities")
    void algebraSimplifiesTrivialCases(MarkerTree result, String printed) {
        assertThat(result).hasToString(printed);
    }

    static Stream<Arguments> pairs() {
        List<MarkerTree> trees = List.of(A, B, C, MarkerTree.TRUE, MarkerTree.FALSE, A.and(C), B.or(C));
        return trees.stream().flatMap(left -> trees.stream().map(right -> Arguments.of(left, right)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void andAndOrAgreeWithEvaluationInEveryEnvironment(MarkerTree left, MarkerTree right) {
        for (MarkerEnvironment environment : ENVIRONMENTS) {
            boolean l = left.evaluate(environment);
            boolean r = right.evaluate(environment);
            assertThat(left.and(right).evaluate(environment)).isEqualTo(l && r);
            assertThat(left.or(right).evaluate(environment)).isEqualTo(l || r);
        }
    }

    @Test
    void constantsAreRecognised() {
        assertThat(MarkerTree.TRUE.isTrue()).isTrue();
        assertThat(MarkerTree.FALSE.isFalse()).isTrue();
        assertThat(A.isTrue()).isFalse();
        assertThat(A.isFalse()).isFalse();
        assertThat(MarkerTree.FALSE.evaluate(MarkerEnvironment.builder().pythonVersion("3.11").build())).isFalse();
        assertThat(MarkerTree.parse(MarkerTree.FALSE.toString())
                .evaluate(MarkerEnvironment.builder().pythonVersion("3.11").build())).isFalse();
    }

    @Test
    void equalityIgnoresRedundantParenthesesButPrintingKeepsThem() {
        MarkerTree grouped = MarkerTree.parse("(os_name == 'a' and os_name == 'b') or os_name == 'c'");
        MarkerTree plain = MarkerTree.parse("os_name == 'a' and os_name == 'b' or os_name == 'c'");

        assertThat(grouped).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(grouped.toString()).isNotEqualTo(plain.toString());
    }

    @Test
    void extrasListsTheExtraNamesTheMarkerMentions() {
        MarkerTree marker = MarkerTree.parse(
                "extra == 'Socks' or (extra == 'security' and python_version < '3') or extra == 'socks'");

        assertThat(marker.extras()).containsExactly(ExtraName.of("socks"), ExtraName.of("security"));
        assertThat(A.extras()).isEmpty();
    }

    /** marker, extra ("" = none), marker for that extra, marker without extras. */
    static Stream<Arguments> extraSpecializations() {
        return Stream.of(
                Arguments.of("extra == 'test'", "", "python_version < \"0\"", ""),
                Arguments.of("extra == 'test'", "test", "", ""),
                Arguments.of("python_version >= '3.8' and extra == 'test'", "test", "python_version >= \"3.8\"",
                        "python_version >= \"3.8\""),
                Arguments.of("python_version >= '3.8' and extra == 'test'", "", "python_version < \"0\"",
                        "python_version >= \"3.8\""),
                Arguments.of("extra != 'test' and os_name == 'nt'", "", "os_name == \"nt\"", "os_name == \"nt\""),
                Arguments.of("sys_platform == 'win32' or extra == 'win'", "win", "", ""),
                Arguments.of("sys_platform == 'win32' or extra == 'win'", "other", "sys_platform == \"win32\"", ""),
                Arguments.of("os_name == 'nt'", "x", "os_name == \"nt\"", "os_name == \"nt\""));
    }

    @ParameterizedTest
    @MethodSource("extraSpecializations")
    void fixingTheExtraLeavesOnlyTheEnvironmentCondition(String marker, String extra, String forExtra,
            String withoutExtras) {
        MarkerTree tree = MarkerTree.parse(marker);
        MarkerTree specialized = extra.isEmpty() ? tree.forNoExtra() : tree.forExtra(ExtraName.of(extra));

        assertThat(specialized).hasToString(forExtra);
        assertThat(specialized.extras()).isEmpty();
        assertThat(tree.withoutExtras()).hasToString(withoutExtras);
        for (MarkerEnvironment environment : ENVIRONMENTS) {
            Set<ExtraName> extras = extra.isEmpty() ? Set.of() : Set.of(ExtraName.of(extra));
            assertThat(specialized.evaluate(environment)).isEqualTo(tree.evaluate(environment, extras));
        }
    }

    @Test
    void forExtrasIsTheDisjunctionOverTheRequestedExtras() {
        MarkerTree marker = MarkerTree.parse(
                "extra == 'a' and os_name == 'nt' or extra == 'b' and sys_platform == 'win32'");

        assertThat(marker.forExtras(Set.of(ExtraName.of("a"), ExtraName.of("b"))).toString())
                .isIn("os_name == \"nt\" or sys_platform == \"win32\"",
                        "sys_platform == \"win32\" or os_name == \"nt\"");
        assertThat(marker.forExtras(Set.of())).isEqualTo(MarkerTree.FALSE);
    }
}
