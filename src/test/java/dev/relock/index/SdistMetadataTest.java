package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdistMetadataTest {
    static Stream<Arguments> pkgInfos() {
        return Stream.of(
                Arguments.of("Metadata-Version: 2.2\nName: a\nVersion: 1\n", true),
                Arguments.of("Metadata-Version: 2.4\nName: a\nDynamic: Description\n", true),
                Arguments.of("Metadata-Version: 3.0\nName: a\n", true),
                Arguments.of("Metadata-Version: 2.1\nName: a\n", false),
                Arguments.of("Name: a\n", false),
                Arguments.of("Metadata-Version: 2.3\nDynamic: Requires-Dist\n", false),
                Arguments.of("Metadata-Version: 2.3\ndynamic: requires-python\n", false),
                Arguments.of("Metadata-Version: 2.3\n\nDynamic: Requires-Dist (in the body, not a header)\n", true));
    }

    @ParameterizedTest(name = "usable={1}: {0}")
    @MethodSource("pkgInfos")
    void onlyStaticPkgInfoFromVersion22IsTrusted(String pkgInfo, boolean usable) {
        byte[] bytes = pkgInfo.getBytes(StandardCharsets.UTF_8);
        if (usable) {
            assertThatCode(() -> SdistMetadata.requireStatic(bytes, "a-1.tar.gz")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> SdistMetadata.requireStatic(bytes, "a-1.tar.gz"))
                    .isInstanceOf(MetadataUnavailableException.class)
                    .hasMessageContaining("a-1.tar.gz")
                    .hasMessageContaining("needs a build to learn its dependencies");
        }
    }
}
