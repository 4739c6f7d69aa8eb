package dev.relock.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    static Stream<Arguments> compressedSets() {
        return Stream.of(
                Arguments.of("py3-none-any", new String[] {"py3-none-any"}),
                Arguments.of("py2.py3-none-any", new String[] {"py2-none-any", "py3-none-any"}),
                Arguments.of("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
                        new String[] {"cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64"}),
                Arguments.of("cp38.cp39-abi3.none-win_amd64",
                        new String[] {"cp38-abi3-win_amd64", "cp38-none-win_amd64",
                            "cp39-abi3-win_amd64", "cp39-none-win_amd64"}),
                Arguments.of("CP311-CP311-Win_AMD64", new String[] {"cp311-cp311-win_amd64"}));
    }

    @ParameterizedTest
    @MethodSource("compressedSets")
    void compressedTagSetsExpandInWrittenOrder(String text, String[] expected) {
        assertThat(Tag.parseCompressed(text)).extracting(Tag::toString).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "py3-none", "py3-none-any-extra", "py3..py2-none-any", "py3-none-", ".py3-none-any",
        "py3-no ne-any", "py3-none-any.", "py+3-none-any"})
    void malformedTagSetsAreRejectedAsBadInput(String text) {
        assertThatThrownBy(() -> Tag.parseCompressed(text))
                .isInstanceOf(TagParseException.class)
                .hasMessageContaining("invalid wheel tag");
    }

    @Test
    void errorsPointAtTheBadMember() {
        assertThatThrownBy(() -> Tag.parseCompressed("py2.p#3-none-any"))
                .isInstanceOfSatisfying(TagParseException.class, e -> {
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.length()).isEqualTo(3);
                    assertThat(e.kind()).isEqualTo(dev.relock.common.RelockException.Kind.BAD_INPUT);
                });
    }

    @Test
    void tagsCompareCaseInsensitively() {
        assertThat(new Tag("CP311", "ABI3", "Win_Amd64")).isEqualTo(new Tag("cp311", "abi3", "win_amd64"));
    }

    @Test
    void aSingleTagMayNotContainDotsOrDashes() {
        assertThatThrownBy(() -> new Tag("py2.py3", "none", "any")).isInstanceOf(TagParseException.class);
        assertThatThrownBy(() -> new Tag("py3", "", "any")).isInstanceOf(TagParseException.class);
    }
}
