package dev.relock.verify;

import dev.relock.common.RelockException;
import dev.relock.filename.DistFilename;
import dev.relock.filename.SdistFilename;
import dev.relock.filename.WheelFilename;
import dev.relock.common.Sha256;
import dev.relock.index.DistFile;
import dev.relock.index.ProjectPage;
import dev.relock.index.Yanked;
import dev.relock.reqtxt.RequirementEntry;
import dev.relock.name.PackageName;
import dev.relock.pep440.Version;
import dev.relock.reqtxt.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code hash-match}: every listed hash is the hash of a file the index publishes for exactly the
 * pinned version (anything else means the lock or the index changed behind the reviewer's back:
 * possible tampering), at least one listed hash belongs to a file that installs on the target,
 * and the version is neither yanked nor gone. With a wheelhouse directory, the files there are
 * hashed instead and compared with the lock, and missing or extra files for the target are listed.
 */
public final class HashMatchCheck implements Check {
    public static final String NAME = "hash-match";

    private final Optional<Path> wheelhouse;

    /** Compares with the index, or with the files in {@code wheelhouse} when given. */
    public HashMatchCheck(Optional<Path> wheelhouse) {
        this.wheelhouse = wheelhouse;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every --hash is a file the index (or --wheelhouse) has for exactly that version; flags yanked"
                + " versions (a warning when the .in pins one exactly) and versions the index does not list";
    }

    @Override
    public IndexNeed indexNeed() {
        return wheelhouse.isPresent() ? IndexNeed.NONE : IndexNeed.PAGES;
    }

    @Override
    public List<Finding> run(VerifyInput input) {
        if (wheelhouse.isPresent()) {
            return againstWheelhouse(input, wheelhouse.get());
        }
        if (input.index().isEmpty()) {
            return List.of();
        }
        TargetEnvironment env = new TargetEnvironment(input.target());
        List<Finding> findings = new ArrayList<>();
        for (LockedPin pin : input.lock().pins()) {
            againstIndex(input, env, pin, input.index().get().page(pin.name()), findings);
        }
        return findings;
    }

    private static void againstIndex(VerifyInput input, TargetEnvironment env, LockedPin pin, ProjectPage page,
            List<Finding> findings) {
        Path file = pin.entry().location().file();
        Optional<PackageName> pkg = Optional.of(pin.name());
        List<DistFile> files = page.filesOf(pin.version());
        if (files.isEmpty()) {
            // A simple page lists files, not the versions that once had some: a version without
            // files may have been removed or never published, and nothing tells the two apart.
            String message = page.files().isEmpty()
                    ? pin.name() + " is not on the index"
                    : pin.display() + " is not on the index (never published, or removed); the index lists "
                            + page.versions().size() + (page.versions().size() == 1 ? " other version" : " other versions")
                            + " of " + pin.name() + ", the newest " + page.versions().get(page.versions().size() - 1);
            findings.add(Finding.error(NAME, file, pin.line(), pkg, "a published release", pin.version().toString(),
                    message));
            return;
        }
        if (pin.entry().hashes().isEmpty()) {
            findings.addAll(yank(input, pin, files, files));
            return;
        }
        Map<String, DistFile> published = byHash(files);
        Set<String> algorithms = files.stream().flatMap(f -> f.hashes().keySet().stream()).collect(Collectors.toSet());
        List<DistFile> matched = new ArrayList<>();
        boolean unverified = false;
        for (Hash hash : pin.entry().hashes()) {
            String key = hash.toString();
            DistFile match = published.get(key);
            if (match != null) {
                matched.add(match);
                continue;
            }
            unverified = true;
            int line = input.lock().lineOf(pin.entry(), hash);
            if (!algorithms.contains(hash.algorithm())) {
                findings.add(Finding.warning(NAME, file, line, pkg, "a hash the index publishes", key,
                        "cannot check " + key + ": the index publishes no " + hash.algorithm() + " hashes for "
                                + pin.display()));
                continue;
            }
            DistFile other = otherVersions(page, pin).get(key);
            String detail = other != null
                    ? "it is the hash of " + other.filename() + ", a file of version " + other.parsed().version()
                    : "the index publishes no file of " + pin.display() + " with this hash";
            findings.add(Finding.error(NAME, file, line, pkg,
                    "one of the " + files.size() + " published hashes of " + pin.display(), key,
                    "possible tampering: " + pin.name() + " hash " + key + " does not match the index: " + detail));
        }
        findings.addAll(yank(input, pin, files, matched));
        if (!unverified && env.applies(pin.entry().marker())
                && matched.stream().noneMatch(f -> env.installable(f.parsed()))) {
            Optional<DistFile> wanted = files.stream().filter(f -> env.installable(f.parsed())).findFirst();
            wanted.ifPresent(w -> findings.add(Finding.error(NAME, file, pin.line(), pkg,
                    "the hash of " + w.filename(), matched.stream().map(DistFile::filename).collect(
                            Collectors.joining(", ")),
                    "none of the hashed files of " + pin.display() + " installs on " + env.target()
                            + "; the lock lacks the hash of " + w.filename())));
        }
    }

