package dev.relock.resolve;

import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.pep508.Requirement;
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
import java.util.function.BiFunction;

/**
 * Explains a failed resolution in pip's vocabulary: {@code foo==1.0}, {@code foo>=1.0, <2.0},
 * "you require", "no version of foo matches >=9". The first line names one cause; the lines after
 * it are the numbered derivation from {@link DefaultReport}.
 */
final class PythonReport implements ReportFormatter<Node, Version> {

    /**
     * One root requirement or constraint on a package, as the explanation names it.
     *
     * @param location where it was written ({@code requirements.in:2}), if known
     * @param source its label ({@code -r requirements.in}), used when the location is not known
     * @param requirement what it asks for
     * @param constraint whether it is a {@code -c} constraint rather than a requirement
     */
    record Origin(Optional<String> location, String source, Requirement requirement, boolean constraint) {
        static Origin of(RootRequirement root, boolean constraint) {
            return new Origin(root.location(), root.source(), root.requirement(), constraint);
        }

        /** {@code requirements.in:2 requires django<5.0}. */
        String describe() {
            Requirement r = requirement;
            String extras = r.extras().isEmpty() ? ""
                    : "[" + String.join(",", r.extras().stream().map(Object::toString).toList()) + "]";
            String spec = r.url().map(u -> " @ " + u).orElse(r.specifiers().toString());
            return location.orElse(source) + (constraint ? " constrains " : " requires ") + r.name() + extras + spec;
        }

        Ranges<Version> ranges() {
            return requirement.url().isPresent() ? Ranges.full() : requirement.specifiers().toRanges();
        }
    }

    private final Map<PackageName, List<Origin>> origins;
    private final BiFunction<Node, Ranges<Version>, Optional<Version>> onlyVersion;

    private PythonReport(Map<PackageName, List<Origin>> origins,
            BiFunction<Node, Ranges<Version>, Optional<Version>> onlyVersion) {
        this.origins = origins;
        this.onlyVersion = onlyVersion;
    }

    /** The whole message for a failed resolution for {@code targets} (all are named). */
    static String explain(DerivationTree<Node, Version> tree, List<Target> targets) {
        return explain(tree, targets, Map.of(), (node, set) -> Optional.empty());
    }

    /**
     * The whole message for a failed resolution for {@code targets}; a root requirement is named by
     * the lines ({@code file:line}) and specifiers of {@code origins} on its package, and a package
     * that depends on something by its version when {@code onlyVersion} knows the one version in
     * the range.
     */
    static String explain(DerivationTree<Node, Version> tree, List<Target> targets,
            Map<PackageName, List<Origin>> origins, BiFunction<Node, Ranges<Version>, Optional<Version>> onlyVersion) {
        return explain(tree, targets, origins, onlyVersion, reason -> Optional.empty());
    }

    /**
     * {@link #explain(DerivationTree, List, Map, BiFunction)}, followed by one {@code hint:} line
     * for each distinct hint that {@code hints} gives for the reason of an unavailable-versions fact
     * in the derivation (how to opt in to a pre-release or a yanked release, say).
     */
    static String explain(DerivationTree<Node, Version> tree, List<Target> targets,
            Map<PackageName, List<Origin>> origins, BiFunction<Node, Ranges<Version>, Optional<Version>> onlyVersion,
            java.util.function.Function<String, Optional<String>> hints) {
        DerivationTree<Node, Version> collapsed = absorbNoVersions(tree.collapseNoVersions(), new IdentityHashMap<>());
        PythonReport formatter = new PythonReport(origins, onlyVersion);
        String cause = formatter.cause(collapsed);
        String report = DefaultReport.report(collapsed, formatter);
        String headline = "Cannot resolve the requirements for Python " + Targets.describe(targets) + ": " + cause;
        List<External<Node, Version>> leaves = new ArrayList<>();
        collectLeaves(collapsed, leaves, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<String> hinted = leaves.stream().filter(l -> l instanceof Custom<Node, Version>)
                .map(l -> hints.apply(((Custom<Node, Version>) l).reason()))
                .flatMap(Optional::stream).distinct().map(h -> "hint: " + h).toList();
        // A one-step conflict's derivation says what the headline says: print it once.
        String message = report.strip().equals(cause + ".") ? headline + "\n" : headline + "\n" + report;
        return hinted.isEmpty() ? message
                : message + (message.endsWith("\n") ? "" : "\n") + String.join("\n", hinted) + "\n";
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
            return located(f.dependency(), f.dependencySet())
                    .orElseGet(() -> "you require " + formatRequirement(f.dependency(), f.dependencySet()));
        }
        String dependent = onlyVersion.apply(f.pkg(), f.set()).map(v -> f.pkg() + "==" + v)
                .orElseGet(() -> formatRequirement(f.pkg(), f.set()));
        return dependent + " depends on " + formatRequirement(f.dependency(), f.dependencySet());
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

    /**
     * The root requirements on {@code node}'s package by their lines: {@code requirements.in:1
     * requires django>=5.1}; when together they admit no version ({@code set} is empty), the lines
     * that contradict each other, {@code ...; no version satisfies both}. Empty when none of them has
     * a location (the caller then says "you require").
     */
    private Optional<String> located(Node node, Ranges<Version> set) {
        List<Origin> all = Node.projectOf(node).map(n -> origins.getOrDefault(n, List.of())).orElse(List.of())
                .stream().sorted(java.util.Comparator.comparing(Origin::constraint)).toList();
        if (all.stream().noneMatch(o -> o.location().isPresent())) {
            return Optional.empty();
        }
        if (!set.isEmpty()) {
            List<Origin> requirements = all.stream().filter(o -> !o.constraint()).toList();
            return Optional.of(joined(requirements.isEmpty() ? all : requirements));
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).ranges().isDisjoint(all.get(j).ranges())) {
                    return Optional.of(joined(List.of(all.get(i), all.get(j))) + "; no version satisfies both");
                }
            }
        }
        return Optional.of(joined(all) + "; no version satisfies all of them");
    }

    private static String joined(List<Origin> origins) {
        List<String> parts = origins.stream().map(Origin::describe).toList();
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** A one-line cause: a package with no usable version, an unusable version, or a conflict. */
    String cause(DerivationTree<Node, Version> tree) {
        List<External<Node, Version>> leaves = new ArrayList<>();
        collectLeaves(tree, leaves, Collections.newSetFromMap(new IdentityHashMap<>()));
        for (External<Node, Version> leaf : leaves) {
            if (leaf instanceof FromDependencyOf<Node, Version> f && f.pkg() instanceof Node.Root
                    && f.dependencySet().isEmpty()) {
                return formatExternal(f);
            }
        }
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
