package dev.relock.resolve;

import static dev.relock.resolve.IndexFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.name.PackageName;
import dev.relock.testing.index.RecordedRequest;
import dev.relock.testing.index.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --no-binary} / {@code --only-binary} steering resolutions against a real local index. */
class BinaryPolicyResolverTest {
    static final Scenario SCENARIO = Scenario.builder()
            // the newest release is sdist-only
            .project("fresh", p -> p.release("1.0", r -> r.wheel().sdist()).release("2.0", r -> r.sdist()))
            // no release has a wheel
            .project("source-only", p -> p.release("1.0", r -> r.sdist()).release("1.1", r -> r.sdist()))
            // wheel and static sdist; the dependencies come with both
            .project("both", p -> p.release("1.0", r -> r.requires("dep").wheel().sdist()))
            .project("dep", p -> p.release("1.0", r -> r.wheel().sdist()))
            // wheel and an sdist whose PKG-INFO is too old to trust
            .project("old-sdist", p -> p.release("1.0", r -> r.wheel().sdist("2.1")))
            // a wheel only
            .project("wheel-only", p -> p.release("1.0"))
            .build();

    /** Served for the whole class; closed after the last test. */
    @RegisterExtension
    static final IndexFixture index = IndexFixture.serve(SCENARIO);

    @BeforeEach
    void clearLog() {
        index.server.clearLog();
    }

    static BinaryPolicy policy(String... words) {
        return BinaryPolicy.of(BinaryPolicyTest.options(words));
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("without options the sdist-only release is the newest", List.of("fresh"), List.of(),
                        Map.of("fresh", "2.0")),
                Arguments.of("only-binary skips a newer sdist-only release", List.of("fresh"), List.of("only:fresh"),
                        Map.of("fresh", "1.0")),
                Arguments.of("only-binary :all: skips it too", List.of("fresh"), List.of("only::all:"),
                        Map.of("fresh", "1.0")),
                Arguments.of("a later no-binary takes the package out of only-binary :all:", List.of("fresh"),
                        List.of("only::all:", "no:fresh"), Map.of("fresh", "2.0")),
                Arguments.of("only-binary of another package changes nothing", List.of("fresh"),
                        List.of("only:both"), Map.of("fresh", "2.0")),
                Arguments.of("no-binary reads the static sdist and its dependencies", List.of("both"),
                        List.of("no:both"), Map.of("both", "1.0", "dep", "1.0")),
                Arguments.of("no-binary :all: resolves sdists throughout", List.of("both"), List.of("no::all:"),
                        Map.of("both", "1.0", "dep", "1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void resolvesTo(String description, List<String> requirements, List<String> options, Map<String, String> pins) {
        ResolveRequest.Builder req = request(requirements.toArray(String[]::new))
                .binary(policy(options.toArray(String[]::new)));
        assertThat(index.pins(req)).isEqualTo(pins);
    }

    @Test
    void noBinaryTakesTheMetadataFromTheSdistNotTheWheel() {
        Resolution r = index.resolve(request("both").binary(policy("no:both")));
        List<String> paths = index.server.requests().stream().map(RecordedRequest::path).toList();
        assertThat(paths).anySatisfy(p -> assertThat(p).endsWith("both-1.0.tar.gz"));
        assertThat(paths).noneSatisfy(p -> assertThat(p).contains("both-1.0-py3-none-any.whl"));
        assertThat(r.get(PackageName.of("both")).orElseThrow().files()).extracting(f -> f.filename())
                .containsExactly("both-1.0-py3-none-any.whl", "both-1.0.tar.gz");
    }

    static Stream<Arguments> explanations() {
        return Stream.of(
                Arguments.of("source-only", List.of("only::all:"),
                        "source-only==1.1 has no wheel for Python 3.11.7 on x86_64-manylinux_2_17 and sdists are"
                                + " disabled by --only-binary"),
                Arguments.of("source-only==1.0", List.of("only:source-only"),
                        "source-only==1.0 has no wheel for Python 3.11.7 on x86_64-manylinux_2_17 and sdists are"
                                + " disabled by --only-binary"),
                Arguments.of("old-sdist", List.of("no:old-sdist"),
                        "old-sdist needs a build to learn its dependencies: --no-binary disables its wheels,"
                                + " and old_sdist-1.0.tar.gz does not declare them statically"),
                Arguments.of("wheel-only", List.of("no::all:"),
                        "wheel-only==1.0 has no sdist, and wheels are disabled by --no-binary"));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("explanations")
    void unusableVersionsNameTheOption(String requirement, List<String> options, String cause) {
        String message = index.failure(request(requirement).binary(policy(options.toArray(String[]::new))));
        assertThat(message.lines().findFirst().orElseThrow()).contains(cause);
    }
}
