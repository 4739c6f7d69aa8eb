package dev.relock.testing.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One release of a project: its core metadata, its index attributes and its files.
 *
 * @param version the version exactly as it appears in metadata and file names
 * @param dependencies {@code Requires-Dist} entries
 * @param providesExtra {@code Provides-Extra} entries
 * @param requiresPython {@code Requires-Python}, if any
 * @param yank PEP 592 state
 * @param uploadTime upload time shown by the index (PEP 700)
 * @param summary {@code Summary}
 * @param projectUrls {@code Project-URL} values ({@code "Label, https://…"})
 * @param distributions the release's files (never empty)
 */
public record ReleaseSpec(
        String version,
        List<Dependency> dependencies,
        List<String> providesExtra,
        Optional<String> requiresPython,
        Yank yank,
        Instant uploadTime,
        String summary,
        List<String> projectUrls,
        List<DistributionSpec> distributions) {

    private static final java.util.regex.Pattern USABLE_VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9.+!_-]+");

    public ReleaseSpec {
        Objects.requireNonNull(version, "version");
        if (!USABLE_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a usable version: '" + version + "'");
        }
        dependencies = List.copyOf(dependencies);
        providesExtra = List.copyOf(providesExtra);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yank, "yank");
        Objects.requireNonNull(uploadTime, "uploadTime");
        Objects.requireNonNull(summary, "summary");
        projectUrls = List.copyOf(projectUrls);
        distributions = List.copyOf(distributions);
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("release " + version + " has no files");
        }
        if (distributions.stream().filter(d -> d instanceof DistributionSpec.Sdist).count() > 1) {
            throw new IllegalArgumentException("release " + version + " has more than one sdist");
        }
        if (new LinkedHashSet<>(distributions).size() != distributions.size()) {
            throw new IllegalArgumentException("release " + version + " lists a file twice");
        }
    }

    /** Whether the release has only an sdist. */
    public boolean sdistOnly() {
        return distributions.stream().allMatch(d -> d instanceof DistributionSpec.Sdist);
    }

    /** The same release with another yank state. */
    public ReleaseSpec withYank(Yank newYank) {
        return new ReleaseSpec(version, dependencies, providesExtra, requiresPython, newYank, uploadTime,
                summary, projectUrls, distributions);
    }

    /** The fields that determine file bytes (yank state and upload time do not). */
    ReleaseSpec contentKey() {
        return new ReleaseSpec(version, dependencies, providesExtra, requiresPython, Yank.NONE, Instant.EPOCH,
                summary, projectUrls, distributions);
    }

    /** Fluent construction used by {@link Scenario.Builder}; defaults: one {@code py3-none-any} wheel. */
    public static final class Builder {
        private final String version;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final LinkedHashSet<String> extras = new LinkedHashSet<>();
        private Optional<String> requiresPython = Optional.empty();
        private Yank yank = Yank.NONE;
        private Instant uploadTime;
        private String summary;
        private final List<String> projectUrls = new ArrayList<>();
        private final List<DistributionSpec> distributions = new ArrayList<>();

        Builder(String version, Instant defaultUploadTime, String defaultSummary) {
            this.version = version;
            this.uploadTime = defaultUploadTime;
            this.summary = defaultSummary;
        }

        /** Adds unconditional requirements (environment markers allowed, extras not). */
        public Builder requires(String... requirements) {
            for (String r : requirements) {
                dependencies.add(Dependency.of(r));
            }
            return this;
        }

        /** Declares an extra and the requirements it pulls in. */
        public Builder extra(String name, String... requirements) {
            extras.add(name);
            for (String r : requirements) {
                dependencies.add(new Dependency(r, Optional.of(name)));
            }
            return this;
        }

        public Builder requiresPython(String specifier) {
            this.requiresPython = Optional.of(specifier);
            return this;
        }

        /** Yanks the release without a reason. */
        public Builder yanked() {
            this.yank = Yank.YANKED;
            return this;
        }

        public Builder yanked(String reason) {
            this.yank = Yank.because(reason);
            return this;
        }

        public Builder uploaded(Instant time) {
            this.uploadTime = time;
            return this;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder projectUrl(String label, String url) {
            projectUrls.add(label + ", " + url);
            return this;
        }

        /** Adds a {@code py3-none-any} wheel. */
        public Builder wheel() {
            return wheel(DistributionSpec.Wheel.PURE.tags());
        }

        /** Adds a wheel with a compressed tag set such as {@code cp311-cp311-manylinux_2_17_x86_64}. */
        public Builder wheel(String tags) {
            distributions.add(new DistributionSpec.Wheel(tags));
            return this;
        }

        /** Adds an sdist with a fully static Metadata-Version 2.2 PKG-INFO. */
        public Builder sdist() {
            distributions.add(DistributionSpec.Sdist.STATIC);
            return this;
        }

        /** Adds an sdist with the given Metadata-Version and PEP 643 Dynamic fields. */
        public Builder sdist(String metadataVersion, String... dynamic) {
            distributions.add(new DistributionSpec.Sdist(metadataVersion, List.of(dynamic)));
            return this;
        }

        /**
         * Adds an sdist with the given Metadata-Version and PEP 643 Dynamic fields whose tree also holds
         * {@code files} (path below the top directory to content), replacing generated files of the same path.
         */
        public Builder sdistWith(String metadataVersion, java.util.Map<String, String> files, String... dynamic) {
            distributions.add(new DistributionSpec.Sdist(metadataVersion, List.of(dynamic),
                    new java.util.TreeMap<>(files)));
            return this;
        }

        ReleaseSpec build() {
            List<DistributionSpec> files = distributions.isEmpty()
                    ? List.of(DistributionSpec.Wheel.PURE) : distributions;
            return new ReleaseSpec(version, dependencies, List.copyOf(extras), requiresPython, yank, uploadTime,
                    summary, projectUrls, files);
        }
    }
}
