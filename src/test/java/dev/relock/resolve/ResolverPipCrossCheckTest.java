package dev.relock.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.common.RelockException;
import dev.relock.pep440.Version;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.Requirement;
import dev.relock.tags.Target;
import dev.relock.testing.index.Dependency;
import dev.relock.testing.index.ProjectSpec;
import dev.relock.testing.index.ReleaseSpec;
import dev.relock.testing.index.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolves seeded random scenarios with relock and with real pip and compares the pinned sets.
 * Where they differ, each side's answer is checked against the scenario's dependencies, and the
 * difference must be one pip is known for: pip backtracks package by package and keeps its first
 * consistent answer (it does not maximize all packages jointly), and gives up on deep conflicts.
 * Skipped when {@code python3 -m pip} is missing.
 */
class ResolverPipCrossCheckTest {
    private static final int SCENARIOS = 10;
    private static final String[] VERSIONS = {"1.0", "1.1", "2.0", "2.1", "3.0"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Outcome(Optional<Map<String, String>> pins, String output) {}

    @Test
    void relockAndPipAgreeOrDifferForAKnownReason() throws Exception {
        Optional<String> python = pythonVersion();
        assumeTrue(python.isPresent(), "python3 -m pip is not available");
        Target target = Target.parse(python.get(), "x86_64-unknown-linux-gnu");
        int agreed = 0;
        int bothFailed = 0;
        int explained = 0;
        List<String> unexplained = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int seed = 1; seed <= SCENARIOS; seed++) {
            Random random = new Random(seed);
            Scenario scenario = randomScenario(random);
            List<String> roots = randomRoots(random, scenario);
            Outcome relock;
            Outcome pip;
            try (IndexFixture index = IndexFixture.serve(scenario)) {
                relock = relock(index, target, roots);
                pip = pip(index.server.simpleUrl().toString(), roots, tmp.resolve("s" + seed));
            }
            String label = "seed " + seed + " " + roots;
            if (relock.pins().equals(pip.pins())) {
                agreed++;
                bothFailed += relock.pins().isEmpty() ? 1 : 0;
                continue;
            }
            Optional<String> why = explain(scenario, roots, relock, pip);
            if (why.isPresent()) {
                explained++;
                notes.add(label + ": " + why.get());
            } else {
                unexplained.add(label + ": relock " + relock.pins() + " / pip " + pip.pins() + "\n" + relock.output()
                        + "\n" + pip.output());
            }
        }
        System.out.println("pip cross-check: " + SCENARIOS + " scenarios, agreed " + agreed + " (" + bothFailed
                + " unsatisfiable), differed "
                + (explained + unexplained.size()) + ", explained " + explained);
        notes.forEach(n -> System.out.println("  explained: " + n));
        assertThat(unexplained).isEmpty();
        assertThat(agreed).isGreaterThan(SCENARIOS / 2);
    }

    /** Why relock and pip may differ here, or empty when relock is at fault. */
    private static Optional<String> explain(Scenario scenario, List<String> roots, Outcome relock, Outcome pip) {
        if (relock.pins().isPresent() && !consistent(scenario, roots, relock.pins().get()).isEmpty()) {
            return Optional.empty();
        }
        if (relock.pins().isEmpty()) {
            Map<String, String> pipPins = pip.pins().orElseThrow();
            List<String> broken = consistent(scenario, roots, pipPins);
            return broken.isEmpty() ? Optional.empty()
                    : Optional.of("pip installed an inconsistent set: " + broken);
        }
        if (pip.pins().isEmpty()) {
            if (pip.output().contains("ResolutionTooDeep")) {
                return Optional.of("pip gave up with ResolutionTooDeep; relock's set is consistent");
            }
            return Optional.of("pip found no solution, but relock's set is verified consistent");
        }
        List<String> broken = consistent(scenario, roots, pip.pins().get());
        if (!broken.isEmpty()) {
            return Optional.of("pip's set is inconsistent: " + broken);
        }
        return Optional.of("both sets are consistent; pip's backtracking kept an earlier choice (it does not"
                + " maximize all packages jointly): relock " + relock.pins().get() + ", pip " + pip.pins().get());
    }

