package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.pep440.Version;
import dev.relock.ranges.Ranges;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The marker algebra's simplified forms, semantic checks and simplification under assumptions. */
class MarkerSimplificationTest {

    /** What an always-false marker prints as. */
    static final String NEVER = MarkerTree.FALSE.toString();

    /** input marker, its simplified text ("" = always true). */
    static Stream<Arguments> simplified() {
        return Stream.of(
                // deduplication and absorption
                Arguments.of("sys_platform == 'win32' or sys_platform == 'win32'", "sys_platform == \"win32\""),
                Arguments.of("os_name == 'nt' or (os_name == 'nt' and python_version < '3.9')", "os_name == \"nt\""),
                Arguments.of("(os_name == 'nt' and python_version < '3.9') or os_name == 'nt'", "os_name == \"nt\""),
                Arguments.of("python_version >= '3.8' and (python_version >= '3.8' or sys_platform == 'linux')",
                        "python_version >= \"3.8\""),
                // merging ranges
                Arguments.of("python_version < '3.10' or python_version == '3.10'", "python_version < \"3.11\""),
                Arguments.of("python_version >= '3.8' and python_version >= '3.9'", "python_version >= \"3.9\""),
                Arguments.of("python_version >= '3.9' and python_version < '3.10'", "python_version == \"3.9\""),
                Arguments.of("python_version == '3.9' or python_version == '3.10'",
                        "python_version >= \"3.9\" and python_version < \"3.11\""),
                Arguments.of("python_version != '3.10' and python_version >= '3.8'",
                        "python_version >= \"3.8\" and python_version != \"3.10\""),
                Arguments.of("python_version < '3.9' or python_version > '3.9'", "python_version != \"3.9\""),
                Arguments.of("(python_version < '3.10' and sys_platform == 'win32') or "
                        + "(python_version == '3.10' and sys_platform == 'win32')",
                        "python_version < \"3.11\" and sys_platform == \"win32\""),
                // complements
                Arguments.of("python_version < '3.9' or python_version >= '3.9'", ""),
                Arguments.of("sys_platform == 'win32' or sys_platform != 'win32'", ""),
                Arguments.of("sys_platform == 'win32' and sys_platform == 'linux'", NEVER),
                Arguments.of("python_version < '3.9' and python_full_version >= '3.9.1'", NEVER),
                Arguments.of("python_version < '3.11' or sys_platform == 'win32' or python_version >= '3.11'", ""),
                Arguments.of("python_version < '3.11' or (python_version >= '3.11' and sys_platform == 'win32')",
                        "python_version < \"3.11\" or sys_platform == \"win32\""),
                Arguments.of("os_name in 'posix nt' or os_name not in 'posix nt'", ""),
                Arguments.of("sys_platform < 'z'", NEVER),
                // python_version and python_full_version on one axis
                Arguments.of("python_version <= '3.11'", "python_version < \"3.12\""),
                Arguments.of("python_version > '3.11'", "python_version >= \"3.12\""),
                Arguments.of("python_version == '3.11'", "python_version == \"3.11\""),
                Arguments.of("python_full_version >= '3.11' and python_full_version < '3.12'",
                        "python_version == \"3.11\""),
                Arguments.of("python_version < '3.11.2'", "python_version < \"3.12\""),
                Arguments.of("python_version >= '3.11.2'", "python_version >= \"3.12\""),
                Arguments.of("python_version == '3.11.2'", NEVER),
                Arguments.of("python_full_version >= '3.11.2' and python_version == '3.11'",
                        "python_full_version >= \"3.11.2\" and python_version < \"3.12\""),
                Arguments.of("python_full_version < '3.11.2' or python_version >= '3.11'", ""),
                Arguments.of("python_full_version == '3.11.0'", "python_full_version == \"3.11.0\""),
                Arguments.of("python_full_version != '3.11.4' and python_version == '3.11'",
                        "python_version >= \"3.11\" and python_full_version != \"3.11.4\" and python_version < \"3.12\""),
                Arguments.of("python_full_version <= '3.11.4'", "python_full_version <= \"3.11.4\""),
                Arguments.of("python_version == '3.11.*'", "python_version == \"3.11\""),
                Arguments.of("python_full_version != '3.9.*'", "python_version != \"3.9\""),
                Arguments.of("python_version ~= '3.10'", "python_version >= \"3.10\" and python_version < \"4.0\""),
                Arguments.of("python_full_version ~= '3.11.2'",
                        "python_full_version >= \"3.11.2\" and python_version < \"3.12\""),
                Arguments.of("python_version === '3.11'", "python_version == \"3.11\""),
                Arguments.of("python_version >= '0'", ""),
                Arguments.of("python_version < '0'", NEVER),
                // reversed operands
                Arguments.of("'3.11' <= python_version", "python_version >= \"3.11\""),
                Arguments.of("'3.11' > python_version", "python_version < \"3.11\""),
                Arguments.of("'win32' == sys_platform", "sys_platform == \"win32\""),
                // canonical order: interpreter, then platform, then extra
                Arguments.of("platform_machine == 'arm64' and sys_platform == 'darwin'",
                        "sys_platform == \"darwin\" and platform_machine == \"arm64\""),
                Arguments.of("extra == 'test' and python_version >= '3.9'",
                        "python_version >= \"3.9\" and extra == \"test\""),
                Arguments.of("sys_platform == 'win32' or python_version < '3.11'",
                        "python_version < \"3.11\" or sys_platform == \"win32\""),
                Arguments.of("sys_platform == 'linux' or sys_platform == 'darwin'",
                        "sys_platform == \"darwin\" or sys_platform == \"linux\""),
                Arguments.of("(python_version < '3.11' and sys_platform == 'win32') or sys_platform == 'linux'",
                        "(python_version < \"3.11\" and sys_platform == \"win32\") or sys_platform == \"linux\""),
                Arguments.of("python_version >= '3.8' and (os_name == 'nt' or os_name == 'posix')",
                        "python_version >= \"3.8\" and (os_name == \"nt\" or os_name == \"posix\")"),
                Arguments.of("sys_platform != 'win32' and sys_platform != 'cygwin'",
                        "sys_platform != \"cygwin\" and sys_platform != \"win32\""),
                // extras are string values
                Arguments.of("extra == 'a' and extra == 'b'", NEVER),
                Arguments.of("extra == 'a' or extra != 'a'", ""),
                Arguments.of("(extra == 'a' or extra == 'b') and extra != 'a'", "extra == \"b\""),
                // opaque comparisons are kept as written, negated by the complementary operator
                Arguments.of("os_name in 'posix nt' and os_name in 'posix nt'", "os_name in \"posix nt\""),
                Arguments.of("platform_release >= '5' and platform_release < '6'",
                        "platform_release >= \"5\" and platform_release < \"6\""),
                Arguments.of("python_full_version >= '3.13.0rc1'", "python_full_version >= \"3.13.0rc1\""),
                Arguments.of("python_full_version >= '3.13.0rc1' and python_full_version < '3.13.0rc1'", NEVER),
                Arguments.of("os_name ~= '1.0'", "os_name ~= \"1.0\""),
                // the other version variables
                Arguments.of("platform_release == '0'", "platform_release == \"0\""),
                Arguments.of("implementation_version >= '7.3' and implementation_version < '7.3'", NEVER),
                Arguments.of("implementation_version >= '7.3.0' or implementation_version == '7.2.*'",
                        "implementation_version >= \"7.2\""),
                Arguments.of("'3.*' == python_version", "\"3.*\" == python_version"));
    }

