package dev.relock.solver;

import static dev.relock.solver.OfflineDependencyProvider.deps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.ranges.Ranges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** How the solver talks to its provider: errors, cancellation, prefetching, priorities. */
class ProviderContractTest {

    /** Delegates to an offline registry; subclasses override single calls. */
    private static class Delegating implements DependencyProvider<String, Integer, OfflineDependencyProvider.Priority> {
        final OfflineDependencyProvider<String, Integer> registry;

        Delegating(OfflineDependencyProvider<String, Integer> registry) {
            this.registry = registry;
        }

        @Override
        public OfflineDependencyProvider.Priority prioritize(String pkg, Ranges<Integer> range, PackageStatistics s) {
            return registry.prioritize(pkg, range, s);
        }

        @Override
        public Optional<Integer> chooseVersion(String pkg, Ranges<Integer> range) {
            return registry.chooseVersion(pkg, range);
        }

        @Override
        public Dependencies<String, Integer> getDependencies(String pkg, Integer version) {
            return registry.getDependencies(pkg, version);
        }

        @Override
        public void prefetch(String pkg, Ranges<Integer> range) {
            registry.prefetch(pkg, range);
        }
    }

    /** Root needs a, b and c; b 1 needs c >=2 and a 2 needs c 1, so not every newest version fits. */
    private static OfflineDependencyProvider<String, Integer> registry() {
        return new OfflineDependencyProvider<String, Integer>()
                .add("root", 0, deps("a", Ranges.full(), "b", Ranges.full(), "c", Ranges.full()))
                .add("a", 1)
                .add("a", 2, deps("c", Ranges.singleton(1)))
                .add("b", 1, deps("c", Ranges.atLeast(2)))
                .add("b", 2)
                .add("c", 1)
                .add("c", 2);
    }

    @Test
    void providerExceptionsPropagateUnchanged() {
        IllegalArgumentException boom = new IllegalArgumentException("index unreachable");
        Delegating failing = new Delegating(registry()) {
            @Override
            public Dependencies<String, Integer> getDependencies(String pkg, Integer version) {
                if (pkg.equals("b")) {
                    throw boom;
                }
                return super.getDependencies(pkg, version);
            }
        };

        assertThatThrownBy(() -> Solver.resolve(failing, "root", 0)).isSameAs(boom);
    }

    @Test
    void cancellationAbortsTheResolution() {
        CancellationException stop = new CancellationException("user pressed ^C");
        Delegating cancelled = new Delegating(registry()) {
            @Override
            public void checkCancelled() {
                throw stop;
            }
        };

        assertThatThrownBy(() -> Solver.resolve(cancelled, "root", 0)).isSameAs(stop);
    }

    @Test
    void anInterruptedThreadCancelsByDefault() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Solver.resolve(registry(), "root", 0)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everyRequiredPackageIsAnnouncedBeforeItsDependenciesAreAsked() {
        List<String> events = new ArrayList<>();
        Delegating recording = new Delegating(registry()) {
            @Override
            public void prefetch(String pkg, Ranges<Integer> range) {
                events.add("prefetch " + pkg);
            }

            @Override
            public Dependencies<String, Integer> getDependencies(String pkg, Integer version) {
                events.add("deps " + pkg);
                return super.getDependencies(pkg, version);
            }
        };

        Solver.resolve(recording, "root", 0);

        for (String pkg : List.of("root", "a", "b", "c")) {
            assertThat(events).contains("prefetch " + pkg, "deps " + pkg);
            assertThat(events.indexOf("prefetch " + pkg)).isLessThan(events.indexOf("deps " + pkg));
        }
    }

    @Test
    void theHighestPriorityPackageIsDecidedFirst() {
        List<String> order = List.of("b", "c", "a");
        Delegating ranked = new Delegating(registry()) {
            @Override
            public OfflineDependencyProvider.Priority prioritize(String pkg, Ranges<Integer> range, PackageStatistics s) {
                return new OfflineDependencyProvider.Priority(pkg.equals("root") ? 9 : 3 - order.indexOf(pkg), 0);
            }
        };

        Map<String, Integer> solution = Solver.resolve(ranked, "root", 0);

        assertThat(ranked.registry.dependencyRequests()).containsExactly("root 0", "b 2", "c 2", "a 2", "a 1");
        assertThat(solution).isEqualTo(Map.of("root", 0, "a", 1, "b", 2, "c", 2));
    }

    @Test
    void dependenciesAreAskedAtMostOncePerVersion() {
        OfflineDependencyProvider<String, Integer> provider = registry();

        Map<String, Integer> solution = Solver.resolve(provider, "root", 0);

        assertThat(provider.dependencyRequests()).doesNotHaveDuplicates();
        assertThat(solution).isEqualTo(Map.of("root", 0, "a", 1, "b", 2, "c", 2));
        assertThatThrownBy(() -> solution.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void conflictCountsReachThePrioritizer() {
        List<PackageStatistics> seen = new ArrayList<>();
        Delegating counting = new Delegating(registry()) {
            @Override
            public OfflineDependencyProvider.Priority prioritize(String pkg, Ranges<Integer> range, PackageStatistics s) {
                seen.add(s);
                return super.prioritize(pkg, range, s);
            }
        };

        Solver.resolve(counting, "root", 0);

        assertThat(seen).anyMatch(s -> s.conflictCount() > 0);
    }

    @Test
    void aReasonForHavingNoVersionIsKeptInTheExplanation() {
        OfflineDependencyProvider<String, Integer> registry = new OfflineDependencyProvider<String, Integer>()
                .add("root", 0, deps("a", Ranges.full(), "missing", Ranges.atLeast(2)));
        registry.add("a", 1);
        Delegating explaining = new Delegating(registry) {
            @Override
            public Optional<String> unavailableReason(String pkg, Ranges<Integer> range) {
                return pkg.equals("missing") ? Optional.of("was not found in the package index") : Optional.empty();
            }
        };

        NoSolutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                NoSolutionException.class, () -> Solver.resolve(explaining, "root", 0));

        assertThat(e.getMessage()).isEqualTo("Because missing >=2 is unavailable (was not found in the package index)"
                + " and root depends on missing >=2, version solving failed.");
        assertThat(e.<String, Integer>derivationTree()).isInstanceOf(DerivationTree.Derived.class);
        var top = (DerivationTree.Derived<String, Integer>) e.<String, Integer>derivationTree();
        assertThat(List.of(top.cause1(), top.cause2()))
                .contains(new DerivationTree.Custom<>("missing", Ranges.atLeast(2), "was not found in the package index"));
    }
}
