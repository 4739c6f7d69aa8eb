package dev.relock.testing.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates PyPI-shaped scenarios for benchmarks and randomized cross-checks. The result is a pure
 * function of the seed and options ({@link Random} is specified to be the same on every JVM).
 *
 * <p>Shape: projects form a dependency DAG (a project only depends on projects generated after it, so
 * the first ones are "applications" and the last ones leaves); releases carry lower bounds that move
 * forward over time, some upper caps, compatible-release and wildcard pins, exclusions, environment
 * markers, extras, rising {@code Requires-Python} floors, a few yanked and sdist-only releases,
 * platform wheels, and deliberate conflicts: for some project A depending on B and C where B depends
 * on C, A's newest releases need the newest major of C while B's newest releases cap C below it, so
 * a resolver must backtrack B.
 */
public final class SyntheticIndex {
    /**
     * Generator options.
     *
     * @param projects number of projects
     * @param minVersions fewest releases per project
     * @param maxVersions most releases per project
     */
    public record Options(int projects, int minVersions, int maxVersions) {
        /** 300 projects with 10 to 60 releases each. */
        public static final Options DEFAULT = new Options(300, 10, 60);

        public Options {
            if (projects < 1 || minVersions < 1 || maxVersions < minVersions) {
                throw new IllegalArgumentException("bad options: " + projects + ", " + minVersions + ".." + maxVersions);
            }
        }
    }

    private static final String[] SYLLABLES = {
        "py", "lib", "core", "net", "data", "flow", "util", "ka", "zen", "tor", "vex", "mo", "ra", "qu", "lo",
        "ti", "graph", "io", "json", "yaml", "http", "async", "cache", "orm", "auth", "log", "test", "num", "sci"
    };
    private static final String[] EXTRAS = {"socks", "test", "speed", "cli", "docs", "all"};
    private static final Instant START = Instant.parse("2015-01-01T00:00:00Z");
    private static final List<String> PLATFORM_WHEELS = List.of(
            "cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64",
            "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64",
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
            "cp311-cp311-macosx_11_0_arm64",
            "cp311-cp311-win_amd64",
            "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64");

    private SyntheticIndex() {}

    /** {@link Options#DEFAULT} for this seed. */
    public static Scenario generate(long seed) {
        return generate(seed, Options.DEFAULT);
    }

    public static Scenario generate(long seed, Options options) {
        return new Generator(new Random(seed), options).run();
    }

    private static final class Generator {
        private final Random random;
        private final Options options;
        private final List<String> names = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();
        private final List<List<String>> versions = new ArrayList<>();
        /** Per project: dependency target → index of the first release that has the dependency. */
        private final List<Map<Integer, Integer>> edges = new ArrayList<>();
        /** Per project: target → first release index from which C is capped / required at its newest major. */
        private final List<Map<Integer, Integer>> caps = new ArrayList<>();
        private final List<Map<Integer, Integer>> needsNewest = new ArrayList<>();

        Generator(Random random, Options options) {
            this.random = random;
            this.options = options;
        }

        Scenario run() {
            int n = options.projects();
            for (int i = 0; i < n; i++) {
                names.add(name(i));
                versions.add(versionList());
                caps.add(new LinkedHashMap<>());
                needsNewest.add(new LinkedHashMap<>());
            }
            for (int i = 0; i < n; i++) {
                edges.add(chooseDependencies(i));
            }
            plantConflicts();
            List<ProjectSpec> projects = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                projects.add(project(i));
            }
            return Scenario.of(projects);
        }

