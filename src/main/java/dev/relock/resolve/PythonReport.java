package dev.relock.resolve;

import dev.relock.pep440.Version;
import dev.relock.ranges.Ranges;
import dev.relock.solver.DefaultReport;
import dev.relock.solver.DerivationTree;
import dev.relock.solver.DerivationTree.Custom;
import dev.relock.solver.DerivationTree.Derived;
import dev.relock.solver.DerivationTree.External;
import dev.relock.solver.DerivationTree.FromDependencyOf;
import dev.relock.solver.DerivationTree.NoVersions;
import dev.relock.solver.DerivationTree.NotRoot;
import dev.relock.solver.DerivationTree.Unavailable;
import dev.relock.solver.ReportFormatter;
import dev.relock.solver.Term;
import dev.relock.tags.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a failed resolution in pip's vocabulary: {@code foo==1.0}, {@code foo>=1.0, <2.0},
 * "you require", "no version of foo matches >=9". The first line names one cause; the lines after
 * it are the numbered derivation from {@link DefaultReport}.
 */
final class PythonReport implements ReportFormatter<Node, Version> {

    /** The whole message for a failed resolution for {@code targets} (all are named). */
    static String explain(DerivationTree<Node, Version> tree, List<Target> targets) {
        DerivationTree<Node, Version> collapsed = absorbNoVersions(tree.collapseNoVersions(), new IdentityHashMap<>());
        PythonReport formatter = new PythonReport();
        String cause = formatter.cause(collapsed);
        return "Cannot resolve the requirements for Python " + Targets.describe(targets) + ": " + cause + "\n"
                + DefaultReport.report(collapsed, formatter);
    }

    @Override
    public String formatRequirement(Node pkg, Ranges<Version> set) {
        if (pkg instanceof Node.Root) {
            return "your requirements";
        }
        return pkg + VersionRangeFormat.format(set);
    }

    @Override
    public String formatExternal(External<Node, Version> external) {
        if (external instanceof NotRoot<Node, Version>) {
            return "you require the given packages";
        }
        if (external instanceof NoVersions<Node, Version> n) {
            return n.set().isFull()
                    ? "no version of " + n.pkg() + " exists"
                    : "no version of " + n.pkg() + " matches " + VersionRangeFormat.format(n.set()).strip();
        }
        if (external instanceof Unavailable<Node, Version> u) {
            return formatRequirement(u.pkg(), u.set()) + " " + u.reason();
        }
        if (external instanceof Custom<Node, Version> c) {
            return c.reason();
        }
        FromDependencyOf<Node, Version> f = (FromDependencyOf<Node, Version>) external;
        if (f.pkg() instanceof Node.Root) {
            return "you require " + formatRequirement(f.dependency(), f.dependencySet());
        }
        return formatRequirement(f.pkg(), f.set()) + " depends on " + formatRequirement(f.dependency(), f.dependencySet());
    }

    @Override
    public String formatTerms(Map<Node, Term<Version>> terms) {
        if (terms.isEmpty()) {
            return "version solving failed";
        }
        Map<Node, Term<Version>> rest = new LinkedHashMap<>(terms);
        Term<Version> root = rest.remove(Node.ROOT);
        boolean aboutRoot = root != null && root.isPositive();
        if (aboutRoot && rest.isEmpty()) {
            return "your requirements cannot be satisfied";
        }
        if (rest.size() == 1) {
            Map.Entry<Node, Term<Version>> only = rest.entrySet().iterator().next();
            String req = formatRequirement(only.getKey(), only.getValue().ranges());
            if (only.getValue().isPositive()) {
                return req + " cannot be used";
            }
            return aboutRoot ? "you require " + req : req + " is required";
        }
        if (aboutRoot) {
            List<String> parts = new ArrayList<>();
            rest.forEach((p, t) -> parts.add(t.isPositive()
                    ? formatRequirement(p, t.ranges()) : "not " + formatRequirement(p, t.ranges())));
            return "your requirements cannot be satisfied with " + String.join(", ", parts);
        }
        return ReportFormatter.super.formatTerms(terms);
    }

    /**
     * Folds "no version of foo in S" into an unusable-version fact about foo that it was combined
     * with: S holds no version, so "foo in T is unusable" reads the same with T widened by S
     * (this hides the gaps {@code ==1.0} leaves for local versions).
     */
    private static DerivationTree<Node, Version> absorbNoVersions(DerivationTree<Node, Version> tree,
            Map<DerivationTree<Node, Version>, DerivationTree<Node, Version>> done) {
        if (!(tree instanceof Derived<Node, Version> d)) {
            return tree;
        }
        DerivationTree<Node, Version> cached = done.get(tree);
        if (cached != null) {
            return cached;
        }
        DerivationTree<Node, Version> c1 = absorbNoVersions(d.cause1(), done);
        DerivationTree<Node, Version> c2 = absorbNoVersions(d.cause2(), done);
        DerivationTree<Node, Version> result = absorb(c1, c2).or(() -> absorb(c2, c1))
                .orElseGet(() -> new Derived<>(d.terms(), d.sharedId(), c1, c2));
        done.put(tree, result);
        return result;
    }

    private static Optional<DerivationTree<Node, Version>> absorb(DerivationTree<Node, Version> fact,
            DerivationTree<Node, Version> other) {
        if (!(other instanceof NoVersions<Node, Version> nv)) {
            return Optional.empty();
        }
        if (fact instanceof Unavailable<Node, Version> u && u.pkg().equals(nv.pkg())) {
            return Optional.of(new Unavailable<>(u.pkg(), u.set().union(nv.set()), u.reason()));
        }
        if (fact instanceof Custom<Node, Version> c && c.pkg().equals(nv.pkg())) {
            return Optional.of(new Custom<>(c.pkg(), c.set().union(nv.set()), c.reason()));
        }
        return Optional.empty();
    }

    /** A one-line cause: a package with no usable version, an unusable version, or a conflict. */
    String cause(DerivationTree<Node, Version> tree) {
        List<External<Node, Version>> leaves = new ArrayList<>();
        collectLeaves(tree, leaves, Collections.newSetFromMap(new IdentityHashMap<>()));
        for (Class<?> kind : List.of(Custom.class, Unavailable.class, NoVersions.class)) {
            for (External<Node, Version> leaf : leaves) {
                if (kind.isInstance(leaf)) {
                    return formatExternal(leaf);
                }
            }
        }
        Map<Node, List<FromDependencyOf<Node, Version>>> byDependency = new LinkedHashMap<>();
        for (External<Node, Version> leaf : leaves) {
            if (leaf instanceof FromDependencyOf<Node, Version> f) {
                byDependency.computeIfAbsent(f.dependency(), k -> new ArrayList<>()).add(f);
            }
        }
        Optional<Map.Entry<Node, List<FromDependencyOf<Node, Version>>>> most = byDependency.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size()));
        if (most.isPresent()) {
            List<String> facts = most.get().getValue().stream().map(this::formatExternal).toList();
            return "conflicting requirements on " + most.get().getKey() + " (" + String.join("; ", facts) + ")";
        }
        return "the requirements contradict each other";
    }

    private static void collectLeaves(DerivationTree<Node, Version> tree, List<External<Node, Version>> out,
            Set<DerivationTree<Node, Version>> seen) {
        if (!seen.add(tree)) {
            return;
        }
        if (tree instanceof Derived<Node, Version> d) {
            collectLeaves(d.cause1(), out, seen);
            collectLeaves(d.cause2(), out, seen);
        } else {
            out.add((External<Node, Version>) tree);
        }
    }
}