    @ParameterizedTest
    @MethodSource("simplified")
    void simplifiesToTheCanonicalForm(String input, String expected) {
        MarkerTree simplified = MarkerTree.parse(input).simplify();

        assertThat(simplified).hasToString(expected);
        assertThat(simplified.simplify()).isEqualTo(simplified);
        if (!expected.isEmpty()) {
            assertThat(MarkerTree.parse(expected).simplify()).hasToString(expected);
        }
        assertThat(simplified.isTrue()).isEqualTo(expected.isEmpty());
        assertThat(simplified.isFalse()).isEqualTo(expected.equals(NEVER));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sys_platform == 'win32'                            | sys_platform != "win32"
            python_version < '3.11'                            | python_version >= "3.11"
            python_version == '3.11'                           | python_version != "3.11"
            python_full_version <= '3.11.4'                    | python_full_version > "3.11.4"
            os_name in 'posix nt'                              | os_name not in "posix nt"
            '3.1' in python_version                            | "3.1" not in python_version
            sys_platform == 'darwin' and platform_machine == 'arm64' | sys_platform != "darwin" or platform_machine != "arm64"
            python_version < '3.9' or sys_platform == 'win32'  | python_version >= "3.9" and sys_platform != "win32"
            extra == 'a'                                       | extra != "a"
            python_full_version ~= '3.13.0rc1'                 | python_full_version < "3.13.0rc1" or python_full_version != "3.13.*"
            """)
    void negationFlipsOperatorsAndFollowsDeMorgan(String input, String negated) {
        MarkerTree marker = MarkerTree.parse(input);

        assertThat(marker.not()).hasToString(negated);
        assertThat(marker.not().not()).isEqualTo(marker.simplify());
        assertThat(marker.and(marker.not()).isFalse()).isTrue();
        assertThat(marker.or(marker.not()).isTrue()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sys_platform == 'win32'  | sys_platform == 'linux'    | true  | false
            python_version < '3.11'  | python_version >= '3.11'  | true  | false
            python_version < '3.11'  | python_version < '3.12'   | false | true
            python_version == '3.11' | python_full_version >= '3.11.0' | false | true
            python_full_version >= '3.11.2' | python_version >= '3.11' | false | true
            python_version >= '3.11' | python_full_version >= '3.11.2' | false | false
            sys_platform == 'win32' and python_version < '3.9' | sys_platform == 'win32' | false | true
            sys_platform == 'win32' | sys_platform == 'win32' or os_name == 'nt' | false | true
            extra == 'a' | extra == 'b' | true | false
            os_name == 'nt' | sys_platform == 'linux' | false | false
            """)
    void disjointnessAndImplicationAreSemantic(String left, String right, boolean disjoint, boolean implies) {
        MarkerTree a = MarkerTree.parse(left);
        MarkerTree b = MarkerTree.parse(right);

        assertThat(a.isDisjoint(b)).isEqualTo(disjoint);
        assertThat(b.isDisjoint(a)).isEqualTo(disjoint);
        assertThat(a.implies(b)).isEqualTo(implies);
        assertThat(a.implies(a)).isTrue();
    }