    /** Hashes of the other versions' files, to name the version an unknown hash belongs to (error path only). */
    private static Map<String, DistFile> otherVersions(ProjectPage page, LockedPin pin) {
        return byHash(page.files().stream().filter(f -> !f.parsed().version().equals(pin.version())).toList());
    }

    /**
     * A yanked pin: a warning when the {@code .in} (with its {@code -r}/{@code -c} files) pins that
     * version exactly ({@code ==}/{@code ===}), which is the one case where compile uses a yanked
     * release (PEP 592); an error otherwise.
     */
    private static List<Finding> yank(VerifyInput input, LockedPin pin, List<DistFile> files, List<DistFile> matched) {
        List<DistFile> relevant = matched.isEmpty() ? files : matched;
        if (relevant.stream().noneMatch(f -> f.yanked().isYanked())) {
            return List.of();
        }
        String reason = relevant.stream()
                .map(DistFile::yanked)
                .filter(y -> y instanceof Yanked.YankedFile)
                .map(y -> ((Yanked.YankedFile) y).reason())
                .flatMap(Optional::stream)
                .findFirst()
                .map(r -> " (reason: " + r + ")")
                .orElse("");
        Optional<RequirementEntry> exact = exactPin(input, pin);
        if (exact.isPresent()) {
            RequirementEntry e = exact.get();
            return List.of(Finding.warning(NAME, pin.entry().location().file(), pin.line(), Optional.of(pin.name()),
                    "a release that is not yanked", pin.version() + " (yanked)",
                    pin.display() + " is yanked on the index" + reason + "; kept because "
                            + e.location().file().getFileName() + ":" + e.location().line() + " pins it exactly"));
        }
        return List.of(Finding.error(NAME, pin.entry().location().file(), pin.line(), Optional.of(pin.name()),
                "a release that is not yanked", pin.version() + " (yanked)",
                pin.display() + " is yanked on the index" + reason));
    }

    /** The line of the {@code .in} (or its {@code -r}/{@code -c} files) that pins {@code pin}'s version exactly. */
    private static Optional<RequirementEntry> exactPin(VerifyInput input, LockedPin pin) {
        return input.source().stream()
                .flatMap(in -> java.util.stream.Stream.concat(in.requirements().stream(), in.constraints().stream()))
                .filter(e -> e.requirement().filter(r -> r.name().equals(pin.name())
                        && r.specifiers().pinsExactly(pin.version())).isPresent())
                .findFirst();
    }

    private static Map<String, DistFile> byHash(List<DistFile> files) {
        Map<String, DistFile> map = new HashMap<>();
        for (DistFile f : files) {
            f.hashes().forEach((alg, hex) -> map.putIfAbsent(alg + ":" + hex, f));
        }
        return map;
    }

