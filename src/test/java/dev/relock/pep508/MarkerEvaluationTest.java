package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.name.ExtraName;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkerEvaluationTest {

    static final MarkerEnvironment LINUX = MarkerEnvironment.fromMap(PackagingVectorsTest.DEFAULT_ENVIRONMENT);

    static final MarkerEnvironment WINDOWS = MarkerEnvironment.fromMap(with(Map.of(
            "os_name", "nt", "sys_platform", "win32", "platform_system", "Windows", "platform_machine", "AMD64",
            "platform_release", "10", "platform_version", "10.0.19045")));

    private static Map<String, String> with(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(PackagingVectorsTest.DEFAULT_ENVIRONMENT);
        values.putAll(overrides);
        return values;
    }

    /** marker, environment, extra ("" = none), packaging's answer. */
    static Stream<Arguments> evaluations() {
        return Stream.of(
                Arguments.of("python_version > '3.9'", LINUX, "", true),
                Arguments.of("python_version > '3.10'", LINUX, "", true),
                Arguments.of("python_version >= '3.11'", LINUX, "", true),
                Arguments.of("python_version < '3.10'", LINUX, "", false),
                Arguments.of("'3.8' <= python_version", LINUX, "", true),
                Arguments.of("'3.12' <= python_version", LINUX, "", false),
                Arguments.of("python_version == '3.11.*'", LINUX, "", true),
                Arguments.of("python_version != '3.11'", LINUX, "", false),
                Arguments.of("python_version ~= '3.9'", LINUX, "", true),
                Arguments.of("python_full_version >= '3.11.5'", LINUX, "", true),
                Arguments.of("python_full_version < '3.11.7'", LINUX, "", false),
                Arguments.of("python_version in '3.10 3.11'", LINUX, "", true),
                Arguments.of("python_version not in '3.10 3.11'", LINUX, "", false),
                Arguments.of("python_version === '3.11'", LINUX, "", true),
                Arguments.of("sys_platform == 'win32'", LINUX, "", false),
                Arguments.of("sys_platform == 'win32'", WINDOWS, "", true),
                Arguments.of("sys_platform != 'win32'", WINDOWS, "", false),
                Arguments.of("platform_system == 'Windows' and platform_machine == 'AMD64'", WINDOWS, "", true),
                Arguments.of("os_name == 'nt' or sys_platform == 'darwin'", LINUX, "", false),
                Arguments.of("sys.platform == 'linux' and os.name == 'posix'", LINUX, "", true),
                Arguments.of("platform.machine == 'x86_64'", LINUX, "", true),
                Arguments.of("python_implementation == 'CPython'", LINUX, "", true),
                Arguments.of("sys_platform < 'z'", LINUX, "", false),
                Arguments.of("sys_platform <= 'linux'", LINUX, "", true),
                Arguments.of("sys_platform >= 'linux'", LINUX, "", true),
                Arguments.of("sys_platform > 'a'", LINUX, "", false),
                Arguments.of("'lin' in sys_platform", LINUX, "", true),
                Arguments.of("platform_release >= '5'", LINUX, "", false),
                Arguments.of("platform_release != '5'", LINUX, "", false),
                Arguments.of("platform_release == '6.1.0-13-amd64'", LINUX, "", true),
                Arguments.of("platform_release >= '6'", WINDOWS, "", true),
                Arguments.of("platform_release in '6.1.0-13-amd64'", LINUX, "", true),
                Arguments.of("implementation_name == 'cpython' and implementation_version >= '3.11'", LINUX, "",
                        true),
                Arguments.of("platform_python_implementation != 'PyPy'", LINUX, "", true),
                Arguments.of("extra == 'test'", LINUX, "", false),
                Arguments.of("extra == 'test'", LINUX, "test", true),
                Arguments.of("extra == 'Test_Extra'", LINUX, "test.extra", true),
                Arguments.of("extra != 'test'", LINUX, "", true),
                Arguments.of("extra != 'test'", LINUX, "test", false),
                Arguments.of("extra == 'v2'", LINUX, "v2a3", false),
                Arguments.of("python_full_version < '3.12'",
                        MarkerEnvironment.fromMap(with(Map.of("python_full_version", "3.11.1+"))), "", true),
                Arguments.of("python_full_version > '3.6.2'",
                        MarkerEnvironment.fromMap(with(Map.of("python_full_version", "3.11.0a5"))), "", true),
                Arguments.of("python_version >= '3'", MarkerEnvironment.builder().build(), "", false));
    }

    @ParameterizedTest
    @MethodSource("evaluations")
    void markerEvaluatesForTheTargetAsPackagingDoes(String marker, MarkerEnvironment environment, String extra,
            boolean expected) {
        MarkerTree tree = MarkerTree.parse(marker);
        Set<ExtraName> extras = extra.isEmpty() ? Set.of() : Set.of(ExtraName.of(extra));

        assertThat(tree.evaluate(environment, extras)).isEqualTo(expected);
        assertThat(tree.forExtras(extras).evaluate(environment)).isEqualTo(expected);
        if (extra.isEmpty()) {
            assertThat(tree.evaluate(environment)).isEqualTo(expected);
        }
    }

    @Test
    void requestedExtrasApplyWhenAnyOneOfThemMatches() {
        MarkerTree marker = MarkerTree.parse("extra == 'socks' and python_version >= '3.8'");
        Set<ExtraName> extras = Set.of(ExtraName.of("security"), ExtraName.of("SOCKS"));

        assertThat(marker.evaluate(LINUX, extras)).isTrue();
        assertThat(marker.evaluate(LINUX, Set.of(ExtraName.of("security")))).isFalse();
        assertThat(MarkerTree.parse("extra == 'a' and extra == 'b'")
                .evaluate(LINUX, Set.of(ExtraName.of("a"), ExtraName.of("b")))).isFalse();
    }

    static Stream<String> undefinedComparisons() {
        return Stream.of("os_name ~= '1.0'", "os_name === 'posix'", "extra === 'a'", "python_version ~= '3'",
                "'2.7.0' ~= os_name");
    }

    @ParameterizedTest
    @MethodSource("undefinedComparisons")
    void comparisonPackagingCannotEvaluateFails(String marker) {
        MarkerTree tree = MarkerTree.parse(marker);

        assertThatThrownBy(() -> tree.evaluate(LINUX))
                .isInstanceOf(MarkerEvaluationException.class)
                .hasMessageContaining("is undefined for");
    }

    static Stream<Arguments> rejectedMarkers() {
        return Stream.of(
                Arguments.of("extra == os_name", "Expected a quoted string, not a second marker variable, "
                        + "in a comparison", 0, 16),
                Arguments.of("'a' == 'b'", "Expected a marker variable on one side of a comparison of two quoted "
                        + "strings", 0, 10),
                Arguments.of("'a\\x27\"' == os_name", "A marker value cannot contain both ' and \"", 0, 19),
                Arguments.of("os_name == 'a\\'", "Invalid quoted string", 11, 15),
                Arguments.of("os_name == '\\x4'", "Invalid quoted string", 11, 16),
                Arguments.of("\"foo\" in extras", "Expected a marker variable or quoted string", 9, 9),
                Arguments.of("platform.release == '5'", "Expected a marker variable or quoted string", 0, 0),
                Arguments.of("(python_version == \"2.7\") with random text", "Expected end of marker expression",
                        26, 26),
                Arguments.of("python_version >= 1.0 and (python_version)",
                        "Expected a marker variable or quoted string", 18, 18));
    }

    @ParameterizedTest
    @MethodSource("rejectedMarkers")
    void invalidMarkerIsReportedWithItsSpan(String marker, String reason, int start, int end) {
        assertThatThrownBy(() -> MarkerTree.parse(marker))
                .isInstanceOfSatisfying(Pep508Exception.class, error -> {
                    assertThat(error.reason()).isEqualTo(reason);
                    assertThat(error.offset()).isEqualTo(start);
                    assertThat(error.length()).isEqualTo(end - start);
                });
    }

    static Stream<Arguments> printedMarkers() {
        return Stream.of(
                Arguments.of("os_name=='posix'and(python_version<'3'or extra=='X_Y')",
                        "os_name == \"posix\" and (python_version < \"3\" or extra == \"x-y\")"),
                Arguments.of("(os_name == 'a' and os_name == 'b') or os_name == 'c'",
                        "(os_name == \"a\" and os_name == \"b\") or os_name == \"c\""),
                Arguments.of("os_name == 'a' and os_name == 'b' or os_name == 'c'",
                        "os_name == \"a\" and os_name == \"b\" or os_name == \"c\""),
                Arguments.of("((os_name == 'a'))", "os_name == \"a\""),
                // packaging prints "a and b or c" here, changing the meaning; the group is kept once.
                Arguments.of("os_name == 'a' and ((os_name == 'b' or os_name == 'c'))",
                        "os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")"),
                Arguments.of("'3.8' <= python_version", "\"3.8\" <= python_version"),
                Arguments.of("os_name not   in 'a b'", "os_name not in \"a b\""),
                Arguments.of("os_name == 'it\"s'", "os_name == 'it\"s'"),
                Arguments.of("os_name == \"it's\"", "os_name == \"it's\""),
                Arguments.of("os_name == 'tab\\there'", "os_name == \"tab\there\""),
                Arguments.of("os_name == '\\N{LATIN SMALL LETTER E WITH ACUTE}\\u00e9\\351'", "os_name == \"ééé\""),
                Arguments.of("os_name == 'keep\\d'", "os_name == \"keep\\d\""));
    }

    @ParameterizedTest
    @MethodSource("printedMarkers")
    void markerPrintsInPackagingsForm(String marker, String printed) {
        assertThat(MarkerTree.parse(marker)).hasToString(printed);
    }

    @Test
    void environmentFromMapDefaultsMissingValuesToEmptyAndRejectsUnknownKeys() {
        MarkerEnvironment environment = MarkerEnvironment.fromMap(Map.of("python_version", "3.12"));

        assertThat(environment.pythonVersion()).isEqualTo("3.12");
        assertThat(environment.sysPlatform()).isEmpty();
        assertThat(environment.toMap()).hasSize(11).containsEntry("python_version", "3.12");
        assertThat(MarkerEnvironment.fromMap(LINUX.toMap())).isEqualTo(LINUX);
        assertThatThrownBy(() -> MarkerEnvironment.fromMap(Map.of("extra", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkerEnvironment.fromMap(Map.of("os.name", "posix")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkerEnvironment.fromMap(Map.of("python_versoin", "3.12")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderSetsEachVariable() {
        MarkerEnvironment environment = MarkerEnvironment.builder()
                .implementationName("cpython").implementationVersion("3.12.1").osName("posix")
                .platformMachine("arm64").platformPythonImplementation("CPython").platformRelease("23.1.0")
                .platformSystem("Darwin").platformVersion("Darwin Kernel").pythonFullVersion("3.12.1")
                .pythonVersion("3.12").sysPlatform("darwin").build();

        for (MarkerVariable variable : MarkerVariable.values()) {
            if (variable != MarkerVariable.EXTRA) {
                assertThat(environment.value(variable)).as(variable.markerName()).isNotEmpty();
            }
        }
        assertThat(MarkerTree.parse("sys_platform == 'darwin' and platform_machine == 'arm64'")
                .evaluate(environment)).isTrue();
    }
}
