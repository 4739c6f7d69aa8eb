package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.pep508.Requirement;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import dev.relock.testing.python.PythonTool;
import dev.relock.tags.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pip 23.2 judges a universal lock in six environments (Linux, macOS and Windows, each on
 * Python 3.11 and 3.12): the pins whose markers hold there (evaluated with relock's PEP 508
 * evaluator) install with {@code --only-binary :all:}, every requirement of every installed package
 * (its {@code requires_dist} in pip's report, evaluated for the environment) is satisfied, and the
 * set equals relock's own single-target lock for that environment. Skipped without pip.
 */
class UniversalPipCrossCheckTest {
    static final List<String> PYTHONS = List.of("311", "312");

    /**
     * numpy forks on the Python version; colorama is for Windows, uvloop (no Windows wheels) for the
     * rest; tomli only below 3.12; typing-helper only from 3.12 on, through an extra; attrs is held
     * below 23 on Windows only (overlapping markers).
     */
    static Scenario world() {
        return Scenario.builder()
                .project("numpy", p -> p
                        .release("1.26.4", r -> compiled(r.requiresPython(">=3.9"), true))
                        .release("2.1.0", r -> compiled(r.requiresPython(">=3.10"), true)))
                .project("uvloop", p -> p.release("0.19.0", r -> compiled(r, false)))
                .project("colorama", p -> p.release("0.4.6"))
                .project("tomli", p -> p.release("2.0.1"))
                .project("attrs", p -> p.release("22.0").release("23.1"))
                .project("typing-helper", p -> p.release("1.0").release("1.1"))
                .project("typing-ext", p -> p.release("4.0", r -> r.extra("future",
                        "typing-helper; python_version >= \"3.12\"")))
                .project("app", p -> p.release("1.0", r -> r.requires(
                        "numpy>=2; python_version >= \"3.12\"", "numpy<2; python_version < \"3.12\"",
                        "colorama; sys_platform == \"win32\"", "uvloop; sys_platform != \"win32\"",
                        "tomli; python_version < \"3.12\"", "typing-ext[future]",
                        "attrs; python_version >= \"3.8\"", "attrs<23; sys_platform == \"win32\"")))
                .build();
    }

    /** Wheels for Linux, macOS and (if {@code windows}) Windows, for CPython 3.11 and 3.12. */
    static dev.relock.testing.index.ReleaseSpec.Builder compiled(dev.relock.testing.index.ReleaseSpec.Builder r,
            boolean windows) {
        for (String py : PYTHONS) {
            String abi = "cp" + py + "-cp" + py + "-";
            r.wheel(abi + "manylinux_2_17_x86_64.manylinux2014_x86_64").wheel(abi + "macosx_11_0_arm64");
            if (windows) {
                r.wheel(abi + "win_amd64");
            }
        }
        return r;
    }

    @TempDir static Path dir;
    static LocalIndexServer server;
    static String universal;

    @BeforeAll
    static void compile() throws IOException {
        assumeTrue(PythonTool.pipAvailable(), "python3 -m pip is not available");
        server = LocalIndexServer.start(world());
        Files.writeString(dir.resolve("requirements.in"), "app\n");
        Result r = relock("compile", "--universal", "--python-version", "3.11", "--generate-hashes");
        assertThat(r.status()).as(r.all()).isZero();
        universal = Files.readString(dir.resolve("requirements.txt"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Result relock(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-i", server.simpleUrl().toString(), "--no-cache"));
        return Result.run(dir, Map.of(), all.toArray(String[]::new));
    }

    static Stream<Arguments> environments() {
        List<Arguments> out = new ArrayList<>();
        for (String py : PYTHONS) {
            String version = py.charAt(0) + "." + py.substring(1);
            out.add(Arguments.of(version, "x86_64-manylinux_2_28", "manylinux2014_x86_64"));
            out.add(Arguments.of(version, "aarch64-apple-darwin", "macosx_11_0_arm64"));
            out.add(Arguments.of(version, "x86_64-pc-windows-msvc", "win_amd64"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "Python {0} on {1}")
    @MethodSource("environments")
    void pipInstallsACompleteConsistentSetEqualToTheSingleTargetLock(String python, String platform, String pipPlatform,
            @TempDir Path tmp) throws Exception {
        Target target = Target.parse(python, platform);
        MarkerEnvironment env = MarkerEnvironment.fromMap(target.markerValues());
        Set<String> applying = applyingPins(universal, env);
        assertThat(applying).as("pins for %s", target).isNotEmpty();
        Path req = tmp.resolve("req.txt");
        Files.writeString(req, String.join("\n", applying) + "\n");

        Path report = tmp.resolve("report.json");
        PythonTool.Result pip = PythonTool.run(tmp, List.of("python3", "-m", "pip", "install", "--isolated",
                "--no-input", "--disable-pip-version-check", "--no-cache-dir", "--retries", "0", "--dry-run",
                "--report", report.toString(), "--no-deps", "--python-version", python, "--platform", pipPlatform,
                "--only-binary", ":all:", "--target", tmp.resolve("t").toString(), "--index-url",
                server.simpleUrl().toString(), "-r", req.toString()));
        assertThat(pip.exit()).as(pip.output()).isZero();

        Map<PackageName, Version> installed = new HashMap<>();
        List<JsonNode> items = new ArrayList<>();
        new ObjectMapper().readTree(report.toFile()).path("install").forEach(items::add);
        for (JsonNode item : items) {
            installed.put(PackageName.of(item.path("metadata").path("name").asText()),
                    Version.parse(item.path("metadata").path("version").asText()));
        }
        assertThat(installed).hasSize(applying.size());
        Set<String> problems = new TreeSet<>();
        for (JsonNode item : items) {
            Set<ExtraName> extras = new HashSet<>();
            item.path("requested_extras").forEach(e -> extras.add(ExtraName.of(e.asText())));
            extras.addAll(requestedExtras(applying, item.path("metadata").path("name").asText()));
            for (JsonNode dep : item.path("metadata").path("requires_dist")) {
                Requirement r = Requirement.parse(dep.asText());
                if (!r.marker().evaluate(env) && (extras.isEmpty() || !r.marker().evaluate(env, extras))) {
                    continue;
                }
                Version v = installed.get(r.name());
                if (v == null || !r.specifiers().contains(v, Optional.of(Boolean.TRUE))) {
                    problems.add(item.path("metadata").path("name").asText() + " needs " + r + ", installed: " + v);
                }
            }
        }
        assertThat(problems).as("unsatisfied requirements on %s", target).isEmpty();

        Result single = relock("compile", "--python-version", python, "--python-platform", platform, "-o",
                "single-" + py(python) + "-" + platform + ".txt");
        assertThat(single.status()).as(single.all()).isZero();
        Set<String> own = applyingPins(Files.readString(dir.resolve("single-" + py(python) + "-" + platform + ".txt")),
                env);
        assertThat(withoutExtras(applying)).as("universal vs single-target lock on %s", target)
                .isEqualTo(withoutExtras(own));
    }

    private static String py(String python) {
        return python.replace(".", "");
    }

    /** The {@code name[extras]==version} pins of {@code lock} whose markers hold in {@code env}. */
    static Set<String> applyingPins(String lock, MarkerEnvironment env) {
        Set<String> out = new TreeSet<>();
        for (String line : lock.lines().toList()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith(" ") || line.startsWith("-")) {
                continue;
            }
            String spec = line.replaceAll(" \\\\$", "").strip();
            int semi = spec.indexOf(';');
            String pin = (semi < 0 ? spec : spec.substring(0, semi)).strip();
            if (semi < 0 || MarkerTree.parse(spec.substring(semi + 1).strip()).evaluate(env)) {
                out.add(pin);
            }
        }
        return out;
    }

    private static Set<ExtraName> requestedExtras(Set<String> pins, String name) {
        Set<ExtraName> extras = new HashSet<>();
        for (String pin : pins) {
            Requirement r = Requirement.parse(pin);
            if (r.name().equals(PackageName.of(name))) {
                extras.addAll(r.extras());
            }
        }
        return extras;
    }

    private static Set<String> withoutExtras(Set<String> pins) {
        Set<String> out = new TreeSet<>();
        pins.forEach(p -> out.add(p.replaceAll("\\[[^]]*]", "")));
        return out;
    }
}
