package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.name.ExtraName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random markers built from a fixed pool of comparisons, checked by brute force: every marker is
 * evaluated (with packaging's semantics, {@link MarkerTree#evaluate}) in every environment of a
 * grid that separates all the pool's values, and the algebra's results must hold in exactly the
 * same environments. Seeded, so every run checks the same markers.
 */
class MarkerAlgebraPropertyTest {

    /** A pool comparison; {@code exact} when the algebra interprets it (not opaque). */
    record PoolAtom(String text, String group, boolean exact) {
    }

    static final List<PoolAtom> POOL = List.of(
            new PoolAtom("python_version < '3.9'", "python", true),
            new PoolAtom("python_version >= '3.11'", "python", true),
            new PoolAtom("python_version == '3.10'", "python", true),
            new PoolAtom("python_version != '3.12'", "python", true),
            new PoolAtom("python_version <= '3.8'", "python", true),
            new PoolAtom("python_version > '3.12'", "python", true),
            new PoolAtom("python_full_version >= '3.11.2'", "python", true),
            new PoolAtom("python_full_version < '3.8.1'", "python", true),
            new PoolAtom("python_full_version == '3.10.0'", "python", true),
            new PoolAtom("python_full_version != '3.9.*'", "python", true),
            new PoolAtom("python_full_version ~= '3.11.2'", "python", true),
            new PoolAtom("python_version == '3.13.*'", "python", true),
            new PoolAtom("'3.10' <= python_version", "python", true),
            new PoolAtom("python_version === '3.11'", "python", true),
            new PoolAtom("python_version in '3.10 3.11'", "python", false),
            new PoolAtom("sys_platform == 'win32'", "sys_platform", true),
            new PoolAtom("sys_platform == 'linux'", "sys_platform", true),
            new PoolAtom("sys_platform != 'darwin'", "sys_platform", true),
            new PoolAtom("sys_platform < 'z'", "sys_platform", true),
            new PoolAtom("platform_machine == 'x86_64'", "platform_machine", true),
            new PoolAtom("platform_machine == 'arm64'", "platform_machine", true),
            new PoolAtom("platform_machine != 'aarch64'", "platform_machine", true),
            new PoolAtom("os_name == 'nt'", "os_name", true),
            new PoolAtom("platform_system == 'Windows'", "platform_system", true),
            new PoolAtom("implementation_name == 'cpython'", "implementation_name", true),
            new PoolAtom("extra == 'a'", "extra", true),
            new PoolAtom("extra == 'b'", "extra", true),
            new PoolAtom("extra != 'a'", "extra", true));

    /** Grid values per variable group; each group's values separate every pool comparison on it. */
    static final Map<String, List<String>> GRID = new LinkedHashMap<>();

    static {
        // One interpreter in every interval the pool's Python comparisons cut out, 3.7 to 3.14.
        List<String> pythons = List.of("3.7.0", "3.8.0", "3.8.1", "3.9.0", "3.10.0", "3.10.1", "3.11.0", "3.11.2",
                "3.12.0", "3.13.1", "3.14.0");
        GRID.put("python", pythons);
        GRID.put("sys_platform", List.of("linux", "darwin", "win32", "cygwin"));
        GRID.put("platform_machine", List.of("x86_64", "arm64", "aarch64", "AMD64"));
        GRID.put("os_name", List.of("posix", "nt"));
        GRID.put("platform_system", List.of("Linux", "Windows"));
        GRID.put("implementation_name", List.of("cpython", "pypy"));
        GRID.put("extra", List.of("", "a", "b"));
    }

    /** One environment of the grid plus the requested extra ("" for none). */
    record Point(MarkerEnvironment environment, String extra) {
        boolean holds(MarkerTree marker) {
            return extra.isEmpty() ? marker.evaluate(environment)
                    : marker.evaluate(environment, Set.of(ExtraName.of(extra)));
        }
    }

    /** A random marker and the pool comparisons it uses. */
    record Sample(MarkerTree marker, Set<PoolAtom> atoms) {
        boolean exact() {
            return atoms.stream().allMatch(PoolAtom::exact);
        }
    }

    private final Random random = new Random(20261206L);

    private Sample randomMarker(int depth, Set<PoolAtom> used) {
        StringBuilder text = new StringBuilder();
        build(depth, text, used);
        return new Sample(MarkerTree.parse(text.toString()), used);
    }

    private void build(int depth, StringBuilder text, Set<PoolAtom> used) {
        if (depth == 0 || random.nextInt(4) == 0) {
            PoolAtom atom = POOL.get(random.nextInt(POOL.size()));
            used.add(atom);
            text.append(atom.text());
            return;
        }
        int operands = 2 + random.nextInt(2);
        String junction = random.nextBoolean() ? " and " : " or ";
        text.append('(');
        for (int i = 0; i < operands; i++) {
            if (i > 0) {
                text.append(junction);
            }
            build(depth - 1, text, used);
        }
        text.append(')');
    }

    /** The grid over the groups {@code atoms} use; other variables keep their first grid value. */
    private static List<Point> grid(Set<PoolAtom> atoms) {
        Set<String> groups = new LinkedHashSet<>();
        atoms.forEach(a -> groups.add(a.group()));
        List<Map<String, String>> choices = new ArrayList<>();
        choices.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> group : GRID.entrySet()) {
            List<String> values = groups.contains(group.getKey()) ? group.getValue() : group.getValue().subList(0, 1);
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> choice : choices) {
                for (String value : values) {
                    Map<String, String> extended = new LinkedHashMap<>(choice);
                    extended.put(group.getKey(), value);
                    next.add(extended);
                }
            }
            choices = next;
        }
        List<Point> points = new ArrayList<>();
        for (Map<String, String> choice : choices) {
            String python = choice.get("python");
            MarkerEnvironment environment = MarkerEnvironment.builder()
                    .pythonFullVersion(python)
                    .pythonVersion(python.substring(0, python.lastIndexOf('.')))
                    .implementationVersion(python)
                    .sysPlatform(choice.get("sys_platform"))
                    .platformMachine(choice.get("platform_machine"))
                    .osName(choice.get("os_name"))
                    .platformSystem(choice.get("platform_system"))
                    .implementationName(choice.get("implementation_name"))
                    .build();
            points.add(new Point(environment, choice.get("extra")));
        }
        return points;
    }

    private static BitSet truth(MarkerTree marker, List<Point> points) {
        BitSet bits = new BitSet(points.size());
        for (int i = 0; i < points.size(); i++) {
            bits.set(i, points.get(i).holds(marker));
        }
        return bits;
    }

    private static BitSet not(BitSet bits, int size) {
        BitSet out = (BitSet) bits.clone();
        out.flip(0, size);
        return out;
    }

    @Test
    void operationsPreserveMeaningAndSemanticChecksAgreeWithBruteForce() {
        for (int trial = 0; trial < 300; trial++) {
            Set<PoolAtom> used = new LinkedHashSet<>();
            Sample a = randomMarker(2, new LinkedHashSet<>());
            Sample b = randomMarker(2, new LinkedHashSet<>());
            used.addAll(a.atoms());
            used.addAll(b.atoms());
            List<Point> points = grid(used);
            int n = points.size();
            BitSet ta = truth(a.marker(), points);
            BitSet tb = truth(b.marker(), points);
            BitSet both = (BitSet) ta.clone();
            both.and(tb);
            BitSet either = (BitSet) ta.clone();
            either.or(tb);
            BitSet aNotB = (BitSet) ta.clone();
            aNotB.andNot(tb);
            String context = "trial " + trial + ": a = " + a.marker() + ", b = " + b.marker();

            MarkerTree simplified = a.marker().simplify();
            assertThat(truth(simplified, points)).as(context + " simplify -> " + simplified).isEqualTo(ta);
            assertThat(truth(a.marker().not(), points)).as(context + " not").isEqualTo(not(ta, n));
            assertThat(truth(a.marker().not().not(), points)).as(context + " not not").isEqualTo(ta);
            assertThat(truth(a.marker().and(b.marker()), points)).as(context + " and").isEqualTo(both);
            assertThat(truth(a.marker().or(b.marker()), points)).as(context + " or").isEqualTo(either);
            BitSet under = truth(a.marker().simplifyUnder(b.marker()), points);
            under.and(tb);
            assertThat(under).as(context + " simplifyUnder").isEqualTo(both);
            assertThat(MarkerTree.parse(simplified.toString().isEmpty() ? "python_version >= '0'"
                    : simplified.toString()).simplify()).as(context + " reparse").isEqualTo(simplified);

            boolean exact = a.exact() && b.exact();
            checkAgreement(context + " isTrue", a.marker().isTrue(), ta.cardinality() == n, exact);
            checkAgreement(context + " isFalse", a.marker().isFalse(), ta.isEmpty(), exact);
            checkAgreement(context + " isDisjoint", a.marker().isDisjoint(b.marker()), both.isEmpty(), exact);
            checkAgreement(context + " implies", a.marker().implies(b.marker()), aNotB.isEmpty(), exact);
            if (exact && ta.equals(tb)) {
                assertThat(a.marker().simplify()).as(context + " canonical").isEqualTo(b.marker().simplify())
                        .hasToString(b.marker().simplify().toString());
            }
        }
    }

    /**
     * The algebra's answer must equal brute force when every comparison is interpreted; with
     * opaque ones (independent yes/no variables) a "yes" must still be right.
     */
    private static void checkAgreement(String what, boolean algebra, boolean bruteForce, boolean exact) {
        if (exact) {
            assertThat(algebra).as(what).isEqualTo(bruteForce);
        } else if (algebra) {
            assertThat(bruteForce).as(what).isTrue();
        }
    }

    @Test
    void everyPrintedComparisonIsOnePoolComparisonOrAnXYBoundary() {
        // python_version is printed only with X.Y values, python_full_version only with X.Y.Z.
        for (int trial = 0; trial < 200; trial++) {
            String printed = randomMarker(3, new LinkedHashSet<>()).marker().simplify().toString();
            assertThat(printed).as(printed).doesNotContainPattern("python_version [^\"]+ \"\\d+\\.\\d+\\.")
                    .doesNotContainPattern("python_full_version [^\"]+ \"\\d+\\.\\d+\"")
                    .doesNotContain("(python_version < \"0\")");
        }
    }
}
