package dev.relock.testing.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An immutable description of a package index: projects, their releases and the files of each
 * release. Built with a small DSL:
 *
 * <pre>{@code
 * Scenario.builder()
 *     .project("requests", p -> p
 *         .release("2.31.0", r -> r.requires("urllib3>=1.21.1,<3").requiresPython(">=3.7").wheel().sdist()))
 *     .build();
 * }</pre>
 *
 * <p>Releases without an explicit upload time get one from a fixed clock that advances one hour per
 * release in declaration order, so scenarios are fully deterministic.
 */
public final class Scenario {
    /** Upload time of the first release declared without an explicit one. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private final Map<String, ProjectSpec> projects;

    private Scenario(Map<String, ProjectSpec> projects) {
        this.projects = projects;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A scenario of exactly these projects (normalized names must be unique). */
    public static Scenario of(List<ProjectSpec> projects) {
        Map<String, ProjectSpec> byName = new LinkedHashMap<>();
        projects.stream().sorted(Comparator.comparing(ProjectSpec::normalizedName)).forEach(p -> {
            if (byName.putIfAbsent(p.normalizedName(), p) != null) {
                throw new IllegalArgumentException("two projects normalize to " + p.normalizedName());
            }
        });
        return new Scenario(java.util.Collections.unmodifiableMap(byName));
    }

    /** Projects sorted by normalized name. */
    public List<ProjectSpec> projects() {
        return List.copyOf(projects.values());
    }

    /** The project with this name in any spelling. */
    public Optional<ProjectSpec> project(String name) {
        return Optional.ofNullable(projects.get(ProjectNames.normalize(name)));
    }

    /** A scenario where the project has this release (replacing one of the same version). */
    public Scenario withRelease(String projectName, ReleaseSpec release) {
        Optional<ProjectSpec> existing = project(projectName);
        List<ReleaseSpec> releases = new ArrayList<>(existing.map(ProjectSpec::releases).orElse(List.of()));
        releases.removeIf(r -> r.version().equals(release.version()));
        releases.add(release);
        return replace(new ProjectSpec(existing.map(ProjectSpec::name).orElse(projectName), releases));
    }

    /** A scenario where that release has the given yank state. */
    public Scenario withYank(String projectName, String version, Yank yank) {
        ProjectSpec project = project(projectName)
                .orElseThrow(() -> new IllegalArgumentException("no project " + projectName));
        ReleaseSpec release = project.release(version)
                .orElseThrow(() -> new IllegalArgumentException("no release " + projectName + " " + version));
        List<ReleaseSpec> releases = project.releases().stream()
                .map(r -> r == release ? r.withYank(yank) : r).toList();
        return replace(new ProjectSpec(project.name(), releases));
    }

    private Scenario replace(ProjectSpec project) {
        List<ProjectSpec> all = new ArrayList<>(projects.values());
        all.removeIf(p -> p.normalizedName().equals(project.normalizedName()));
        all.add(project);
        return of(all);
    }

    /** The newest upload time of any release, or {@link #DEFAULT_EPOCH} for an empty scenario. */
    Instant lastUpload() {
        return projects.values().stream().flatMap(p -> p.releases().stream()).map(ReleaseSpec::uploadTime)
                .max(Comparator.naturalOrder()).orElse(DEFAULT_EPOCH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && s.projects.equals(projects);
    }

    @Override
    public int hashCode() {
        return projects.hashCode();
    }

    @Override
    public String toString() {
        return "Scenario" + projects.keySet();
    }

    /** Collects projects in declaration order. */
    public static final class Builder {
        private final List<ProjectSpec> projects = new ArrayList<>();
        private Instant clock = DEFAULT_EPOCH;

        private Builder() {}

        /** Declares a project and its releases. */
        public Builder project(String name, Consumer<ProjectBuilder> releases) {
            ProjectBuilder builder = new ProjectBuilder(name);
            releases.accept(builder);
            projects.add(new ProjectSpec(name, builder.releases));
            return this;
        }

        public Scenario build() {
            return of(projects);
        }

        /** Collects the releases of one project. */
        public final class ProjectBuilder {
            private final String name;
            private final List<ReleaseSpec> releases = new ArrayList<>();

            private ProjectBuilder(String name) {
                this.name = name;
            }

            /** A release with the defaults: one {@code py3-none-any} wheel, no dependencies. */
            public ProjectBuilder release(String version) {
                return release(version, r -> { });
            }

            public ProjectBuilder release(String version, Consumer<ReleaseSpec.Builder> details) {
                ReleaseSpec.Builder builder = new ReleaseSpec.Builder(version, clock, name + " " + version);
                clock = clock.plus(Duration.ofHours(1));
                details.accept(builder);
                releases.add(builder.build());
                return this;
            }
        }
    }
}