        private String name(int index) {
            while (true) {
                int parts = 1 + random.nextInt(3);
                List<String> words = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    words.add(SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                int style = random.nextInt(20);
                String separator = style < 12 ? "-" : style < 16 ? "_" : style < 18 ? "." : "";
                String candidate = String.join(separator, words);
                if (style == 19) {
                    candidate = candidate.substring(0, 1).toUpperCase(Locale.ROOT) + candidate.substring(1);
                }
                if (taken.contains(ProjectNames.normalize(candidate))) {
                    candidate = candidate + index;
                }
                if (taken.add(ProjectNames.normalize(candidate))) {
                    return candidate;
                }
            }
        }

        private List<String> versionList() {
            int count = options.minVersions() + random.nextInt(options.maxVersions() - options.minVersions() + 1);
            int major = random.nextInt(3);
            int minor = random.nextInt(3);
            int patch = 0;
            List<String> list = new ArrayList<>();
            while (list.size() < count) {
                String version = major + "." + minor + "." + patch;
                if (list.size() + 1 < count && patch == 0 && minor == 0 && random.nextInt(4) == 0) {
                    list.add(version + "rc1");
                }
                list.add(version);
                int step = random.nextInt(100);
                if (step < 70) {
                    patch++;
                } else if (step < 92) {
                    minor++;
                    patch = 0;
                } else {
                    major++;
                    minor = 0;
                    patch = 0;
                }
            }
            return List.copyOf(list.subList(0, count));
        }

        private Map<Integer, Integer> chooseDependencies(int i) {
            int n = options.projects();
            Map<Integer, Integer> result = new LinkedHashMap<>();
            int remaining = n - i - 1;
            if (remaining == 0) {
                return result;
            }
            boolean leafish = i > n * 0.7;
            int fanOut = leafish ? random.nextInt(2) : Math.min(8, geometric(0.35));
            fanOut = Math.min(fanOut, remaining);
            int releases = versions.get(i).size();
            for (int d = 0; d < fanOut; d++) {
                // Prefer nearby projects, like ecosystems of related packages.
                int span = Math.min(remaining, 40);
                int target = i + 1 + (random.nextInt(4) == 0 ? random.nextInt(remaining) : random.nextInt(span));
                int introducedAt = random.nextInt(3) == 0 ? random.nextInt(Math.max(1, releases / 2)) : 0;
                result.putIfAbsent(target, introducedAt);
            }
            return result;
        }

        private int geometric(double p) {
            int k = 0;
            while (random.nextDouble() > p) {
                k++;
            }
            return k;
        }

        private void plantConflicts() {
            for (int a = 0; a < options.projects(); a++) {
                if (random.nextInt(8) != 0 || !needsNewest.get(a).isEmpty()) {
                    continue;
                }
                int[] triangle = findTriangle(a);
                if (triangle.length == 0) {
                    continue;
                }
                int b = triangle[0];
                int c = triangle[1];
                edges.get(a).putIfAbsent(c, 0);
                int releasesA = versions.get(a).size();
                int releasesB = versions.get(b).size();
                needsNewest.get(a).put(c, releasesA - 1 - random.nextInt(Math.min(3, releasesA)));
                caps.get(b).put(c, releasesB - 1 - random.nextInt(Math.min(4, releasesB)));
            }
        }

        /** A dependency B of A and a dependency C of B with several majors, B not yet capping anything. */
        private int[] findTriangle(int a) {
            for (int b : edges.get(a).keySet()) {
                if (!caps.get(b).isEmpty()) {
                    continue;
                }
                for (int c : edges.get(b).keySet()) {
                    if (majors(c) > 1) {
                        return new int[] {b, c};
                    }
                }
            }
            return new int[0];
        }

        private int majors(int project) {
            return (int) versions.get(project).stream().map(v -> v.substring(0, v.indexOf('.'))).distinct().count();
        }

        private ProjectSpec project(int i) {
            List<String> list = versions.get(i);
            int n = list.size();
            boolean binary = random.nextInt(12) == 0;
            boolean withSdist = binary || random.nextInt(5) == 0;
            boolean pythonFloors = random.nextInt(5) < 2;
            String extra = random.nextInt(8) == 0 ? EXTRAS[random.nextInt(EXTRAS.length)] : "";
            List<Integer> extraTargets = new ArrayList<>();
            if (!extra.isEmpty() && i + 1 < options.projects()) {
                int count = 1 + random.nextInt(2);
                for (int e = 0; e < count; e++) {
                    extraTargets.add(i + 1 + random.nextInt(options.projects() - i - 1));
                }
            }
            Instant time = START.plus(Duration.ofDays(random.nextInt(400)));
            List<ReleaseSpec> releases = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                time = time.plus(Duration.ofHours(1 + random.nextInt(24 * 40)));
                String version = list.get(k);
                double progress = n == 1 ? 1 : (double) k / (n - 1);
                ReleaseSpec.Builder r = new ReleaseSpec.Builder(version, time, names.get(i) + " " + version);
                for (Map.Entry<Integer, Integer> e : edges.get(i).entrySet()) {
                    if (k >= e.getValue()) {
                        r.requires(requirement(i, e.getKey(), k, progress));
                    }
                }
                for (int target : extraTargets) {
                    r.extra(extra, names.get(target) + ">=" + versions.get(target).get(0));
                }
                if (pythonFloors) {
                    int floor = 6 + (int) Math.floor(progress * 4.99);
                    r.requiresPython(">=3." + floor);
                    if (k == n - 1 && random.nextInt(15) == 0) {
                        r.requiresPython(">=3.13");
                    }
                }
                if (random.nextInt(100) == 0 && k < n - 1) {
                    if (random.nextBoolean()) {
                        r.yanked();
                    } else {
                        r.yanked("broken release " + version);
                    }
                }
                boolean sdistOnly = k < Math.max(1, n / 5) && random.nextInt(10) == 0;
                if (sdistOnly) {
                    r.sdist(random.nextBoolean() ? "2.1" : "2.2");
                } else {
                    if (binary) {
                        int from = random.nextInt(3);
                        PLATFORM_WHEELS.subList(from, PLATFORM_WHEELS.size()).forEach(r::wheel);
                    } else {
                        r.wheel();
                    }
                    if (withSdist) {
                        r.sdist();
                    }
                }
                releases.add(r.build());
            }
            return new ProjectSpec(names.get(i), releases);
        }