    /** The requirements {@code pins} breaks (empty when every root and dependency is met). */
    private static List<String> consistent(Scenario scenario, List<String> roots, Map<String, String> pins) {
        List<String> broken = new ArrayList<>();
        List<Requirement> needed = new ArrayList<>();
        roots.forEach(r -> needed.add(Requirement.parse(r)));
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            ReleaseSpec release = scenario.project(pin.getKey()).flatMap(p -> p.release(pin.getValue())).orElse(null);
            if (release == null) {
                broken.add(pin.getKey() + "==" + pin.getValue() + " does not exist");
                continue;
            }
            release.dependencies().forEach(d -> needed.add(Requirement.parse(d.requirement())));
        }
        for (Requirement r : needed) {
            String pinned = pins.get(r.name().toString());
            if (pinned == null || !r.specifiers().contains(Version.parse(pinned), Optional.of(Boolean.TRUE))) {
                broken.add(r + " (pinned " + pinned + ")");
            }
        }
        return broken;
    }

    private static Scenario randomScenario(Random random) {
        int projects = 8 + random.nextInt(8);
        Scenario.Builder b = Scenario.builder();
        for (int i = 0; i < projects; i++) {
            int index = i;
            int releases = 1 + random.nextInt(4);
            b.project("p" + i, p -> {
                for (int v = 0; v < releases; v++) {
                    List<String> deps = new ArrayList<>();
                    int count = index + 1 < projects ? random.nextInt(3) : 0;
                    for (int d = 0; d < count; d++) {
                        int target = index + 1 + random.nextInt(projects - index - 1);
                        String dep = "p" + target + randomSpecifier(random);
                        if (deps.stream().noneMatch(x -> x.startsWith("p" + target + "<") || x.startsWith("p" + target + ">")
                                || x.startsWith("p" + target + "=") || x.startsWith("p" + target + "!") || x.equals("p" + target))) {
                            deps.add(dep);
                        }
                    }
                    p.release(VERSIONS[v], r -> r.requires(deps.toArray(String[]::new)));
                }
            });
        }
        return b.build();
    }

    private static String randomSpecifier(Random random) {
        String v = VERSIONS[random.nextInt(VERSIONS.length)];
        String w = VERSIONS[random.nextInt(VERSIONS.length)];
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> ">=" + v;
            case 2 -> "<" + v;
            case 3 -> "==" + v;
            case 4 -> "!=" + v;
            default -> v.compareTo(w) < 0 ? ">=" + v + ",<" + w : ">=" + w + ",<" + v;
        };
    }

    private static List<String> randomRoots(Random random, Scenario scenario) {
        List<String> roots = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count && i < scenario.projects().size(); i++) {
            roots.add(scenario.projects().get(i).name() + (random.nextInt(3) == 0 ? randomSpecifier(random) : ""));
        }
        return roots;
    }

    private static Outcome relock(IndexFixture index, Target target, List<String> roots) {
        try {
            return new Outcome(Optional.of(IndexFixture.pins(index.resolve(
                    IndexFixture.request(target, roots.toArray(String[]::new))))), "");
        } catch (RelockException e) {
            assertThat(e.kind()).isEqualTo(RelockException.Kind.UNRESOLVABLE);
            return new Outcome(Optional.empty(), e.getMessage());
        }
    }

    private static Outcome pip(String indexUrl, List<String> roots, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path report = dir.resolve("report.json");
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pip", "install", "--isolated", "--dry-run",
                "--ignore-installed", "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--retries", "0",
                "--report", report.toString(), "--index-url", indexUrl));
        command.addAll(roots);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pip.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PIP_") || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("PIP_CONFIG_FILE", File.separatorChar == '/' ? "/dev/null" : "nul");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pip timed out");
        }
        String output = Files.readString(dir.resolve("pip.log"), StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !Files.exists(report)) {
            return new Outcome(Optional.empty(), output);
        }
        Map<String, String> pins = new TreeMap<>();
        for (JsonNode item : JSON.readTree(report.toFile()).path("install")) {
            pins.put(dev.relock.name.PackageName.of(item.path("metadata").path("name").asText()).toString(),
                    Version.parse(item.path("metadata").path("version").asText()).toString());
        }
        return new Outcome(Optional.of(pins), output);
    }

    /** The machine's python3 version ({@code 3.11.7}) when it has pip, so markers agree with pip's. */
    private static Optional<String> pythonVersion() {
        try {
            Process p = new ProcessBuilder("python3", "-c",
                    "import pip, platform; print(platform.python_version())").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
