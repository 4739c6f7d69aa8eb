package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.name.PackageName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which distribution formats each package may be installed from: pip's "format control", set with
 * {@code --no-binary} (no wheels) and {@code --only-binary} (no sdists). The default,
 * {@link #ALLOW_ALL}, allows both.
 *
 * <p>Options are applied one by one, in the order given ({@link #with}), with pip's rules:
 * <ul>
 *   <li>A value is a comma-separated list of package names (normalized per PEP 503), {@code :all:}
 *       or {@code :none:}.</li>
 *   <li>A name moves to the option's set and out of the other option's set, so the later of
 *       {@code --no-binary foo} and {@code --only-binary foo} wins.</li>
 *   <li>{@code :all:} empties both sets and marks the option's set as "all". Names after it in
 *       the same value are covered by it and dropped, unless a {@code :none:} follows.</li>
 *   <li>{@code :none:} empties the option's own set (including a previous {@code :all:}); the
 *       other set is untouched.</li>
 *   <li>For a package, a name in a set beats {@code :all:}, and {@code --only-binary} is asked
 *       first: a package named in {@code --only-binary} never uses sdists, one named in
 *       {@code --no-binary} never uses wheels, else {@code --only-binary :all:} rules out sdists,
 *       else {@code --no-binary :all:} rules out wheels. A package is therefore never denied both
 *       formats.</li>
 * </ul>
 *
 * <p>{@link #noBinaryValues()} and {@link #onlyBinaryValues()} give the state back as option values
 * in the order pip-compile writes them ({@code :all:} first, then sorted names), which
 * {@link #recorded} reads back to the same policy.
 */
public final class BinaryPolicy {
    /** Wheels and sdists for every package. */
    public static final BinaryPolicy ALLOW_ALL = new BinaryPolicy(false, Collections.emptySortedSet(), false,
            Collections.emptySortedSet());

    private static final String ALL = ":all:";
    private static final String NONE = ":none:";

    /** The two options. */
    public enum Kind {
        /** {@code --no-binary}: do not use wheels. */
        NO_BINARY("--no-binary"),
        /** {@code --only-binary}: do not use sdists. */
        ONLY_BINARY("--only-binary");

        private final String flag;

        Kind(String flag) {
            this.flag = flag;
        }

        /** The option as written on a command line, e.g. {@code --no-binary}. */
        public String flag() {
            return flag;
        }
    }

    /**
     * One occurrence of {@code --no-binary} or {@code --only-binary}, with its raw value.
     *
     * @param kind which option
     * @param value the value as given: names separated by commas, {@code :all:} or {@code :none:}
     */
    public record Option(Kind kind, String value) {
        public Option {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        public static Option noBinary(String value) {
            return new Option(Kind.NO_BINARY, value);
        }

        public static Option onlyBinary(String value) {
            return new Option(Kind.ONLY_BINARY, value);
        }

        /** The option as one command-line word, e.g. {@code --no-binary=psycopg2}. */
        @Override
        public String toString() {
            return kind.flag() + "=" + value;
        }
    }

    private final boolean noBinaryAll;
    private final SortedSet<PackageName> noBinary;
    private final boolean onlyBinaryAll;
    private final SortedSet<PackageName> onlyBinary;

    private BinaryPolicy(boolean noBinaryAll, SortedSet<PackageName> noBinary, boolean onlyBinaryAll,
            SortedSet<PackageName> onlyBinary) {
        this.noBinaryAll = noBinaryAll;
        this.noBinary = Collections.unmodifiableSortedSet(new TreeSet<>(noBinary));
        this.onlyBinaryAll = onlyBinaryAll;
        this.onlyBinary = Collections.unmodifiableSortedSet(new TreeSet<>(onlyBinary));
    }

    /**
     * The policy after applying {@code options} in order to {@link #ALLOW_ALL}.
     *
     * @throws RelockException (bad input) for a value that is neither a name list, {@code :all:} nor {@code :none:}
     */
    public static BinaryPolicy of(List<Option> options) {
        BinaryPolicy policy = ALLOW_ALL;
        for (Option o : options) {
            policy = policy.with(o);
        }
        return policy;
    }

    /**
     * The policy a lockfile's options block records: {@code --no-binary} and {@code --only-binary}
     * values, each list in file order. {@code :all:} values are applied first, then the rest, as
     * pip-compile writes the block (so that {@code --only-binary :all:} does not wipe a
     * {@code --no-binary} name written before it).
     *
     * @throws RelockException (bad input) for a malformed value
     */
    public static BinaryPolicy recorded(List<String> noBinaryValues, List<String> onlyBinaryValues) {
        List<Option> ordered = new ArrayList<>();
        noBinaryValues.stream().filter(ALL::equals).forEach(v -> ordered.add(Option.noBinary(v)));
        onlyBinaryValues.stream().filter(ALL::equals).forEach(v -> ordered.add(Option.onlyBinary(v)));
        noBinaryValues.stream().filter(v -> !v.equals(ALL)).forEach(v -> ordered.add(Option.noBinary(v)));
        onlyBinaryValues.stream().filter(v -> !v.equals(ALL)).forEach(v -> ordered.add(Option.onlyBinary(v)));
        return of(ordered);
    }

    /**
     * This policy with {@code option} applied after it.
     *
     * @throws RelockException (bad input) for a value that is neither a name list, {@code :all:} nor {@code :none:}
     */
    public BinaryPolicy with(Option option) {
        String value = option.value().strip();
        if (value.isEmpty() || value.startsWith("-")) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, option.kind().flag()
                    + " needs a value: package names separated by commas, :all: or :none:");
        }
        boolean targetAll = option.kind() == Kind.NO_BINARY ? noBinaryAll : onlyBinaryAll;
        boolean otherAll = option.kind() == Kind.NO_BINARY ? onlyBinaryAll : noBinaryAll;
        TreeSet<PackageName> target = new TreeSet<>(option.kind() == Kind.NO_BINARY ? noBinary : onlyBinary);
        TreeSet<PackageName> other = new TreeSet<>(option.kind() == Kind.NO_BINARY ? onlyBinary : noBinary);
        List<String> parts = List.of(value.split(",", -1));
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).strip();
            if (part.equals(ALL)) {
                target.clear();
                other.clear();
                otherAll = false;
                targetAll = true;
                if (!parts.subList(i + 1, parts.size()).stream().map(String::strip).toList().contains(NONE)) {
                    break;
                }
            } else if (part.equals(NONE)) {
                target.clear();
                targetAll = false;
            } else if (!part.isEmpty()) {
                PackageName name = PackageName.tryOf(part).orElseThrow(() -> new RelockException(
                        RelockException.Kind.BAD_INPUT, "bad " + option.kind().flag() + " value '" + option.value()
                                + "': '" + part + "' is not a package name (expected names separated by commas,"
                                + " :all: or :none:)"));
                other.remove(name);
                target.add(name);
            }
        }
        return option.kind() == Kind.NO_BINARY
                ? new BinaryPolicy(targetAll, target, otherAll, other)
                : new BinaryPolicy(otherAll, other, targetAll, target);
    }

    /** Whether wheels of {@code name} may be used. */
    public boolean allowsWheel(PackageName name) {
        return onlyBinary.contains(name) || (!noBinary.contains(name) && (onlyBinaryAll || !noBinaryAll));
    }

    /** Whether sdists of {@code name} may be used. */
    public boolean allowsSdist(PackageName name) {
        return !onlyBinary.contains(name) && (noBinary.contains(name) || !onlyBinaryAll);
    }

    /** Whether every format of every package is allowed (no option, or options that cancel out). */
    public boolean allowsAll() {
        return !noBinaryAll && !onlyBinaryAll && noBinary.isEmpty() && onlyBinary.isEmpty();
    }

    /** The {@code --no-binary} values that restate this policy: {@code :all:} first, then sorted names. */
    public List<String> noBinaryValues() {
        return values(noBinaryAll, noBinary);
    }

    /** The {@code --only-binary} values that restate this policy: {@code :all:} first, then sorted names. */
    public List<String> onlyBinaryValues() {
        return values(onlyBinaryAll, onlyBinary);
    }

    private static List<String> values(boolean all, SortedSet<PackageName> names) {
        List<String> out = new ArrayList<>();
        if (all) {
            out.add(ALL);
        }
        names.forEach(n -> out.add(n.toString()));
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryPolicy p && p.noBinaryAll == noBinaryAll && p.onlyBinaryAll == onlyBinaryAll
                && p.noBinary.equals(noBinary) && p.onlyBinary.equals(onlyBinary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(noBinaryAll, noBinary, onlyBinaryAll, onlyBinary);
    }

    /**
     * The policy as options in the order pip-compile writes them ({@code :all:} values first), e.g.
     * {@code --only-binary=:all: --no-binary=psycopg2}; empty for {@link #ALLOW_ALL}.
     */
    @Override
    public String toString() {
        List<String> words = new ArrayList<>();
        if (noBinaryAll) {
            words.add(Kind.NO_BINARY.flag() + "=" + ALL);
        }
        if (onlyBinaryAll) {
            words.add(Kind.ONLY_BINARY.flag() + "=" + ALL);
        }
        noBinary.forEach(n -> words.add(Kind.NO_BINARY.flag() + "=" + n));
        onlyBinary.forEach(n -> words.add(Kind.ONLY_BINARY.flag() + "=" + n));
        return String.join(" ", words);
    }
}