        private String requirement(int from, int to, int release, double progress) {
            List<String> target = versions.get(to);
            String name = names.get(to);
            Integer capFrom = caps.get(from).get(to);
            Integer newestFrom = needsNewest.get(from).get(to);
            String newestMajor = newestMajorFirst(to);
            if (newestFrom != null && release >= newestFrom) {
                return name + ">=" + newestMajor;
            }
            if (capFrom != null && release >= capFrom) {
                return name + "<" + newestMajor.substring(0, newestMajor.indexOf('.')) + ".0";
            }
            int lowIndex = (int) Math.floor(progress * 0.8 * (target.size() - 1));
            String low = finalRelease(target, lowIndex);
            String[] parts = low.split("\\.");
            int kind = random.nextInt(100);
            String spec;
            if (kind < 45) {
                spec = ">=" + low;
            } else if (kind < 65) {
                spec = ">=" + low + ",<" + (Integer.parseInt(parts[0]) + 1);
            } else if (kind < 75) {
                spec = "~=" + parts[0] + "." + parts[1];
            } else if (kind < 83) {
                spec = "==" + parts[0] + ".*";
            } else if (kind < 90) {
                spec = "";
            } else if (kind < 95) {
                spec = ">=" + low + ",!=" + finalRelease(target, Math.min(target.size() - 1, lowIndex + 1));
            } else {
                spec = "<" + finalRelease(target, Math.min(target.size() - 1, lowIndex + 1 + random.nextInt(5)));
            }
            int marker = random.nextInt(40);
            String suffix = marker == 0 ? "; python_version < \"3.10\"" : marker == 1 ? "; sys_platform == \"win32\"" : "";
            return name + spec + suffix;
        }

        private static String finalRelease(List<String> list, int index) {
            for (int k = index; k >= 0; k--) {
                if (!list.get(k).contains("rc")) {
                    return list.get(k);
                }
            }
            return list.get(index).replace("rc1", "");
        }

        private String newestMajorFirst(int project) {
            List<String> list = versions.get(project);
            String last = list.get(list.size() - 1);
            String major = last.substring(0, last.indexOf('.'));
            for (String v : list) {
                if (v.startsWith(major + ".") && !v.contains("rc")) {
                    return v;
                }
            }
            return last;
        }
    }
}