    @Test
    void andAndOrOfEquivalentMarkersAreEqual() {
        MarkerTree one = MarkerTree.parse("python_version < '3.10' and sys_platform == 'win32'")
                .or(MarkerTree.parse("python_version == '3.10' and sys_platform == 'win32'"));
        MarkerTree other = MarkerTree.parse("'win32' == sys_platform and python_full_version < '3.11'");

        assertThat(one).isEqualTo(other.simplify()).hasToString(other.simplify().toString());
        assertThat(one.and(MarkerTree.TRUE)).isEqualTo(one);
        assertThat(one.or(MarkerTree.FALSE)).isEqualTo(one);
    }

    /** requires-python, its marker. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            >=3.11           | python_version >= "3.11"
            >=3.11.2         | python_full_version >= "3.11.2"
            '>=3.8, !=3.9.*' | python_version >= "3.8" and python_version != "3.9"
            '>=3.9,<4'       | python_version >= "3.9" and python_version < "4.0"
            ~=3.10           | python_version >= "3.10" and python_version < "4.0"
            ==3.12.*         | python_version == "3.12"
            >3.11            | python_full_version > "3.11.0"
            ''               | ''
            """)
    void requiresPythonGivesTheMarkerForTheRange(String specifiers, String marker) {
        assertThat(MarkerTree.requiresPython(specifiers)).hasToString(marker);
    }

    @Test
    void pythonRangeTreatsPreReleaseAndBoundaryEndsAsTheReleasesTheyAdmit() {
        Ranges<Version> atLeast311 = dev.relock.pep440.VersionSpecifiers.parse(">=3.11").toRanges();
        Ranges<Version> below312 = dev.relock.pep440.VersionSpecifiers.parse("<3.12").toRanges();
        Ranges<Version> atMost311 = dev.relock.pep440.VersionSpecifiers.parse("<=3.11").toRanges();
        Ranges<Version> above311 = dev.relock.pep440.VersionSpecifiers.parse(">3.11").toRanges();

        assertThat(MarkerTree.pythonRange(atLeast311)).hasToString("python_version >= \"3.11\"");
        assertThat(MarkerTree.pythonRange(below312)).hasToString("python_version < \"3.12\"");
        assertThat(MarkerTree.pythonRange(atMost311)).hasToString("python_full_version <= \"3.11.0\"");
        assertThat(MarkerTree.pythonRange(above311)).hasToString("python_full_version > \"3.11.0\"");
        assertThat(MarkerTree.pythonRange(Ranges.full()).isTrue()).isTrue();
        assertThat(MarkerTree.pythonRange(Ranges.empty()).isFalse()).isTrue();
    }

    /** marker, requires-python, marker simplified under it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            python_version < '3.11'                            | >=3.11      | python_version < "0"
            python_version >= '3.9'                            | >=3.11      | ''
            python_version < '3.12'                            | >=3.11      | python_version < "3.12"
            python_version < '3.9' or sys_platform == 'win32'  | >=3.11      | sys_platform == "win32"
            python_version < '3.12' and sys_platform == 'win32' | >=3.11     | python_version < "3.12" and sys_platform == "win32"
            python_version >= '3.12' and python_version < '3.14' | '>=3.11,<3.14' | python_version >= "3.12"
            python_full_version >= '3.11.2'                    | >=3.11      | python_full_version >= "3.11.2"
            python_version == '3.10' or python_version == '3.12' | >=3.11    | python_version == "3.12"
            sys_platform == 'linux'                            | >=3.11      | sys_platform == "linux"
            """)
    void simplifyUnderRequiresPythonDropsWhatTheRangeDecides(String marker, String requires, String expected) {
        MarkerTree assumption = MarkerTree.requiresPython(requires);
        MarkerTree result = MarkerTree.parse(marker).simplifyUnder(assumption);

        assertThat(result).hasToString(expected);
        assertThat(result.and(assumption)).isEqualTo(MarkerTree.parse(marker).and(assumption));
        assertThat(MarkerTree.parse(marker).restrictPython(
                dev.relock.pep440.VersionSpecifiers.parse(requires).toRanges())).isEqualTo(result);
    }

    @Test
    void simplifyUnderAStringAssumptionDropsTheDecidedPlatforms() {
        MarkerTree marker = MarkerTree.parse("sys_platform == 'win32' or (sys_platform == 'linux' and "
                + "platform_machine == 'aarch64')");

        assertThat(marker.simplifyUnder(MarkerTree.parse("sys_platform != 'win32'")))
                .hasToString("sys_platform == \"linux\" and platform_machine == \"aarch64\"");
        assertThat(marker.simplifyUnder(MarkerTree.parse("sys_platform == 'linux'")))
                .hasToString("platform_machine == \"aarch64\"");
        assertThat(marker.simplifyUnder(MarkerTree.parse("sys_platform == 'darwin'"))).isEqualTo(MarkerTree.FALSE);
        assertThat(marker.simplifyUnder(MarkerTree.TRUE)).isEqualTo(marker.simplify());
    }

    /** Every marker pypa/packaging tests as valid goes through the algebra and prints parseably. */
    @ParameterizedTest
    @MethodSource("dev.relock.pep508.PackagingVectorsTest#validMarkers")
    void everyValidPackagingMarkerHasACanonicalForm(String text) {
        MarkerTree marker = MarkerTree.parse(text);
        MarkerTree simplified = marker.simplify();

        if (!simplified.isTrue()) {
            assertThat(MarkerTree.parse(simplified.toString()).simplify()).isEqualTo(simplified);
        }
        assertThat(marker.not().not()).isEqualTo(simplified);
        assertThat(marker.and(marker.not()).isFalse()).isTrue();
        assertThat(marker.implies(marker.or(MarkerTree.parse("os_name == 'x'")))).isTrue();
    }

    @Test
    void hugeMarkersDegradeToAnUnsimplifiedButCorrectForm() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            text.append(i == 0 ? "" : " or ").append("(platform_version == 'v").append(i)
                    .append("' and platform_release == '").append(i).append("' and os_name == 'o").append(i)
                    .append("' and implementation_name == 'n").append(i).append("')");
        }
        MarkerTree huge = MarkerTree.parse(text.toString());
        MarkerEnvironment match = MarkerEnvironment.builder().platformVersion("v3").platformRelease("3")
                .osName("o3").implementationName("n3").build();
        MarkerEnvironment miss = MarkerEnvironment.builder().platformVersion("v3").platformRelease("3")
                .osName("o4").implementationName("n3").build();

        MarkerTree negated = huge.not();
        MarkerTree simplified = huge.simplify();

        assertThat(simplified.evaluate(match)).isTrue();
        assertThat(simplified.evaluate(miss)).isFalse();
        assertThat(negated.evaluate(match)).isFalse();
        assertThat(negated.evaluate(miss)).isTrue();
        assertThat(huge.isTrue()).isFalse();
    }
}
