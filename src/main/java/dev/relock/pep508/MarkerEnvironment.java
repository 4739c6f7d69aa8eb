package dev.relock.pep508;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the PEP 508 marker variables for one target environment (not the JVM's host:
 * relock resolves for a target it describes, see {@code dev.relock.tags.Target#markerValues()}).
 *
 * <p>Every component is a string; an unknown value is the empty string, as packaging reports
 * values the platform cannot determine. {@code extra} is not part of the environment: it is passed
 * to {@link MarkerTree#evaluate(MarkerEnvironment, java.util.Set)}.
 */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformPythonImplementation,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String pythonVersion,
        String sysPlatform) {

    public MarkerEnvironment {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(implementationVersion, "implementationVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(platformMachine, "platformMachine");
        Objects.requireNonNull(platformPythonImplementation, "platformPythonImplementation");
        Objects.requireNonNull(platformRelease, "platformRelease");
        Objects.requireNonNull(platformSystem, "platformSystem");
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(sysPlatform, "sysPlatform");
    }

    /**
     * The environment described by {@code values}, keyed by canonical PEP 508 variable names
     * ({@code python_version}, ...). Missing keys become the empty string (an unknown value).
     *
     * @throws IllegalArgumentException for a key that is not an environment variable, including
     *     {@code extra} and the legacy dotted aliases (a typo must not silently become "")
     */
    public static MarkerEnvironment fromMap(Map<String, String> values) {
        Builder builder = builder();
        values.forEach((key, value) -> {
            MarkerVariable variable = MarkerVariable.fromName(key)
                    .filter(v -> v != MarkerVariable.EXTRA && v.markerName().equals(key))
                    .orElseThrow(() -> new IllegalArgumentException("not a marker environment variable: " + key));
            builder.set(variable, value);
        });
        return builder.build();
    }

    /** A builder whose variables all start as the empty string. */
    public static Builder builder() {
        return new Builder();
    }

    /** The values keyed by canonical variable name, in {@link MarkerVariable} order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (MarkerVariable variable : MarkerVariable.values()) {
            if (variable != MarkerVariable.EXTRA) {
                map.put(variable.markerName(), value(variable));
            }
        }
        return map;
    }

    /**
     * The value of {@code variable}.
     *
     * @throws IllegalArgumentException for {@link MarkerVariable#EXTRA}, which is not environmental
     */
    public String value(MarkerVariable variable) {
        return switch (variable) {
            case IMPLEMENTATION_NAME -> implementationName;
            case IMPLEMENTATION_VERSION -> implementationVersion;
            case OS_NAME -> osName;
            case PLATFORM_MACHINE -> platformMachine;
            case PLATFORM_PYTHON_IMPLEMENTATION -> platformPythonImplementation;
            case PLATFORM_RELEASE -> platformRelease;
            case PLATFORM_SYSTEM -> platformSystem;
            case PLATFORM_VERSION -> platformVersion;
            case PYTHON_FULL_VERSION -> pythonFullVersion;
            case PYTHON_VERSION -> pythonVersion;
            case SYS_PLATFORM -> sysPlatform;
            case EXTRA -> throw new IllegalArgumentException("extra is not part of the marker environment");
        };
    }

    /** Builds a {@link MarkerEnvironment}; unset variables are the empty string. */
    public static final class Builder {
        private final Map<MarkerVariable, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code variable} (not {@link MarkerVariable#EXTRA}) to {@code value}. */
        public Builder set(MarkerVariable variable, String value) {
            if (variable == MarkerVariable.EXTRA) {
                throw new IllegalArgumentException("extra is not part of the marker environment");
            }
            values.put(variable, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder implementationName(String value) {
            return set(MarkerVariable.IMPLEMENTATION_NAME, value);
        }

        public Builder implementationVersion(String value) {
            return set(MarkerVariable.IMPLEMENTATION_VERSION, value);
        }

        public Builder osName(String value) {
            return set(MarkerVariable.OS_NAME, value);
        }

        public Builder platformMachine(String value) {
            return set(MarkerVariable.PLATFORM_MACHINE, value);
        }

        public Builder platformPythonImplementation(String value) {
            return set(MarkerVariable.PLATFORM_PYTHON_IMPLEMENTATION, value);
        }

        public Builder platformRelease(String value) {
            return set(MarkerVariable.PLATFORM_RELEASE, value);
        }

        public Builder platformSystem(String value) {
            return set(MarkerVariable.PLATFORM_SYSTEM, value);
        }

        public Builder platformVersion(String value) {
            return set(MarkerVariable.PLATFORM_VERSION, value);
        }

        public Builder pythonFullVersion(String value) {
            return set(MarkerVariable.PYTHON_FULL_VERSION, value);
        }

        public Builder pythonVersion(String value) {
            return set(MarkerVariable.PYTHON_VERSION, value);
        }

        public Builder sysPlatform(String value) {
            return set(MarkerVariable.SYS_PLATFORM, value);
        }

        public MarkerEnvironment build() {
            return new MarkerEnvironment(
                    get(MarkerVariable.IMPLEMENTATION_NAME),
                    get(MarkerVariable.IMPLEMENTATION_VERSION),
                    get(MarkerVariable.OS_NAME),
                    get(MarkerVariable.PLATFORM_MACHINE),
                    get(MarkerVariable.PLATFORM_PYTHON_IMPLEMENTATION),
                    get(MarkerVariable.PLATFORM_RELEASE),
                    get(MarkerVariable.PLATFORM_SYSTEM),
                    get(MarkerVariable.PLATFORM_VERSION),
                    get(MarkerVariable.PYTHON_FULL_VERSION),
                    get(MarkerVariable.PYTHON_VERSION),
                    get(MarkerVariable.SYS_PLATFORM));
        }

        private String get(MarkerVariable variable) {
            return values.getOrDefault(variable, "");
        }
    }
}
