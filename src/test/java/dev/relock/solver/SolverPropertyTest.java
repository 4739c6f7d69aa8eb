package dev.relock.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.ranges.Bound;
import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random registries checked against brute force, and a large registry that must stay fast. */
class SolverPropertyTest {

    private static final String ROOT = "root";

    @Test
    void findsASolutionExactlyWhenBruteForceDoes() {
        Random rnd = new Random(20261121L);
        int solved = 0;
        int failed = 0;
        for (int round = 0; round < 800; round++) {
            int packages = 2 + rnd.nextInt(4);
            OfflineDependencyProvider<String, Integer> provider = randomRegistry(rnd, packages, 3);
            boolean exists = bruteForce(provider, packages);
            try {
                Map<String, Integer> solution = Solver.resolve(provider, ROOT, 0);
                assertValid(provider, solution);
                assertThat(exists).as("round %d: solver found %s but brute force found nothing", round, solution).isTrue();
                solved++;
            } catch (NoSolutionException e) {
                assertThat(exists).as("round %d: brute force found a solution the solver missed", round).isFalse();
                assertThat(e.getMessage()).isNotBlank();
                assertThat(DefaultReport.report(e.<String, Integer>derivationTree())).isNotBlank();
                assertSound(provider, e.<String, Integer>derivationTree());
                failed++;
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertThat(solved).isGreaterThan(100);
        assertThat(failed).isGreaterThan(100);
    }

    @Test
    void solvesALargeRegistryWithoutBlowingUp() {
        // Narrow dependency ranges: about a thousand versions get tried, with many backjumps.
        Random rnd = new Random(8L);
        int packages = 400;
        int versions = 40;
        OfflineDependencyProvider<String, Integer> provider = new OfflineDependencyProvider<>();
        Map<String, Ranges<Integer>> rootDeps = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            rootDeps.put("p" + i, Ranges.full());
        }
        provider.add(ROOT, 0, rootDeps);
        for (int p = 0; p < packages; p++) {
            for (int v = 1; v <= versions; v++) {
                Map<String, Ranges<Integer>> deps = new LinkedHashMap<>();
                int count = p + 1 < packages ? rnd.nextInt(4) : 0;
                for (int d = 0; d < count; d++) {
                    int target = p + 1 + rnd.nextInt(Math.min(25, packages - p - 1));
                    int lo = 1 + rnd.nextInt(versions);
                    deps.put("p" + target, Ranges.between(lo, lo + 1 + rnd.nextInt(versions / 4)));
                }
                if (rnd.nextInt(20) == 0) {
                    provider.addUnavailable("p" + p, v, "no wheels for the target");
                } else {
                    provider.add("p" + p, v, deps);
                }
            }
        }
        try {
            assertValid(provider, Solver.resolve(provider, ROOT, 0));
        } catch (NoSolutionException e) {
            assertThat(e.getMessage()).endsWith("version solving failed.");
        }
    }

    @Test
    void walksDownManyVersionsThatEachPinADependency() {
        // Like boto3 and botocore: every version of "sdk" pins one "core" version, and another
        // requirement caps "core", so the solver must step down about a thousand versions.
        OfflineDependencyProvider<String, Integer> provider = new OfflineDependencyProvider<>();
        provider.add(ROOT, 0, OfflineDependencyProvider.deps("sdk", Ranges.<Integer>full(), "cap", Ranges.<Integer>full()));
        provider.add("cap", 1, OfflineDependencyProvider.deps("core", Ranges.atMost(10)));
        for (int v = 1; v <= 1000; v++) {
            provider.add("sdk", v, OfflineDependencyProvider.deps("core", Ranges.singleton(v)));
            provider.add("core", v);
        }

        Map<String, Integer> solution = Solver.resolve(provider, ROOT, 0);

        assertThat(solution).isEqualTo(Map.of(ROOT, 0, "cap", 1, "sdk", 10, "core", 10));
    }

    /** A registry of packages p0..p(n-1) with versions 1..maxVersion and random dependencies. */
    private static OfflineDependencyProvider<String, Integer> randomRegistry(Random rnd, int packages, int maxVersion) {
        OfflineDependencyProvider<String, Integer> provider = new OfflineDependencyProvider<>();
        provider.add(ROOT, 0, randomDeps(rnd, packages, maxVersion, 1 + rnd.nextInt(2)));
        for (int p = 0; p < packages; p++) {
            int count = 1 + rnd.nextInt(maxVersion);
            for (int v = 1; v <= count; v++) {
                if (rnd.nextInt(10) == 0) {
                    provider.addUnavailable("p" + p, v, "unusable");
                } else {
                    provider.add("p" + p, v, randomDeps(rnd, packages, maxVersion, rnd.nextInt(3)));
                }
            }
        }
        return provider;
    }

    private static Map<String, Ranges<Integer>> randomDeps(Random rnd, int packages, int maxVersion, int count) {
        Map<String, Ranges<Integer>> deps = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            deps.put("p" + rnd.nextInt(packages), randomRange(rnd, maxVersion));
        }
        return deps;
    }

    private static Ranges<Integer> randomRange(Random rnd, int maxVersion) {
        Ranges<Integer> r = Ranges.empty();
        int parts = 1 + rnd.nextInt(2);
        for (int i = 0; i < parts; i++) {
            r = r.union(Ranges.of(randomBound(rnd, maxVersion), randomBound(rnd, maxVersion)));
        }
        return r;
    }

    private static Bound<Integer> randomBound(Random rnd, int maxVersion) {
        int v = rnd.nextInt(maxVersion + 2);
        return switch (rnd.nextInt(4)) {
            case 0 -> Bound.unbounded();
            case 1 -> Bound.excluded(v);
            default -> Bound.included(v);
        };
    }

