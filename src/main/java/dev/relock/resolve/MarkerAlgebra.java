package dev.relock.resolve;

import dev.relock.pep508.MarkerEnvironment;
import dev.relock.pep508.MarkerTree;
import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.util.ArrayList;
import java.util.List;

/** TEMPORARY GRID STAND-IN, NOT FOR COMMIT. */
final class MarkerAlgebra {
    private MarkerAlgebra() {}
    static final List<MarkerEnvironment> GRID = new ArrayList<>();
    static {
        for (int minor = 6; minor <= 15; minor++) {
            for (String p : List.of("x86_64-manylinux_2_28", "aarch64-apple-darwin", "x86_64-pc-windows-msvc")) {
                GRID.add(MarkerEnvironment.fromMap(new Target(PythonVersion.of(3, minor, 0), TargetPlatform.parse(p)).markerValues()));
            }
        }
    }
    static boolean holds(MarkerTree m, MarkerEnvironment e) {
        try { return m.evaluate(e); } catch (RuntimeException x) { return false; }
    }
    static boolean disjoint(MarkerTree a, MarkerTree b) {
        return GRID.stream().noneMatch(e -> holds(a, e) && holds(b, e));
    }
    static boolean empty(MarkerTree m) {
        return GRID.stream().noneMatch(e -> holds(m, e));
    }
    static boolean implies(MarkerTree a, MarkerTree b) {
        return GRID.stream().allMatch(e -> !holds(a, e) || holds(b, e));
    }
    static MarkerTree not(MarkerTree m) {
        return GRID.stream().allMatch(e -> holds(m, e)) ? MarkerTree.FALSE : MarkerTree.parse("platform_machine == \"nonexistent\"");
    }
    static MarkerTree simplifyUnder(MarkerTree m, MarkerTree assumption) {
        return implies(assumption, m) ? MarkerTree.TRUE : m.simplify();
    }
    static MarkerTree requiresPython(String specifiers) {
        String s = specifiers.strip();
        return MarkerTree.parse("python_full_version " + s.replaceAll("^([<>=!~]+)", "$1 \"") + "\"");
    }
}
