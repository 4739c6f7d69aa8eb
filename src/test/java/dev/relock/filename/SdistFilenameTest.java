package dev.relock.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdistFilenameTest {

    static Stream<Arguments> sdists() {
        return Stream.of(
                Arguments.of("requests-2.31.0.tar.gz", "requests", "2.31.0", SdistFormat.TAR_GZ),
                Arguments.of("zope.interface-6.1.tar.gz", "zope-interface", "6.1", SdistFormat.TAR_GZ),
                Arguments.of("zope_interface-6.1.tar.gz", "zope-interface", "6.1", SdistFormat.TAR_GZ),
                Arguments.of("python-dateutil-2.8.2.tar.gz", "python-dateutil", "2.8.2", SdistFormat.TAR_GZ),
                Arguments.of("Django-4.2.11.tar.gz", "django", "4.2.11", SdistFormat.TAR_GZ),
                Arguments.of("pywin32-ctypes-0.2.0.zip", "pywin32-ctypes", "0.2.0", SdistFormat.ZIP),
                Arguments.of("foo-1.0rc1.tgz", "foo", "1.0rc1", SdistFormat.TGZ),
                Arguments.of("oldpkg-0.1.tar.bz2", "oldpkg", "0.1", SdistFormat.TAR_BZ2),
                Arguments.of("pkg-1!2.0.post3.tar.xz", "pkg", "1!2.0.post3", SdistFormat.TAR_XZ),
                Arguments.of("legacy-0.9.tar", "legacy", "0.9", SdistFormat.TAR));
    }

    @ParameterizedTest
    @MethodSource("sdists")
    void sdistNamesSplitAtTheLastDash(String filename, String name, String version, SdistFormat format) {
        SdistFilename sdist = SdistFilename.parse(filename);
        assertThat(sdist.name()).isEqualTo(PackageName.of(name));
        assertThat(sdist.version()).isEqualTo(Version.parse(version));
        assertThat(sdist.format()).isEqualTo(format);
        assertThat(sdist).hasToString(filename);
        assertThat(DistFilename.parse(filename, PackageName.of(name))).isEqualTo(sdist);
    }

    @Test
    void standardFormatsAreTarGzAndZip() {
        assertThat(SdistFormat.TAR_GZ.isStandard()).isTrue();
        assertThat(SdistFormat.ZIP.isStandard()).isTrue();
        assertThat(SdistFormat.TAR_BZ2.isStandard()).isFalse();
    }

    @Test
    void theExpectedNameResolvesDashedVersions() {
        SdistFilename sdist = SdistFilename.parse("foo-bar-1.0-1.tar.gz", PackageName.of("foo_bar"));
        assertThat(sdist.name()).isEqualTo(PackageName.of("foo-bar"));
        assertThat(sdist.version()).isEqualTo(Version.parse("1.0.post1"));
    }

    @Test
    void anSdistOfAnotherProjectIsRejected() {
        assertThatThrownBy(() -> SdistFilename.parse("requests-2.31.0.tar.gz", PackageName.of("request")))
                .isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("does not start with project name 'request'");
        assertThatThrownBy(() -> SdistFilename.parse("requests-latest.tar.gz", PackageName.of("requests")))
                .isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("invalid version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests.tar.gz", "requests-2.31.0.egg", "requests-2.31.0-py2.7.egg", "requests-2.31.0.exe",
        "requests-.tar.gz", "-1.0.tar.gz", "requests-2.31.0.rpm", "re quests-1.0.zip"})
    void invalidSdistNamesAreRejected(String filename) {
        assertThatThrownBy(() -> DistFilename.parse(filename))
                .isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("'" + filename + "'");
        assertThat(DistFilename.tryParse(filename, PackageName.of("requests"))).isEmpty();
    }
}
