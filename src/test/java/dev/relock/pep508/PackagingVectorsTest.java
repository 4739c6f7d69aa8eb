package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.name.ExtraName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives pypa/packaging's own marker and requirement test parameters (copied into
 * {@code packaging-vectors.json}) through this package.
 */
class PackagingVectorsTest {

    /**
     * Stands in for packaging's {@code default_environment()} where a vector gives no environment
     * (or only part of one): CPython 3.11 on Linux x86_64, the interpreter the vectors were
     * recorded with. relock never reads the host, so it is fixed here.
     */
    static final Map<String, String> DEFAULT_ENVIRONMENT = Map.ofEntries(
            Map.entry("implementation_name", "cpython"),
            Map.entry("implementation_version", "3.11.7"),
            Map.entry("os_name", "posix"),
            Map.entry("platform_machine", "x86_64"),
            Map.entry("platform_python_implementation", "CPython"),
            Map.entry("platform_release", "6.1.0-13-amd64"),
            Map.entry("platform_system", "Linux"),
            Map.entry("platform_version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)"),
            Map.entry("python_full_version", "3.11.7"),
            Map.entry("python_version", "3.11"),
            Map.entry("sys_platform", "linux"));

    static final JsonNode VECTORS = load();

    private static JsonNode load() {
        try (InputStream in = PackagingVectorsTest.class.getResourceAsStream("packaging-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> section(String group, String name) {
        return StreamSupport.stream(VECTORS.get(group).get(name).spliterator(), false);
    }

    static Stream<String> validMarkers() {
        return section("marker", "valid").map(JsonNode::asText);
    }

    static Stream<String> invalidMarkers() {
        return section("marker", "invalid").map(JsonNode::asText);
    }

    static Stream<JsonNode> evaluatedMarkers() {
        return section("marker", "evaluates");
    }

    static Stream<JsonNode> printedMarkers() {
        return section("marker", "str");
    }

    static Stream<JsonNode> normalizedRequirements() {
        return section("requirement", "normalized");
    }

    @Test
    void vectorsCarryTheirAttributionAndAllSections() {
        assertThat(VECTORS.get("source").asText()).startsWith("pypa/packaging tests");
        assertThat(VECTORS.get("marker").get("valid")).hasSize(1440);
        assertThat(VECTORS.get("marker").get("invalid")).hasSize(6);
        assertThat(VECTORS.get("marker").get("evaluates")).hasSize(15);
        assertThat(VECTORS.get("marker").get("str")).hasSize(9);
        assertThat(VECTORS.get("requirement").get("normalized")).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("validMarkers")
    void validMarkerParsesAndReparsesFromItsOwnText(String marker) {
        MarkerTree tree = MarkerTree.parse(marker);

        assertThat(MarkerTree.parse(tree.toString())).isEqualTo(tree);
        assertThat(MarkerTree.parse(tree.toString())).hasToString(tree.toString());
    }

    @ParameterizedTest
    @MethodSource("invalidMarkers")
    void invalidMarkerIsRejected(String marker) {
        assertThatThrownBy(() -> MarkerTree.parse(marker)).isInstanceOf(Pep508Exception.class);
    }

    @ParameterizedTest
    @MethodSource("evaluatedMarkers")
    void markerEvaluatesAsPackagingDoes(JsonNode vector) {
        Map<String, String> environment = new HashMap<>(DEFAULT_ENVIRONMENT);
        Set<ExtraName> extras = Set.of();
        JsonNode given = vector.get("environment");
        if (!given.isNull()) {
            for (Map.Entry<String, JsonNode> entry : iterable(given)) {
                if (entry.getKey().equals("extra")) {
                    extras = Set.of(ExtraName.of(entry.getValue().asText()));
                } else {
                    environment.put(entry.getKey(), entry.getValue().asText());
                }
            }
        }

        MarkerTree marker = MarkerTree.parse(vector.get("marker_string").asText());
        boolean result = marker.evaluate(MarkerEnvironment.fromMap(environment), extras);
        boolean simplified = marker.simplify().evaluate(MarkerEnvironment.fromMap(environment), extras);

        assertThat(result).isEqualTo(vector.get("expected").asBoolean());
        // The algebra's model has python_version as the X.Y of the interpreter; some vectors set
        // python_version to "2.7.6", an environment no interpreter reports.
        if (environment.get("python_version").matches("[0-9]+\\.[0-9]+")) {
            assertThat(simplified).as("simplified: %s", marker.simplify()).isEqualTo(result);
        }
    }

    @ParameterizedTest
    @MethodSource("printedMarkers")
    void markerPrintsInPackagingsNormalizedForm(JsonNode vector) {
        MarkerTree marker = MarkerTree.parse(vector.get("marker_string").asText());
        String expected = vector.get("expected").asText();

        assertThat(marker).hasToString(expected);
        assertThat(MarkerTree.parse(expected)).isEqualTo(marker);
    }

    @ParameterizedTest
    @MethodSource("normalizedRequirements")
    void requirementPrintsInPackagingsNormalizedForm(JsonNode vector) {
        Requirement requirement = Requirement.parse(vector.get("input_req").asText());

        assertThat(requirement).hasToString(vector.get("norm_req").asText());
        assertThat(Requirement.parse(requirement.toString())).isEqualTo(requirement);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
