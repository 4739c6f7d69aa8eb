package dev.relock.verify;

import dev.relock.metadata.CoreMetadata;
import dev.relock.name.ExtraName;
import dev.relock.name.PackageName;
import dev.relock.pep440.VersionSpecifiers;
import dev.relock.pep508.Requirement;
import dev.relock.reqtxt.RequirementEntry;
import dev.relock.resolve.ResolvedPackage;
import dev.relock.reqtxt.RequirementsFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fresh}: the pins still answer the requirements. Every requirement of the {@code .in}
 * (with its {@code -r} files) that applies to the target is pinned at a version it accepts, every
 * {@code -c} constraint accepts the pin it names, and the pins are closed under their
 * dependencies (read from each pin's core metadata, extras included): nothing missing and, when
 * the {@code .in} is known and every dependency could be followed, nothing extraneous. Unsafe
 * packages the trailer lists by name are allowed to stay unpinned. With {@code --strict} the
 * {@code .in} is also resolved afresh with the pins as preferences (like {@code uv lock --check})
 * and every difference the closure check did not already report is a warning.
 */
public final class FreshCheck implements Check {
    public static final String NAME = "fresh";
    private static final Set<PackageName> UNSAFE =
            Set.of(PackageName.of("pip"), PackageName.of("setuptools"), PackageName.of("distribute"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the pins satisfy the .in (and its -r/-c files) for the target and are closed under dependencies:"
                + " nothing missing, nothing extraneous";
    }

    @Override
    public IndexNeed indexNeed() {
        return IndexNeed.METADATA;
    }

    /** Something that asks for a package, and where it asks. */
    private record Demand(PackageName name, Set<ExtraName> extras, VersionSpecifiers specifiers, boolean hasUrl,
            Path file, int line, String requiredBy) {}

    @Override
    public List<Finding> run(VerifyInput input) {
        return new Walk(input).run();
    }

    private static final class Walk {
        private final VerifyInput input;
        private final TargetEnvironment env;
        private final Map<PackageName, LockedPin> pins = new LinkedHashMap<>();
        private final Set<PackageName> unversioned = new HashSet<>();
        private final Map<PackageName, Set<ExtraName>> expanded = new HashMap<>();
        private final Set<PackageName> warnedMetadata = new HashSet<>();
        private final List<Finding> findings = new ArrayList<>();
        private boolean complete = true;

        Walk(VerifyInput input) {
            this.input = input;
            this.env = new TargetEnvironment(input.target());
            for (RequirementEntry e : input.lock().entries()) {
                if (!env.applies(e.marker())) {
                    continue;
                }
                Optional<LockedPin> pin = LockedPin.of(e);
                if (pin.isPresent()) {
                    pins.putIfAbsent(pin.get().name(), pin.get());
                } else if (e.requirement().isPresent()) {
                    unversioned.add(e.requirement().get().name());
                } else {
                    complete = false;
                }
            }
        }

        List<Finding> run() {
            Deque<Demand> queue = new ArrayDeque<>();
            if (input.source().isPresent()) {
                RequirementsFile in = input.source().get();
                for (RequirementEntry e : in.requirements()) {
                    rootDemand(e).ifPresent(queue::add);
                }
                for (RequirementEntry c : in.constraints()) {
                    rootDemand(c).ifPresent(this::checkConstraint);
                }
            } else {
                for (LockedPin pin : pins.values()) {
                    queue.add(new Demand(pin.name(), pin.extras(), VersionSpecifiers.ANY, false,
                            pin.entry().location().file(), pin.line(), "the lockfile"));
                }
            }
            while (!queue.isEmpty()) {
                follow(queue.poll(), queue);
            }
            if (complete && input.source().isPresent()) {
                for (LockedPin pin : pins.values()) {
                    if (!expanded.containsKey(pin.name()) && !isUnsafeInTrailer(pin.name())) {
                        findings.add(Finding.error(NAME, pin.entry().location().file(), pin.line(),
                                Optional.of(pin.name()), "", pin.display(),
                                "extraneous: " + pin.display() + " is not required by "
                                        + input.source().get().file().getFileName()
                                        + " or any pinned package on " + env.target()));
                    }
                }
            }
            input.reResolution().ifPresent(this::diff);
            findings.sort(java.util.Comparator.comparing((Finding f) -> f.file().toString())
                    .thenComparingInt(Finding::line));
            return findings;
        }

        /**
         * Reports what a fresh resolution (pins as preferences) would change, leaving out packages
         * the closure check already reported.
         */
        private void diff(ReResolution again) {
            Path in = input.source().orElseThrow().file();
            if (again.resolution().isEmpty()) {
                findings.add(Finding.error(NAME, in, 0, Optional.empty(), "a resolution for " + env.target(),
                        "no solution", "re-resolving " + in.getFileName() + " fails: " + again.failure()));
                return;
            }
            Set<PackageName> reported = new HashSet<>();
            findings.forEach(f -> f.pkg().ifPresent(reported::add));
            Map<PackageName, ResolvedPackage> resolved = new LinkedHashMap<>();
            // A universal resolution pins some packages per environment: only those that apply here count.
            again.resolution().get().packages().stream()
                    .filter(p -> p.directMarker().map(env::applies).orElse(true))
                    .forEach(p -> resolved.put(p.name(), p));
            for (ResolvedPackage p : resolved.values()) {
                if (reported.contains(p.name()) || isUnsafeInTrailer(p.name())) {
                    continue;
                }
                LockedPin pin = pins.get(p.name());
                if (pin == null) {
                    findings.add(Finding.warning(NAME, in, 0, Optional.of(p.name()), p.name() + "==" + p.version(),
                            "nothing", "re-resolving " + in.getFileName() + " adds " + p.name() + "==" + p.version()));
                } else if (!pin.version().equals(p.version())) {
                    findings.add(Finding.warning(NAME, pin.entry().location().file(), pin.line(),
                            Optional.of(p.name()), p.name() + "==" + p.version(), pin.display(),
                            "re-resolving " + in.getFileName() + " picks " + p.name() + "==" + p.version()
                                    + " instead of " + pin.display()));
                }
            }
            for (LockedPin pin : pins.values()) {
                if (!resolved.containsKey(pin.name()) && !reported.contains(pin.name())
                        && !isUnsafeInTrailer(pin.name())) {
                    findings.add(Finding.warning(NAME, pin.entry().location().file(), pin.line(),
                            Optional.of(pin.name()), "", pin.display(),
                            "re-resolving " + in.getFileName() + " drops " + pin.display()));
                }
            }
        }

        private Optional<Demand> rootDemand(RequirementEntry e) {
            if (!env.applies(e.marker())) {
                return Optional.empty();
            }
            if (e.requirement().isEmpty()) {
                complete = false;
                return Optional.empty();
            }
            Requirement r = e.requirement().get();
            return Optional.of(new Demand(r.name(), Set.copyOf(r.extras()), r.specifiers(), r.url().isPresent(),
                    e.location().file(), e.location().line(), e.location().file().getFileName().toString()));
        }

        /**
         * A constraint the pin disagrees with is reported at the pin (the line to fix, as in a
         * layered {@code requirements-dev.txt} that drifted from the {@code requirements.txt} its
         * {@code .in} constrains it to), naming the constraint's file and line.
         */
        private void checkConstraint(Demand c) {
            LockedPin pin = pins.get(c.name());
            if (pin != null && !c.specifiers().contains(pin.version(), Optional.of(Boolean.TRUE))) {
                Path lockFile = pin.entry().location().file();
                String where = relative(lockFile, c.file()) + ":" + c.line();
                findings.add(Finding.error(NAME, lockFile, pin.line(), Optional.of(c.name()),
                        c.name() + c.specifiers().toString() + " (" + where + ")", pin.display(),
                        "stale: the pin " + pin.display() + " is not accepted by the constraint " + c.name()
                                + c.specifiers() + " at " + where));
            }
        }

        /** {@code file} as seen from the lockfile's directory (as a {@code -c} line names it). */
        private static String relative(Path lockFile, Path file) {
            Path base = lockFile.toAbsolutePath().getParent();
            Path target = file.toAbsolutePath();
            if (base == null || !target.getRoot().equals(base.getRoot())) {
                return file.toString();
            }
            return base.relativize(target).toString();
        }

        private void follow(Demand d, Deque<Demand> queue) {
            LockedPin pin = pins.get(d.name());
            if (pin == null) {
                if (unversioned.contains(d.name())) {
                    complete = false;
                } else if (!isUnsafeInTrailer(d.name())) {
                    complete = false;
                    findings.add(Finding.error(NAME, d.file(), d.line(), Optional.of(d.name()),
                            d.name() + (d.specifiers().isAny() ? "" : d.specifiers().toString()) + " pinned",
                            "nothing", "missing: " + d.name() + " is required by " + d.requiredBy()
                                    + " but the lock does not pin it"));
                }
                return;
            }
            if (!d.hasUrl() && !d.specifiers().contains(pin.version(), Optional.of(Boolean.TRUE))) {
                findings.add(Finding.error(NAME, d.file(), d.line(), Optional.of(d.name()),
                        d.name() + d.specifiers().toString(), pin.display(),
                        "stale: " + d.requiredBy() + " requires " + d.name() + d.specifiers() + " but the lock pins "
                                + pin.display()));
            }
            Set<ExtraName> done = expanded.get(d.name());
            if (done != null && done.containsAll(d.extras())) {
                return;
            }
            Set<ExtraName> extras = new HashSet<>(d.extras());
            if (done != null) {
                extras.addAll(done);
            }
            expanded.put(d.name(), Set.copyOf(extras));
            Optional<CoreMetadata> metadata = metadata(pin);
            if (metadata.isEmpty()) {
                complete = false;
                return;
            }
            String parent = pin.display();
            for (Requirement dep : metadata.get().requiresDist()) {
                if (env.applies(dep.marker(), extras)) {
                    queue.add(new Demand(dep.name(), Set.copyOf(dep.extras()), dep.specifiers(), dep.url().isPresent(),
                            pin.entry().location().file(), pin.line(), parent));
                }
            }
        }

        private Optional<CoreMetadata> metadata(LockedPin pin) {
            if (input.index().isEmpty()) {
                return Optional.empty();
            }
            Optional<IndexSnapshot.MetadataOutcome> outcome = input.index().get().metadata(pin.name(), pin.version());
            if (outcome.isEmpty()) {
                return Optional.empty();
            }
            if (outcome.get().metadata().isEmpty() && warnedMetadata.add(pin.name())) {
                findings.add(Finding.warning(NAME, pin.entry().location().file(), pin.line(), Optional.of(pin.name()),
                        "", "", "cannot check the dependencies of " + pin.display() + ": " + outcome.get().problem()));
            }
            return outcome.get().metadata();
        }

        private boolean isUnsafeInTrailer(PackageName name) {
            return UNSAFE.contains(name) && input.lock().trailerNames().contains(name);
        }
    }
}
