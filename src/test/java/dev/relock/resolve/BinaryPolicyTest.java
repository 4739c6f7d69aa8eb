package dev.relock.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryPolicyTest {

    /** "no:x" is {@code --no-binary x}, "only:x" is {@code --only-binary x}. */
    static List<BinaryPolicy.Option> options(String... words) {
        List<BinaryPolicy.Option> out = new ArrayList<>();
        for (String w : words) {
            String value = w.substring(w.indexOf(':') + 1);
            out.add(w.startsWith("no:") ? BinaryPolicy.Option.noBinary(value) : BinaryPolicy.Option.onlyBinary(value));
        }
        return out;
    }

    /**
     * Options in order, then what each package may use ("both", "wheel" or "sdist"), then the
     * restated {@code --no-binary} and {@code --only-binary} values.
     */
    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(List.of(), Map.of("foo", "both"), List.of(), List.of()),
                Arguments.of(List.of("no:foo"), Map.of("foo", "sdist", "bar", "both"), List.of("foo"), List.of()),
                Arguments.of(List.of("only:foo"), Map.of("foo", "wheel", "bar", "both"), List.of(), List.of("foo")),
                Arguments.of(List.of("no:foo", "only:foo"), Map.of("foo", "wheel"), List.of(), List.of("foo")),
                Arguments.of(List.of("only:foo", "no:foo"), Map.of("foo", "sdist"), List.of("foo"), List.of()),
                Arguments.of(List.of("no::all:"), Map.of("foo", "sdist"), List.of(":all:"), List.of()),
                Arguments.of(List.of("only::all:"), Map.of("foo", "wheel"), List.of(), List.of(":all:")),
                Arguments.of(List.of("only::all:", "no:foo"), Map.of("foo", "sdist", "bar", "wheel"),
                        List.of("foo"), List.of(":all:")),
                Arguments.of(List.of("no:foo", "only::all:"), Map.of("foo", "wheel", "bar", "wheel"),
                        List.of(), List.of(":all:")),
                Arguments.of(List.of("no::all:", "only::all:"), Map.of("foo", "wheel"), List.of(), List.of(":all:")),
                Arguments.of(List.of("no::all:", "no::none:"), Map.of("foo", "both"), List.of(), List.of()),
                Arguments.of(List.of("no:foo", "no::none:"), Map.of("foo", "both"), List.of(), List.of()),
                Arguments.of(List.of("no:foo", "only:bar", "no::none:"), Map.of("foo", "both", "bar", "wheel"),
                        List.of(), List.of("bar")),
                Arguments.of(List.of("no:foo,bar"), Map.of("foo", "sdist", "bar", "sdist", "baz", "both"),
                        List.of("bar", "foo"), List.of()),
                Arguments.of(List.of("no:Foo_Bar", "only:FOO.bar"), Map.of("foo-bar", "wheel"), List.of(),
                        List.of("foo-bar")),
                Arguments.of(List.of("no::all:,foo"), Map.of("foo", "sdist"), List.of(":all:"), List.of()),
                Arguments.of(List.of("no::all:,:none:,foo"), Map.of("foo", "sdist", "bar", "both"),
                        List.of("foo"), List.of()),
                Arguments.of(List.of("only::all:", "only:foo"), Map.of("foo", "wheel", "bar", "wheel"),
                        List.of(), List.of(":all:", "foo")));
    }

    @ParameterizedTest(name = "{0} allows {1}")
    @MethodSource("policies")
    void optionsApplyInOrderWithPipsRules(List<String> words, Map<String, String> allowed, List<String> noBinary,
            List<String> onlyBinary) {
        BinaryPolicy policy = BinaryPolicy.of(options(words.toArray(String[]::new)));
        allowed.forEach((name, formats) -> {
            PackageName n = PackageName.of(name);
            assertThat(policy.allowsWheel(n)).as("wheels of %s", name).isEqualTo(!formats.equals("sdist"));
            assertThat(policy.allowsSdist(n)).as("sdists of %s", name).isEqualTo(!formats.equals("wheel"));
        });
        assertThat(policy.noBinaryValues()).isEqualTo(noBinary);
        assertThat(policy.onlyBinaryValues()).isEqualTo(onlyBinary);
        assertThat(policy.allowsAll()).isEqualTo(noBinary.isEmpty() && onlyBinary.isEmpty());
    }

    @ParameterizedTest(name = "{0} restates to the same policy")
    @MethodSource("policies")
    void theRestatedValuesReadBackToTheSamePolicy(List<String> words) {
        BinaryPolicy policy = BinaryPolicy.of(options(words.toArray(String[]::new)));
        assertThat(BinaryPolicy.recorded(policy.noBinaryValues(), policy.onlyBinaryValues())).isEqualTo(policy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void toStringListsAllValuesFirstSoThatApplyingItInOrderGivesThePolicyBack(List<String> words) {
        BinaryPolicy policy = BinaryPolicy.of(options(words.toArray(String[]::new)));
        List<BinaryPolicy.Option> again = new ArrayList<>();
        for (String word : policy.toString().split(" ")) {
            if (!word.isEmpty()) {
                String[] kv = word.split("=", 2);
                again.add(kv[0].equals("--no-binary") ? BinaryPolicy.Option.noBinary(kv[1])
                        : BinaryPolicy.Option.onlyBinary(kv[1]));
            }
        }
        assertThat(BinaryPolicy.of(again)).isEqualTo(policy);
    }

    @ParameterizedTest(name = "a lockfile with no-binary {0} and only-binary {1}")
    @MethodSource("recordedBlocks")
    void aRecordedBlockAppliesAllValuesFirst(List<String> noBinary, List<String> onlyBinary, String name,
            String formats) {
        BinaryPolicy policy = BinaryPolicy.recorded(noBinary, onlyBinary);
        assertThat(policy.allowsWheel(PackageName.of(name))).isEqualTo(!formats.equals("sdist"));
        assertThat(policy.allowsSdist(PackageName.of(name))).isEqualTo(!formats.equals("wheel"));
    }

    static Stream<Arguments> recordedBlocks() {
        return Stream.of(
                Arguments.of(List.of("psycopg2"), List.of(":all:"), "psycopg2", "sdist"),
                Arguments.of(List.of("psycopg2"), List.of(":all:"), "numpy", "wheel"),
                Arguments.of(List.of(":all:"), List.of("numpy"), "numpy", "wheel"),
                Arguments.of(List.of(":all:"), List.of("numpy"), "psycopg2", "sdist"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "--pre", "foo bar", "foo,b@r"})
    void malformedValuesAreBadInput(String value) {
        assertThatThrownBy(() -> BinaryPolicy.ALLOW_ALL.with(BinaryPolicy.Option.onlyBinary(value)))
                .isInstanceOf(RelockException.class)
                .satisfies(e -> assertThat(((RelockException) e).kind()).isEqualTo(RelockException.Kind.BAD_INPUT))
                .hasMessageContaining("--only-binary");
    }
}
