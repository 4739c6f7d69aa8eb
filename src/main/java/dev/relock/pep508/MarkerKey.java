package dev.relock.pep508;

import java.util.Comparator;
import java.util.Optional;

/**
 * What one level of a {@link MarkerDiagram} decides on: a version variable (the two Python
 * variables share one key, {@code python_full_version}), a string variable, or an opaque
 * comparison the algebra does not interpret (then the key holds the comparison in its positive
 * form, see {@link MarkerAtoms}).
 *
 * <p>Keys are ordered by {@link #rank} and then by name; the order is also the order in which the
 * parts of a printed conjunction appear: the interpreter ({@code python_version}, implementation),
 * then the platform ({@code sys_platform}, {@code platform_system}, {@code os_name},
 * {@code platform_machine}, {@code platform_release}, {@code platform_version}), then opaque
 * comparisons, then {@code extra}.
 */
record MarkerKey(int rank, String name, Kind kind, Optional<MarkerExpression> opaque) implements Comparable<MarkerKey> {

    /** How the values of a key are represented. */
    enum Kind {
        VERSION, STRING, OPAQUE
    }

    static final MarkerKey PYTHON = variable(MarkerVariable.PYTHON_FULL_VERSION);

    private static final Comparator<MarkerKey> ORDER =
            Comparator.comparingInt(MarkerKey::rank).thenComparing(MarkerKey::name);

    /** The key of {@code variable}; both Python variables give {@link #PYTHON}. */
    static MarkerKey variable(MarkerVariable variable) {
        MarkerVariable v = variable == MarkerVariable.PYTHON_VERSION ? MarkerVariable.PYTHON_FULL_VERSION : variable;
        int rank = switch (v) {
            case PYTHON_FULL_VERSION, PYTHON_VERSION -> 0;
            case IMPLEMENTATION_NAME -> 1;
            case PLATFORM_PYTHON_IMPLEMENTATION -> 2;
            case IMPLEMENTATION_VERSION -> 3;
            case SYS_PLATFORM -> 4;
            case PLATFORM_SYSTEM -> 5;
            case OS_NAME -> 6;
            case PLATFORM_MACHINE -> 7;
            case PLATFORM_RELEASE -> 8;
            case PLATFORM_VERSION -> 9;
            case EXTRA -> 11;
        };
        Kind kind = v.isVersionLike() ? Kind.VERSION : Kind.STRING;
        return new MarkerKey(rank, v.markerName(), kind, Optional.empty());
    }

    /** The key of an opaque comparison, given in its positive form. */
    static MarkerKey opaque(MarkerExpression positive) {
        return new MarkerKey(10, positive.toString(), Kind.OPAQUE, Optional.of(positive));
    }

    /** The variable of a non-opaque key. */
    MarkerVariable variable() {
        return MarkerVariable.fromName(name).orElseThrow();
    }

    /** The set holding every value of this key. */
    MarkerValueSet full() {
        return kind == Kind.VERSION ? MarkerValueSet.Versions.FULL : MarkerValueSet.Strings.FULL;
    }

    @Override
    public int compareTo(MarkerKey other) {
        return ORDER.compare(this, other);
    }
}
