package dev.relock.testing.index;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One file of a release: a wheel with its compressed tag set, or an sdist. */
public sealed interface DistributionSpec permits DistributionSpec.Wheel, DistributionSpec.Sdist {

    /**
     * A wheel.
     *
     * @param tags the compressed tag set {@code python-abi-platform}, each part possibly
     *     dot-separated ({@code cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64})
     */
    record Wheel(String tags) implements DistributionSpec {
        private static final Pattern TAGS = Pattern.compile("[A-Za-z0-9_.]+-[A-Za-z0-9_.]+-[A-Za-z0-9_.]+");

        /** The tag set of a pure-Python wheel. */
        public static final Wheel PURE = new Wheel("py3-none-any");

        public Wheel {
            Objects.requireNonNull(tags, "tags");
            if (!TAGS.matcher(tags).matches()) {
                throw new IllegalArgumentException("not a wheel tag triple: " + tags);
            }
        }

        /** Every tag of the compressed set, expanded ({@code Tag:} lines of the WHEEL file). */
        public List<String> expandedTags() {
            String[] parts = tags.split("-");
            return java.util.Arrays.stream(parts[0].split("\\."))
                    .flatMap(py -> java.util.Arrays.stream(parts[1].split("\\."))
                            .flatMap(abi -> java.util.Arrays.stream(parts[2].split("\\."))
                                    .map(plat -> py + "-" + abi + "-" + plat)))
                    .toList();
        }

        /** Pure wheels ({@code none} ABI, {@code any} platform) install into purelib. */
        public boolean rootIsPurelib() {
            String[] parts = tags.split("-");
            return parts[1].equals("none") && parts[2].equals("any");
        }
    }

    /**
     * A source distribution ({@code .tar.gz}).
     *
     * @param metadataVersion {@code Metadata-Version} of its PKG-INFO: 2.1 or 2.2
     * @param dynamic PEP 643 {@code Dynamic} fields (only with 2.2)
     * @param files files added to (or replacing) the generated ones, by path below the sdist's top
     *     directory, e.g. a custom {@code setup.py}, {@code pyproject.toml} or an in-tree backend
     */
    record Sdist(String metadataVersion, List<String> dynamic, java.util.SortedMap<String, String> files)
            implements DistributionSpec {
        /** A 2.2 sdist whose metadata is all static. */
        public static final Sdist STATIC = new Sdist("2.2", List.of());

        /** An sdist with only the generated files. */
        public Sdist(String metadataVersion, List<String> dynamic) {
            this(metadataVersion, dynamic, new java.util.TreeMap<>());
        }

        public Sdist {
            Objects.requireNonNull(metadataVersion, "metadataVersion");
            dynamic = List.copyOf(dynamic);
            files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
            if (!metadataVersion.equals("2.1") && !metadataVersion.equals("2.2")) {
                throw new IllegalArgumentException("sdist Metadata-Version must be 2.1 or 2.2: " + metadataVersion);
            }
            if (!dynamic.isEmpty() && !metadataVersion.equals("2.2")) {
                throw new IllegalArgumentException("Dynamic needs Metadata-Version 2.2");
            }
        }
    }
}
