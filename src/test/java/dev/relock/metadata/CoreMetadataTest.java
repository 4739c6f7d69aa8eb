package dev.relock.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoreMetadataTest {

    static final String REQUESTS = """
            Metadata-Version: 2.1
            Name: requests
            Version: 2.31.0
            Summary: Python HTTP for Humans.
            Home-page: https://requests.readthedocs.io
            Author: Kenneth Reitz
            License: Apache 2.0
            Project-URL: Documentation, https://requests.readthedocs.io
            Project-URL: Source, https://github.com/psf/requests
            Classifier: Programming Language :: Python :: 3
            Requires-Python: >=3.7
            Description-Content-Type: text/markdown
            License-File: LICENSE
            Requires-Dist: charset-normalizer (<4,>=2)
            Requires-Dist: idna (<4,>=2.5)
            Requires-Dist: urllib3 (<3,>=1.21.1)
            Requires-Dist: certifi (>=2017.4.17)
            Provides-Extra: security
            Provides-Extra: socks
            Requires-Dist: PySocks (!=1.5.7,>=1.5.6) ; extra == 'socks'
            Provides-Extra: use_chardet_on_py3
            Requires-Dist: chardet (<6,>=3.0.2) ; extra == 'use_chardet_on_py3'

            # Requests

            Requires-Dist: not-a-header-in-the-body
            """;

    @Test
    void aTypicalWheelMetadataFileIsRead() {
        CoreMetadata m = CoreMetadata.parse(REQUESTS.getBytes(StandardCharsets.UTF_8), "requests-2.31.0.whl");
        assertThat(m.metadataVersion()).isEqualTo("2.1");
        assertThat(m.name()).isEqualTo(PackageName.of("requests"));
        assertThat(m.version()).isEqualTo(Version.parse("2.31.0"));
        assertThat(m.summary()).contains("Python HTTP for Humans.");
        assertThat(m.requiresPython()).contains(VersionSpecifiers.parse(">=3.7"));
        assertThat(m.requiresDist()).containsExactly(
                Requirement.parse("charset-normalizer<4,>=2"),
                Requirement.parse("idna<4,>=2.5"),
                Requirement.parse("urllib3<3,>=1.21.1"),
                Requirement.parse("certifi>=2017.4.17"),
                Requirement.parse("PySocks (!=1.5.7,>=1.5.6) ; extra == 'socks'"),
                Requirement.parse("chardet (<6,>=3.0.2) ; extra == 'use_chardet_on_py3'"));
        assertThat(m.providesExtra()).containsExactly(
                ExtraName.of("security"), ExtraName.of("socks"), ExtraName.of("use-chardet-on-py3"));
        assertThat(m.projectUrls()).containsExactly(
                Map.entry("Documentation", "https://requests.readthedocs.io"),
                Map.entry("Source", "https://github.com/psf/requests"));
        assertThat(m.warnings()).isEmpty();
        assertThat(m.invalidRequiresDist()).isEmpty();
        assertThat(m.dependenciesAreStatic()).isFalse();
    }

    @Test
    void anOldMetadata11FileWithCrlfAndFoldedLinesIsRead() {
        String text = "Metadata-Version: 1.1\r\nName: zope.interface\r\nVersion: 4.0.5\r\n"
                + "Summary: Interfaces\r\n  for Python\r\nDescription: first line\r\n        second line\r\n"
                + "        \r\n        after a blank-looking line\r\nPlatform: UNKNOWN\r\n";
        CoreMetadata m = CoreMetadata.parse(text, "zope.interface-4.0.5.tar.gz");
        assertThat(m.name()).isEqualTo(PackageName.of("zope-interface"));
        assertThat(m.summary()).contains("Interfaces  for Python");
        assertThat(m.requiresDist()).isEmpty();
        assertThat(m.requiresPython()).isEmpty();
        assertThat(m.dependenciesAreStatic()).isFalse();
        assertThat(m.warnings()).isEmpty();
    }

    static Stream<Arguments> pkgInfo22() {
        return Stream.of(
                Arguments.of("", true),
                Arguments.of("Dynamic: Classifier\n", true),
                Arguments.of("Dynamic: Requires-Dist\n", false),
                Arguments.of("Dynamic: requires-python\n", false));
    }

    @ParameterizedTest
    @MethodSource("pkgInfo22")
    void sdistDependenciesAreStaticFromMetadata22UnlessDynamic(String dynamicLine, boolean expected) {
        String text = "Metadata-Version: 2.2\nName: attrs\nVersion: 23.2.0\n" + dynamicLine
                + "Requires-Python: >=3.7\nRequires-Dist: importlib-metadata; python_version < \"3.8\"\n";
        CoreMetadata m = CoreMetadata.parse(text, "attrs-23.2.0.tar.gz");
        assertThat(m.dependenciesAreStatic()).isEqualTo(expected);
        assertThat(m.requiresDist()).hasSize(1);
    }

    @Test
    void dynamicFieldNamesAreLowerCased() {
        String text = "Metadata-Version: 2.4\nName: x\nVersion: 1\nDynamic: Requires-Dist\nDynamic: License\n";
        assertThat(CoreMetadata.parse(text, "x").dynamic()).containsExactly("requires-dist", "license");
    }

    static Stream<Arguments> junkRequiresPython() {
        return Stream.of(
                Arguments.of(">= '3.6'", ">=3.6"),
                Arguments.of(">=\"3.6\"", ">=3.6"),
                Arguments.of(">=3.6.*", ">=3.6"),
                Arguments.of(">=2.7,!=3.0*,!=3.1*", ">=2.7,!=3.0.*,!=3.1.*"),
                Arguments.of(">=3.6'", ">=3.6"),
                Arguments.of(">=3.5<4", ">=3.5,<4"));
    }

    @ParameterizedTest
    @MethodSource("junkRequiresPython")
    void commonRequiresPythonMistakesAreRepairedWithAWarning(String junk, String meant) {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 2.1\nName: x\nVersion: 1.0\nRequires-Python: " + junk + "\n",
                "x-1.0.whl");
        assertThat(m.requiresPython()).contains(VersionSpecifiers.parse(meant));
        assertThat(m.warnings()).singleElement().asString()
                .startsWith("x-1.0.whl: invalid Requires-Python '" + junk + "' read as");
    }

    @Test
    void aTrailingCommaInRequiresPythonIsAcceptedAsPackagingDoes() {
        CoreMetadata m = CoreMetadata.parse(
                "Metadata-Version: 2.1\nName: celery\nVersion: 4.4.7\nRequires-Python: >=2.7, !=3.0.*, !=3.1.*,\n", "c");
        assertThat(m.requiresPython()).contains(VersionSpecifiers.parse(">=2.7,!=3.0.*,!=3.1.*"));
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void anUnrepairableRequiresPythonIsIgnoredWithAWarning() {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 2.1\nName: x\nVersion: 1.0\nRequires-Python: python3\n", "x");
        assertThat(m.requiresPython()).isEmpty();
        assertThat(m.warnings()).containsExactly("x: ignored invalid Requires-Python 'python3'");
    }

    @Test
    void junkRequiresDistIsRepairedOrKeptAsInvalid() {
        String text = """
                Metadata-Version: 2.1
                Name: boto3
                Version: 1.2.0
                Requires-Dist: botocore>=1.3.0,<1.4.0',
                Requires-Dist: elasticsearch-dsl (>=7.2.0<8.0.0)
                Requires-Dist: numpy2 (>=1.0.*)
                Requires-Dist: web3>=1.0<2
                Requires-Dist: numpy >=1.19; python_version >= "3.7"
                Requires-Dist: this is not ( a requirement
                """;
        CoreMetadata m = CoreMetadata.parse(text, "boto3");
        assertThat(m.requiresDist()).containsExactly(
                Requirement.parse("botocore>=1.3.0,<1.4.0"),
                Requirement.parse("elasticsearch-dsl>=7.2.0,<8.0.0"),
                Requirement.parse("numpy2>=1.0"),
                Requirement.parse("web3>=1.0,<2"),
                Requirement.parse("numpy>=1.19; python_version >= \"3.7\""));
        assertThat(m.invalidRequiresDist()).containsExactly("this is not ( a requirement");
        assertThat(m.warnings()).hasSize(5).last().asString()
                .isEqualTo("boto3: ignored invalid Requires-Dist 'this is not ( a requirement'");
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                Arguments.of("Metadata-Version: 2.1\nVersion: 1.0\n", "missing required field 'Name'"),
                Arguments.of("Metadata-Version: 2.1\nName: x\n", "missing required field 'Version'"),
                Arguments.of("Metadata-Version: 2.1\nName: x\nVersion:\n", "missing required field 'Version'"),
                Arguments.of("Metadata-Version: 2.1\nName: -x-\nVersion: 1\n", "invalid Name '-x-'"),
                Arguments.of("Metadata-Version: 2.1\nName: x\nVersion: 1.0-beta.x.y\n", "invalid Version '1.0-beta.x.y'"),
                Arguments.of("", "missing required field 'Name'"),
                Arguments.of("\nName: x\nVersion: 1\n", "missing required field 'Name'"));
    }

    @ParameterizedTest
    @MethodSource("unusable")
    void missingOrInvalidNameOrVersionIsBadInputNamingTheSource(String text, String message) {
        assertThatThrownBy(() -> CoreMetadata.parse(text, "pkg/PKG-INFO"))
                .isInstanceOfSatisfying(InvalidMetadataException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
                    assertThat(e.sourceName()).isEqualTo("pkg/PKG-INFO");
                })
                .hasMessage("pkg/PKG-INFO: " + message);
    }

    @Test
    void invalidUtf8IsReplacedWithAWarning() {
        byte[] bytes = "Metadata-Version: 2.1\nName: x\nVersion: 1\nSummary: caf\u00e9 \n".getBytes(StandardCharsets.ISO_8859_1);
        CoreMetadata m = CoreMetadata.parse(bytes, "x");
        assertThat(m.summary()).contains("caf\uFFFD");
        assertThat(m.warnings()).containsExactly("x: not valid UTF-8; undecodable bytes were replaced");
    }

    @Test
    void oddLinesAndRepeatsAreReportedNotFatal() {
        String text = "\uFEFF  stray continuation\nMetadata-Version: 2.1\nName: x\nName: y\nVersion: 1\n"
                + "Provides-Extra: ok\nProvides-Extra: not ok!\nProject-URL: nourl\nthis line has no colon\n"
                + "Requires-Dist: hidden\n";
        CoreMetadata m = CoreMetadata.parse(text, "x");
        assertThat(m.name()).isEqualTo(PackageName.of("x"));
        assertThat(m.providesExtra()).containsExactly(ExtraName.of("ok"));
        assertThat(m.requiresDist()).isEmpty();
        assertThat(m.warnings()).containsExactly(
                "x: line 1 continues no header; ignored",
                "x: line 9 is not a header; treating the rest as the body",
                "x: repeated name 'y' ignored",
                "x: ignored invalid Provides-Extra 'not ok!'",
                "x: ignored Project-URL without 'label, url': 'nourl'");
    }

    @Test
    void aMissingMetadataVersionIsReadAs10() {
        CoreMetadata m = CoreMetadata.parse("Name: x\nVersion: 1\n", "x");
        assertThat(m.metadataVersion()).isEqualTo("1.0");
        assertThat(m.warnings()).containsExactly("x: no Metadata-Version; assuming 1.0");
        assertThat(List.copyOf(m.dynamic())).isEmpty();
    }
}
