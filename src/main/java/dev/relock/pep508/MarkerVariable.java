package dev.relock.pep508;

import java.util.Map;
import java.util.Optional;

/**
 * The variables a PEP 508 environment marker may test.
 *
 * <p>Four of them are <em>version-like</em>: comparing them with a value that forms a valid
 * version specifier uses PEP 440 ordering ({@code python_version > "3.10"} is numeric); every other
 * comparison is a plain string comparison.
 */
public enum MarkerVariable {
    IMPLEMENTATION_NAME("implementation_name", false),
    IMPLEMENTATION_VERSION("implementation_version", true),
    OS_NAME("os_name", false),
    PLATFORM_MACHINE("platform_machine", false),
    PLATFORM_PYTHON_IMPLEMENTATION("platform_python_implementation", false),
    PLATFORM_RELEASE("platform_release", true),
    PLATFORM_SYSTEM("platform_system", false),
    PLATFORM_VERSION("platform_version", false),
    PYTHON_FULL_VERSION("python_full_version", true),
    PYTHON_VERSION("python_version", true),
    SYS_PLATFORM("sys_platform", false),
    /** The extra being installed; not part of {@link MarkerEnvironment}, passed separately. */
    EXTRA("extra", false);

    /** Legacy spellings packaging still accepts (PEP 345 dotted names, setuptools' alias). */
    private static final Map<String, MarkerVariable> ALIASES = Map.of(
            "os.name", OS_NAME,
            "sys.platform", SYS_PLATFORM,
            "platform.version", PLATFORM_VERSION,
            "platform.machine", PLATFORM_MACHINE,
            "platform.python_implementation", PLATFORM_PYTHON_IMPLEMENTATION,
            "python_implementation", PLATFORM_PYTHON_IMPLEMENTATION);

    private final String markerName;
    private final boolean versionLike;

    MarkerVariable(String markerName, boolean versionLike) {
        this.markerName = markerName;
        this.versionLike = versionLike;
    }

    /** The canonical PEP 508 spelling, for example {@code python_version}. */
    public String markerName() {
        return markerName;
    }

    /** Whether comparisons try PEP 440 version semantics before falling back to strings. */
    public boolean isVersionLike() {
        return versionLike;
    }

    /** The variable spelled {@code name}, accepting the legacy aliases; exact and case-sensitive. */
    public static Optional<MarkerVariable> fromName(String name) {
        for (MarkerVariable variable : values()) {
            if (variable.markerName.equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.ofNullable(ALIASES.get(name));
    }

    @Override
    public String toString() {
        return markerName;
    }
}
