package dev.relock.verify;

import dev.relock.common.RelockException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalogue of checks, in the order they run and are documented. */
public final class Checks {
    private Checks() {}

    /** Every check; {@code wheelhouse} switches hash-match from the index to local files. */
    public static List<Check> all(Optional<Path> wheelhouse) {
        return List.of(new PinnedCheck(), new HashedCheck(), new HashMatchCheck(wheelhouse), new FreshCheck(),
                new PythonPinCheck(), new InstallHygieneCheck());
    }

    /** {@link #all(Optional)}, plus {@code vulnerable} when {@code audit} ({@code --audit}). */
    public static List<Check> all(Optional<Path> wheelhouse, boolean audit) {
        List<Check> checks = new ArrayList<>(all(wheelhouse));
        if (audit) {
            checks.add(new VulnerableCheck());
        }
        return List.copyOf(checks);
    }

    /** The names of all checks. */
    public static List<String> names() {
        return all(Optional.empty()).stream().map(Check::name).toList();
    }

    /**
     * The checks {@code --check}/{@code --skip} select: only those named by {@code only} (all when
     * empty), minus those named by {@code skip}.
     *
     * @throws RelockException (bad input) for an unknown name, or a selection that leaves no check
     */
    public static List<Check> select(List<Check> all, Collection<String> only, Collection<String> skip) {
        Set<String> known = new LinkedHashSet<>();
        all.forEach(c -> known.add(c.name()));
        for (String name : concat(only, skip)) {
            if (!known.contains(name) && name.equals(VulnerableCheck.NAME)) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        "the check '" + name + "' runs only with --audit");
            }
            if (!known.contains(name)) {
                throw new RelockException(RelockException.Kind.BAD_INPUT,
                        "unknown check '" + name + "'; the checks are: " + String.join(", ", known));
            }
        }
        List<Check> selected = new ArrayList<>();
        for (Check c : all) {
            if ((only.isEmpty() || only.contains(c.name())) && !skip.contains(c.name())) {
                selected.add(c);
            }
        }
        if (selected.isEmpty()) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, "no check left to run: "
                    + selection("--check", only) + (only.isEmpty() || skip.isEmpty() ? "" : " ")
                    + selection("--skip", skip) + " selects none of " + String.join(", ", known));
        }
        return selected;
    }

    private static String selection(String option, Collection<String> names) {
        return String.join(" ", names.stream().map(n -> option + " " + n).toList());
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