    // ---- wheelhouse -------------------------------------------------------------------------------

    /** A distribution file in the wheelhouse. */
    private record LocalFile(Path path, DistFilename name, String sha256) {}

    private static List<Finding> againstWheelhouse(VerifyInput input, Path dir) {
        TargetEnvironment env = new TargetEnvironment(input.target());
        Map<IndexKey, List<LocalFile>> local = scan(dir);
        List<Finding> findings = new ArrayList<>();
        Set<IndexKey> wanted = new HashSet<>();
        for (LockedPin pin : input.lock().pins()) {
            if (!env.applies(pin.entry().marker())) {
                continue;
            }
            IndexKey key = new IndexKey(pin.name(), pin.version());
            wanted.add(key);
            Set<String> listed = pin.entry().hashes().stream().map(Hash::toString).collect(Collectors.toSet());
            List<LocalFile> files = local.getOrDefault(key, List.of());
            boolean tampered = false;
            for (LocalFile f : files) {
                String hash = "sha256:" + f.sha256();
                if (!listed.contains(hash)) {
                    tampered = true;
                    findings.add(Finding.error(NAME, pin.entry().location().file(), pin.line(),
                            Optional.of(pin.name()), "one of the hashes the lock lists for " + pin.display(), hash,
                            "possible tampering: wheelhouse file " + f.path().getFileName() + " has " + hash
                                    + ", which the lock does not list for " + pin.display()));
                }
            }
            boolean satisfied = files.stream()
                    .anyMatch(f -> listed.contains("sha256:" + f.sha256()) && env.installable(f.name()));
            if (!satisfied && !tampered) {
                findings.add(Finding.error(NAME, pin.entry().location().file(), pin.line(), Optional.of(pin.name()),
                        "a file of " + pin.display() + " for " + env.target(),
                        files.isEmpty() ? "nothing" : files.stream().map(f -> f.path().getFileName().toString())
                                .collect(Collectors.joining(", ")),
                        "missing: the wheelhouse has no file of " + pin.display() + " that installs on "
                                + env.target()));
            }
        }
        for (Map.Entry<IndexKey, List<LocalFile>> e : new TreeMap<>(local).entrySet()) {
            for (LocalFile f : e.getValue()) {
                boolean extra = !wanted.contains(e.getKey()) || !env.installable(f.name());
                if (extra) {
                    findings.add(Finding.warning(NAME, f.path(), 0, Optional.of(e.getKey().name()), "",
                            f.path().getFileName().toString(),
                            "extra: " + f.path().getFileName() + " is not needed by the lock on " + env.target()));
                }
            }
        }
        return findings;
    }

    /** A name and version, ordered for stable output. */
    private record IndexKey(PackageName name, Version version) implements Comparable<IndexKey> {
        @Override
        public int compareTo(IndexKey o) {
            int c = name.toString().compareTo(o.name.toString());
            return c != 0 ? c : version.compareTo(o.version);
        }
    }

    private static Map<IndexKey, List<LocalFile>> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RelockException(RelockException.Kind.BAD_INPUT, dir + ": no such wheelhouse directory");
        }
        Map<IndexKey, List<LocalFile>> files = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            for (Path p : sorted) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                parse(p.getFileName().toString()).ifPresent(name -> files
                        .computeIfAbsent(new IndexKey(name.name(), name.version()), k -> new ArrayList<>())
                        .add(new LocalFile(p, name, sha256(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Optional<DistFilename> parse(String filename) {
        try {
            if (filename.endsWith(".whl")) {
                return Optional.of(WheelFilename.parse(filename));
            }
            return Optional.of(SdistFilename.parse(filename));
        } catch (RuntimeException notADistribution) {
            return Optional.empty();
        }
    }

    static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
