package dev.relock.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonVersionTest {

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("3.11", 3, 11, false, "3.11.0", "3.11", "311"),
                Arguments.of("3.11.7", 3, 11, true, "3.11.7", "3.11.7", "311"),
                Arguments.of(" 3.8.0 ", 3, 8, true, "3.8.0", "3.8.0", "38"),
                Arguments.of("3.10", 3, 10, false, "3.10.0", "3.10", "310"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void versionsParseIntoTheirParts(String text, int major, int minor, boolean hasMicro,
            String full, String shown, String noDot) {
        PythonVersion v = PythonVersion.parse(text);
        assertThat(v.major()).isEqualTo(major);
        assertThat(v.minor()).isEqualTo(minor);
        assertThat(v.hasMicro()).isEqualTo(hasMicro);
        assertThat(v.fullVersion()).isEqualTo(full);
        assertThat(v.toString()).isEqualTo(shown);
        assertThat(v.noDot()).isEqualTo(noDot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "", "3.", ".11", "3.11.7rc1", "3.13t", "3.11.7.1", "3.x", "03.11", "3.011", "-3.11",
        "3.11.99999"})
    void anythingButXyOrXyzIsRejected(String text) {
        assertThatThrownBy(() -> PythonVersion.parse(text))
                .isInstanceOf(TagParseException.class)
                .hasMessageContaining("invalid Python version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.9:3.10", "3.10:3.10.0", "3.10.1:3.11", "3.11:3.11.1"})
    void versionsOrderNumerically(String pair) {
        String[] parts = pair.split(":");
        assertThat(PythonVersion.parse(parts[0])).isLessThan(PythonVersion.parse(parts[1]));
    }
}
