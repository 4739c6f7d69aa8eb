package dev.relock.testing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticIndexTest {
    static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])");
    static Scenario scenario;

    @BeforeAll
    static void generate() {
        scenario = SyntheticIndex.generate(42);
    }

    static List<ReleaseSpec> allReleases() {
        return scenario.projects().stream().flatMap(p -> p.releases().stream()).toList();
    }

    static String target(Dependency d) {
        Matcher m = NAME.matcher(d.requirement());
        assertThat(m.find()).as(d.requirement()).isTrue();
        return m.group(1);
    }

    @Test
    void theSameSeedGivesTheSameIndexAndAnotherSeedAnotherOne() {
        assertThat(SyntheticIndex.generate(42)).isEqualTo(scenario);
        assertThat(SyntheticIndex.generate(43)).isNotEqualTo(scenario);
    }

    @Test
    void defaultShapeIsThreeHundredProjectsWithTenToSixtyReleases() {
        assertThat(scenario.projects()).hasSize(300);
        assertThat(scenario.projects()).allSatisfy(p -> assertThat(p.releases().size()).isBetween(10, 60));
        assertThat(scenario.projects().stream().mapToInt(p -> p.releases().size()).max().orElse(0)).isGreaterThan(50);
    }

    @Test
    void everyDependencyPointsAtAGeneratedProjectAndTheGraphHasNoCycles() {
        Map<String, Set<String>> graph = new HashMap<>();
        for (ProjectSpec p : scenario.projects()) {
            Set<String> targets = graph.computeIfAbsent(p.normalizedName(), k -> new HashSet<>());
            for (ReleaseSpec r : p.releases()) {
                for (Dependency d : r.dependencies()) {
                    assertThat(scenario.project(target(d))).as(d.requirement()).isPresent();
                    targets.add(ProjectNames.normalize(target(d)));
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            assertThat(acyclicFrom(start, graph, new HashSet<>(), done)).as("cycle through " + start).isTrue();
        }
    }

    private static boolean acyclicFrom(String node, Map<String, Set<String>> graph, Set<String> path, Set<String> done) {
        if (done.contains(node)) {
            return true;
        }
        if (!path.add(node)) {
            return false;
        }
        for (String next : graph.get(node)) {
            if (!acyclicFrom(next, graph, path, done)) {
                return false;
            }
        }
        path.remove(node);
        done.add(node);
        return true;
    }

    @Test
    void theIndexHasTheFeaturesResolversMustHandle() {
        List<ReleaseSpec> releases = allReleases();
        List<String> requirements = releases.stream().flatMap(r -> r.dependencies().stream())
                .map(Dependency::requirement).toList();
        assertThat(releases).anyMatch(ReleaseSpec::sdistOnly);
        assertThat(releases).anyMatch(r -> r.yank().yanked());
        assertThat(releases).anyMatch(r -> !r.providesExtra().isEmpty());
        assertThat(releases).anyMatch(r -> r.requiresPython().isPresent());
        assertThat(releases).anyMatch(r -> r.requiresPython().equals(java.util.Optional.of(">=3.13")));
        assertThat(releases).anyMatch(r -> r.version().contains("rc"));
        assertThat(releases).anyMatch(r -> r.distributions().contains(
                new DistributionSpec.Wheel("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")));
        assertThat(requirements).anyMatch(s -> s.contains("~=")).anyMatch(s -> s.contains(".*"))
                .anyMatch(s -> s.contains("!=")).anyMatch(s -> s.contains(",<")).anyMatch(s -> s.contains(";"));
        assertThat(scenario.projects()).anyMatch(p -> !p.name().equals(p.normalizedName()));
        double meanFanOut = releases.stream().mapToInt(r -> r.dependencies().size()).average().orElse(0);
        assertThat(meanFanOut).isBetween(0.8, 4.0);
    }

    @Test
    void plantedConflictsCapADependencyThatAnotherDependencyNeedsNewer() {
        // A needs C>=X (newest major) while B, another dependency of A, caps C<X in its newest releases.
        int conflicts = 0;
        for (ProjectSpec a : scenario.projects()) {
            ReleaseSpec newest = a.releases().get(a.releases().size() - 1);
            for (Dependency needs : newest.dependencies()) {
                Matcher floor = Pattern.compile("^(.+)>=(\\d+)\\.0\\.0$").matcher(needs.requirement());
                if (!floor.matches()) {
                    continue;
                }
                String cap = floor.group(1) + "<" + floor.group(2) + ".0";
                for (Dependency other : newest.dependencies()) {
                    ProjectSpec b = scenario.project(target(other)).orElseThrow();
                    ReleaseSpec newestB = b.releases().get(b.releases().size() - 1);
                    if (newestB.dependencies().stream().anyMatch(d -> d.requirement().equals(cap))) {
                        conflicts++;
                    }
                }
            }
        }
        assertThat(conflicts).isPositive();
    }

    @Test
    void generatedProjectsAreServedAndTheirFilesMatchTheirHashes() throws Exception {
        try (LocalIndexServer server = LocalIndexServer.start(scenario)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ProjectSpec first = scenario.projects().get(0);
            JsonNode page = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/simple/" + first.normalizedName() + "/"))
                    .header("Accept", LocalIndexServer.JSON_V1).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
            assertThat(page.get("versions")).hasSize(first.releases().size());
            JsonNode file = page.get("files").get(0);
            byte[] bytes = client.send(HttpRequest.newBuilder(URI.create(file.get("url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(Hashing.sha256Hex(bytes)).isEqualTo(file.get("hashes").get("sha256").asText());
        }
    }

    @Test
    void scenarioFilesRoundTrip(@TempDir Path dir) throws Exception {
        Scenario small = SyntheticIndex.generate(7, new SyntheticIndex.Options(25, 2, 6));
        Path file = dir.resolve("scenario.json");
        ScenarioJson.write(small, file);
        assertThat(ScenarioJson.read(file)).isEqualTo(small);
        ScenarioJson.write(DistributionsTest.SCENARIO, file);
        assertThat(ScenarioJson.read(file)).isEqualTo(DistributionsTest.SCENARIO);
    }
}
