package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** actionlint-style checks: action.yml and every workflow parse, and every input used is declared. */
class ActionAndWorkflowFilesTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern INPUT_REF = Pattern.compile("\\$\\{\\{\\s*inputs\\.([A-Za-z0-9_-]+)");
    static final Pattern ACTION_REF = Pattern.compile("^(?:relock-dev/relock|\\./?)(?:@.*)?$");

    static JsonNode read(Path file) throws IOException {
        JsonNode node = YAML.readTree(file.toFile());
        assertThat(node).as(file + " is a YAML mapping").isNotNull();
        assertThat(node.isObject()).as(file + " is a YAML mapping").isTrue();
        return node;
    }

    static Set<String> declaredInputs() throws IOException {
        Set<String> names = new HashSet<>();
        read(ROOT.resolve("action.yml")).get("inputs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void actionYmlIsADockerActionWhoseInputsAndOutputsTheCliKnows() throws IOException {
        JsonNode action = read(ROOT.resolve("action.yml"));
        assertThat(action.path("name").asText()).isNotBlank();
        assertThat(action.path("description").asText()).isNotBlank();
        JsonNode runs = action.get("runs");
        assertThat(runs.path("using").asText()).isEqualTo("docker");
        assertThat(ROOT.resolve(runs.path("image").asText())).isRegularFile();
        assertThat(runs.path("args").get(0).asText()).isEqualTo("action");

        assertThat(declaredInputs()).isEqualTo(ActionInputs.INPUTS);
        action.get("inputs").fields().forEachRemaining(e -> {
            assertThat(e.getValue().path("description").asText()).as(e.getKey()).isNotBlank();
            assertThat(e.getValue().has("default")).as(e.getKey() + " has a default").isTrue();
        });
        Set<String> outputs = new HashSet<>();
        action.get("outputs").fieldNames().forEachRemaining(outputs::add);
        assertThat(outputs).isEqualTo(ActionInputs.OUTPUTS);

        Matcher m = INPUT_REF.matcher(Files.readString(ROOT.resolve("action.yml")));
        while (m.find()) {
            assertThat(ActionInputs.INPUTS).as("action.yml uses inputs." + m.group(1)).contains(m.group(1));
        }
    }

    static Stream<Path> workflows() throws IOException {
        List<Path> dirs = List.of(ROOT.resolve(".github/workflows"), ROOT.resolve("examples/workflows"));
        Stream<Path> all = Stream.empty();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                all = Stream.concat(all, Files.list(dir).filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted()
                        .toList().stream());
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void workflowParsesAndEveryStepIsWellFormed(Path file) throws IOException {
        JsonNode wf = read(file);
        assertThat(wf.has("on")).as(file + " has triggers").isTrue();
        JsonNode jobs = wf.get("jobs");
        assertThat(jobs).as(file + " has jobs").isNotNull();
        Set<String> dispatchInputs = new HashSet<>();
        wf.path("on").path("workflow_dispatch").path("inputs").fieldNames().forEachRemaining(dispatchInputs::add);
        wf.path("on").path("workflow_call").path("inputs").fieldNames().forEachRemaining(dispatchInputs::add);
        Set<String> actionInputs = declaredInputs();

        jobs.fields().forEachRemaining(job -> {
            String where = file.getFileName() + " job " + job.getKey();
            assertThat(job.getValue().path("runs-on").asText()).as(where + " runs-on").isNotBlank();
            JsonNode steps = job.getValue().get("steps");
            assertThat(steps != null && steps.isArray() && steps.size() > 0).as(where + " has steps").isTrue();
            for (JsonNode step : steps) {
                boolean uses = step.has("uses");
                boolean run = step.has("run");
                assertThat(uses ^ run).as(where + ": each step has exactly one of uses/run: " + step).isTrue();
                if (uses && ACTION_REF.matcher(step.get("uses").asText()).matches()) {
                    step.path("with").fieldNames().forEachRemaining(k ->
                            assertThat(actionInputs).as(where + " passes relock input '" + k + "'").contains(k));
                }
            }
        });
        Matcher m = INPUT_REF.matcher(Files.readString(file));
        while (m.find()) {
            assertThat(dispatchInputs).as(file + " uses inputs." + m.group(1)).contains(m.group(1));
        }
    }

    @Test
    void readmeYamlSnippetsParseAndPassOnlyDeclaredInputs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        Set<String> inputs = declaredInputs();
        int blocks = 0;
        int relockSteps = 0;
        while (block.find()) {
            blocks++;
            JsonNode yaml = YAML.readTree(block.group(1));
            relockSteps += checkRelockSteps(yaml, inputs, "README block " + blocks);
        }
        assertThat(blocks).isGreaterThanOrEqualTo(3);
        assertThat(relockSteps).isGreaterThanOrEqualTo(3);
    }

    /** Checks every {@code uses: relock-dev/relock@…} step below {@code node}; returns how many. */
    private static int checkRelockSteps(JsonNode node, Set<String> inputs, String where) {
        int found = 0;
        if (node.isObject() && node.has("uses") && ACTION_REF.matcher(node.get("uses").asText()).matches()) {
            found++;
            node.path("with").fieldNames().forEachRemaining(k ->
                    assertThat(inputs).as(where + " passes relock input '" + k + "'").contains(k));
        }
        for (JsonNode child : node) {
            found += checkRelockSteps(child, inputs, where);
        }
        return found;
    }

    @Test
    void thereAreProjectAndExampleWorkflows() throws IOException {
        assertThat(workflows().map(p -> ROOT.relativize(p).toString()))
                .contains(".github/workflows/ci.yml", ".github/workflows/release.yml",
                        "examples/workflows/relock-update.yml", "examples/workflows/relock-verify.yml");
    }
}