    /** Whether some choice of (absent or a usable version) per package meets every dependency. */
    private static boolean bruteForce(OfflineDependencyProvider<String, Integer> provider, int packages) {
        List<List<Integer>> options = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            List<Integer> opts = new ArrayList<>();
            opts.add(null);
            for (Integer v : provider.versions("p" + p)) {
                if (provider.lookup("p" + p, v).orElseThrow() instanceof Dependencies.Available) {
                    opts.add(v);
                }
            }
            options.add(opts);
        }
        int[] index = new int[packages];
        while (true) {
            Map<String, Integer> candidate = new HashMap<>();
            candidate.put(ROOT, 0);
            for (int p = 0; p < packages; p++) {
                Integer v = options.get(p).get(index[p]);
                if (v != null) {
                    candidate.put("p" + p, v);
                }
            }
            if (satisfiesAll(provider, candidate)) {
                return true;
            }
            int k = 0;
            while (k < packages && ++index[k] == options.get(k).size()) {
                index[k++] = 0;
            }
            if (k == packages) {
                return false;
            }
        }
    }

    private static boolean satisfiesAll(OfflineDependencyProvider<String, Integer> provider, Map<String, Integer> chosen) {
        for (Map.Entry<String, Integer> e : chosen.entrySet()) {
            var deps = provider.lookup(e.getKey(), e.getValue());
            if (deps.isEmpty() || !(deps.get() instanceof Dependencies.Available<String, Integer> available)) {
                return false;
            }
            for (Map.Entry<String, Ranges<Integer>> d : available.dependencies().entrySet()) {
                Integer v = chosen.get(d.getKey());
                if (v == null || !d.getValue().contains(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every derived node must follow from its causes: any selection (over the registry's versions)
     * that makes all of the node's terms true makes all terms of one cause true.
     */
    private static void assertSound(OfflineDependencyProvider<String, Integer> provider, DerivationTree<String, Integer> tree) {
        if (!(tree instanceof DerivationTree.Derived<String, Integer> d)) {
            return;
        }
        Map<String, Term<Integer>> c1 = termsOf(d.cause1());
        Map<String, Term<Integer>> c2 = termsOf(d.cause2());
        List<String> pkgs = new ArrayList<>(new java.util.LinkedHashSet<>(d.terms().keySet()));
        for (String p : c1.keySet()) {
            if (!pkgs.contains(p)) {
                pkgs.add(p);
            }
        }
        for (String p : c2.keySet()) {
            if (!pkgs.contains(p)) {
                pkgs.add(p);
            }
        }
        List<List<Integer>> options = new ArrayList<>();
        for (String p : pkgs) {
            List<Integer> opts = new ArrayList<>();
            opts.add(null);
            opts.addAll(p.equals(ROOT) ? List.of(0) : provider.versions(p));
            options.add(opts);
        }
        int[] index = new int[pkgs.size()];
        while (true) {
            Map<String, Integer> chosen = new HashMap<>();
            for (int i = 0; i < pkgs.size(); i++) {
                Integer v = options.get(i).get(index[i]);
                if (v != null) {
                    chosen.put(pkgs.get(i), v);
                }
            }
            if (allHold(d.terms(), chosen)) {
                assertThat(allHold(c1, chosen) || allHold(c2, chosen))
                        .as("%s does not follow from %s and %s at %s", d.terms(), c1, c2, chosen).isTrue();
            }
            int k = 0;
            while (k < pkgs.size() && ++index[k] == options.get(k).size()) {
                index[k++] = 0;
            }
            if (k == pkgs.size()) {
                break;
            }
        }
        assertSound(provider, d.cause1());
        assertSound(provider, d.cause2());
    }

    private static boolean allHold(Map<String, Term<Integer>> terms, Map<String, Integer> chosen) {
        for (Map.Entry<String, Term<Integer>> t : terms.entrySet()) {
            Integer v = chosen.get(t.getKey());
            boolean holds = v == null ? !t.getValue().isPositive() : t.getValue().contains(v);
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The terms an explanation node stands for. */
    private static Map<String, Term<Integer>> termsOf(DerivationTree<String, Integer> tree) {
        Map<String, Term<Integer>> out = new LinkedHashMap<>();
        if (tree instanceof DerivationTree.Derived<String, Integer> d) {
            out.putAll(d.terms());
        } else if (tree instanceof DerivationTree.NotRoot<String, Integer> n) {
            out.put(n.pkg(), Term.negative(Ranges.singleton(n.version())));
        } else if (tree instanceof DerivationTree.NoVersions<String, Integer> n) {
            out.put(n.pkg(), Term.positive(n.set()));
        } else if (tree instanceof DerivationTree.Unavailable<String, Integer> u) {
            out.put(u.pkg(), Term.positive(u.set()));
        } else if (tree instanceof DerivationTree.Custom<String, Integer> c) {
            out.put(c.pkg(), Term.positive(c.set()));
        } else if (tree instanceof DerivationTree.FromDependencyOf<String, Integer> f) {
            out.put(f.pkg(), Term.positive(f.set()));
            if (!f.dependencySet().isEmpty() && !f.dependency().equals(f.pkg())) {
                out.put(f.dependency(), Term.negative(f.dependencySet()));
            }
        }
        return out;
    }

    private static void assertValid(OfflineDependencyProvider<String, Integer> provider, Map<String, Integer> solution) {
        assertThat(solution).containsEntry(ROOT, 0);
        assertThat(satisfiesAll(provider, solution)).as("solution %s meets every dependency", solution).isTrue();
    }
}
