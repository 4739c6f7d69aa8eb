package dev.relock.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a lock is resolved for: a CPython interpreter version on a platform.
 *
 * <p>Only CPython 3.3 or later is modelled (no PyPy, no free-threaded or debug builds). The ABI
 * tag is {@code cpXY} from 3.8 on and {@code cpXYm} before (the default pymalloc builds).
 * Everything is derived from these two values; the JVM host is never consulted.
 */
public record Target(PythonVersion python, TargetPlatform platform) {

    private static final Map<Target, TagPriority> PRIORITIES = new ConcurrentHashMap<>();
    /**
     * The last target asked, by identity: a run has one target and asks for its ranking once per
     * wheel, and hashing the record for the map lookup each time showed in profiles.
     */
    private static volatile Ranked lastRanked = new Ranked(Target.parse("3.3", "x86_64-unknown-linux-gnu"),
            new TagPriority(List.of()));

    private record Ranked(Target target, TagPriority priority) {}

    /** Rejects interpreters other than CPython 3.3+. */
    public Target {
        if (python.major() != 3 || python.minor() < 3) {
            throw new TagParseException(python.toString(), "unsupported Python version " + python
                    + ": relock targets CPython 3.3 or later");
        }
    }

    /**
     * Parses both parts: {@code Target.parse("3.11", "x86_64-unknown-linux-gnu")}.
     *
     * @throws TagParseException for a bad version or platform name
     */
    public static Target parse(String pythonVersion, String platformName) {
        return new Target(PythonVersion.parse(pythonVersion), TargetPlatform.parse(platformName));
    }

    /**
     * The tags this target installs, best first, in the order {@code packaging.tags.sys_tags()}
     * yields them on such an interpreter: {@code cpXY-cpXY-*}, {@code cpXY-abi3-*},
     * {@code cpXY-none-*}, older {@code cp3N-abi3-*}, then {@code pyXY/py3/py3N-none-*},
     * {@code cpXY-none-any} and {@code pyXY/py3/py3N-none-any}. Computed once per target.
     */
    public List<Tag> compatibleTags() {
        return priority().tags();
    }

    /** The cached ranking of {@link #compatibleTags()}. */
    public TagPriority priority() {
        Ranked last = lastRanked;
        if (last.target() == this) {
            return last.priority();
        }
        TagPriority priority = PRIORITIES.computeIfAbsent(this, Target::computePriority);
        lastRanked = new Ranked(this, priority);
        return priority;
    }

    /** The rank of {@code tag} (0 = best), or empty when this target cannot install it. */
    public OptionalInt rank(Tag tag) {
        return priority().rank(tag);
    }

    /** The best rank among {@code tags}, or empty when none of them is installable. */
    public OptionalInt bestRank(Collection<Tag> tags) {
        return priority().bestRank(tags);
    }

    /** The {@code cpXY} interpreter tag. */
    public String interpreterTag() {
        return "cp" + python.noDot();
    }

    /**
     * The PEP 508 marker environment of this target, keyed by the PEP 508 variable names, in
     * alphabetical order. {@code platform_release} and {@code platform_version} are empty because
     * they describe a concrete machine; {@code python_full_version} is {@code X.Y.0} when no micro
     * version was given.
     */
    public Map<String, String> markerValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("implementation_name", "cpython");
        values.put("implementation_version", python.fullVersion());
        values.put("os_name", platform.osName());
        values.put("platform_machine", platform.platformMachine());
        values.put("platform_python_implementation", "CPython");
        values.put("platform_release", "");
        values.put("platform_system", platform.platformSystem());
        values.put("platform_version", "");
        values.put("python_full_version", python.fullVersion());
        values.put("python_version", python.majorMinor());
        values.put("sys_platform", platform.sysPlatform());
        return Collections.unmodifiableMap(values);
    }

    /** {@code <python> on <platform name>}, e.g. {@code 3.11 on x86_64-manylinux_2_17}. */
    @Override
    public String toString() {
        return python + " on " + platform.name();
    }

    private TagPriority computePriority() {
        List<String> platforms = platform.platformTags();
        String cp = interpreterTag();
        String abi = python.minor() >= 8 ? cp : cp + "m";
        List<Tag> tags = new ArrayList<>();
        for (String abiTag : List.of(abi, "abi3", "none")) {
            for (String p : platforms) {
                tags.add(new Tag(cp, abiTag, p));
            }
        }
        for (int minor = python.minor() - 1; minor >= 2; minor--) {
            for (String p : platforms) {
                tags.add(new Tag("cp3" + minor, "abi3", p));
            }
        }
        List<String> pyRange = new ArrayList<>();
        pyRange.add("py" + python.noDot());
        pyRange.add("py3");
        for (int minor = python.minor() - 1; minor >= 0; minor--) {
            pyRange.add("py3" + minor);
        }
        for (String py : pyRange) {
            for (String p : platforms) {
                tags.add(new Tag(py, "none", p));
            }
        }
        tags.add(new Tag(cp, "none", "any"));
        for (String py : pyRange) {
            tags.add(new Tag(py, "none", "any"));
        }
        return new TagPriority(tags);
    }
}
