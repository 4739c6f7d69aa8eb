package dev.relock.workspace;

import dev.relock.tags.TargetPlatform;
import dev.relock.tags.TargetPlatform.Arch;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the target platform from the project's Dockerfiles, for when neither the command line
 * nor the lockfile header names one.
 *
 * <p><b>Which files.</b> {@code Dockerfile}, {@code *.Dockerfile} and {@code Dockerfile.*} in the
 * project root and its immediate subdirectories, skipping hidden directories and those
 * {@link DockerfileScan#find} skips ({@code node_modules}, {@code target}, {@code .venv}, ...).
 *
 * <p><b>Which stage.</b> Only {@code FROM}s of the official Python image count ({@code python:TAG},
 * {@code docker.io/library/python:TAG}, any mirror whose last path segment is {@code python}),
 * also through a stage alias ({@code FROM python:3.12 AS base} ... {@code FROM base}). The last
 * such stage of a Dockerfile is its runtime: the final stage when that is Python, otherwise the
 * last Python stage (a builder the final stage copies from). Build arguments in {@code FROM} are
 * substituted with the defaults of {@code ARG}s before the first {@code FROM}, as
 * {@code docker build} does without {@code --build-arg}; a {@code FROM python:...} that needs an
 * argument without a default is ignored with a warning.
 *
 * <p><b>Tag to C library</b> (as Docker Hub's defaults were in 2026):
 * <ul>
 *   <li>{@code trixie} glibc 2.41, {@code bookworm} 2.36, {@code bullseye} 2.31, {@code buster}
 *       2.28 (also {@code stretch} 2.24 and {@code jessie} 2.19 for old tags), with or without
 *       {@code slim}: {@code manylinux_2_N};
 *   <li>{@code alpine}, {@code alpine3.20}, ...: musl 1.2 ({@code musllinux_1_2});
 *   <li>{@code windowsservercore-*} and {@code nanoserver-*}: {@code x86_64-pc-windows-msvc};
 *   <li>no distribution in the tag ({@code 3.12}, {@code 3.11.7-slim}, {@code latest}): the image's
 *       current default Debian. Since August 2025 Docker Hub builds every supported Python's
 *       unsuffixed tags on trixie (glibc 2.41), but a project may still run an image pulled when
 *       the default was bookworm, and a lock for a higher glibc than the machine has does not
 *       install. So relock assumes bookworm (glibc 2.36), whose wheels install on bookworm and on
 *       trixie alike, and says so in {@link InferredPlatform#source()}.
 * </ul>
 * The architecture is {@code aarch64} for {@code --platform=linux/arm64} (or
 * {@code linux/aarch64}), otherwise {@code x86_64} (also for {@code $BUILDPLATFORM},
 * {@code $TARGETPLATFORM} and no {@code --platform}). Other architectures are ignored with a warning.
 *
 * <p><b>Several Dockerfiles.</b> One platform is returned. The reference is the root
 * {@code Dockerfile} when it has a Python stage, otherwise the first Dockerfile in path order;
 * among the Dockerfiles of its kind (same C library and architecture), the lowest glibc wins, as
 * its lock installs on all of them. Every Dockerfile that says something else gets a warning
 * naming both {@code file:line}s.
 *
 * <p>Without a usable {@code FROM python:...}, the platform is {@link #FALLBACK}. Nothing here
 * throws for a project's content: unreadable files become warnings.
 */
public final class ProjectPlatform {
    /** uv's default when nothing names a platform: {@code x86_64-manylinux_2_28}. */
    public static final TargetPlatform FALLBACK = new TargetPlatform.Manylinux(Arch.X86_64, 2, 28);

    /** glibc minor version of each Debian release the official Python image has been built on. */
    private static final Map<String, Integer> DEBIAN_GLIBC = Map.of(
            "trixie", 41, "bookworm", 36, "bullseye", 31, "buster", 28, "stretch", 24, "jessie", 19);
    private static final String ASSUMED_DEBIAN = "bookworm";
    private static final int MAX_NAME_COUNT = 2;

    private ProjectPlatform() {}

    /**
     * Derives the platform from the Dockerfiles below {@code projectRoot}.
     *
     * @param projectRoot the project's root directory; a missing directory gives the fallback
     */
    public static InferredPlatform infer(Path projectRoot) {
        List<String> warnings = new ArrayList<>();
        List<DockerfilePlatform> candidates = new ArrayList<>();
        for (Path file : DockerfileScan.find(projectRoot)) {
            Path relative = projectRoot.relativize(file);
            if (relative.getNameCount() > MAX_NAME_COUNT || hidden(relative)) {
                continue;
            }
            String display = relative.toString().replace('\\', '/');
            DockerfileScan scan;
            try {
                scan = DockerfileScan.read(file);
            } catch (UncheckedIOException e) {
                warnings.add(display + ": cannot read: " + e.getCause().getMessage() + "; it is ignored");
                continue;
            }
            runtimeStage(scan, display, warnings).ifPresent(candidates::add);
        }
        if (candidates.isEmpty()) {
            return new InferredPlatform(FALLBACK, "no Dockerfile names a python: base image; uv's default "
                    + FALLBACK.name(), warnings, List.of());
        }
        DockerfilePlatform chosen = choose(candidates, warnings);
        return new InferredPlatform(chosen.platform(), chosen.describe(), warnings, candidates);
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The platform of the last Python stage of one Dockerfile, if any. */
    private static Optional<DockerfilePlatform> runtimeStage(DockerfileScan scan, String display,
            List<String> warnings) {
        List<DockerfileScan.Stage> stages = scan.stages();
        Map<String, Optional<DockerfilePlatform>> named = new HashMap<>();
        Optional<DockerfilePlatform> last = Optional.empty();
        int lastIndex = -1;
        for (int i = 0; i < stages.size(); i++) {
            DockerfileScan.Stage stage = stages.get(i);
            Optional<DockerfilePlatform> found = stagePlatform(scan, stage, display, named, warnings);
            stage.name().ifPresent(n -> named.put(n.toLowerCase(Locale.ROOT), found));
            if (found.isPresent()) {
                last = found;
                lastIndex = i;
            }
        }
        if (last.isPresent() && lastIndex < stages.size() - 1) {
            DockerfileScan.Stage end = stages.get(stages.size() - 1);
            DockerfilePlatform p = last.get();
            return Optional.of(new DockerfilePlatform(p.file(), p.line(), p.from(), p.platform(), p.reason()
                    + "; the last python stage, as the final stage at line " + end.line() + " is " + end.image()));
        }
        return last;
    }

    private static Optional<DockerfilePlatform> stagePlatform(DockerfileScan scan, DockerfileScan.Stage stage,
            String display, Map<String, Optional<DockerfilePlatform>> named, List<String> warnings) {
        String written = "FROM " + stage.platform().map(p -> "--platform=" + p + " ").orElse("") + stage.image();
        DockerfileScan.Expansion image = scan.expand(stage.image());
        if (!image.complete()) {
            if (DockerfileScan.ImageRef.parse(stage.image()).isPython()) {
                warnings.add(display + ":" + stage.line() + " " + written + ": the tag needs build argument"
                        + (image.undefined().size() == 1 ? " " : "s ") + String.join(", ", image.undefined())
                        + " with no default in an ARG before the first FROM; this FROM is ignored");
            }
            return Optional.empty();
        }
        Optional<DockerfilePlatform> parent = named.getOrDefault(image.text().toLowerCase(Locale.ROOT),
                Optional.empty());
        if (parent.isPresent()) {
            if (stage.platform().isEmpty()) {
                return parent;
            }
            DockerfilePlatform p = parent.get();
            return withArch(scan, stage, display, warnings).map(arch -> new DockerfilePlatform(p.file(), p.line(),
                    p.from(), rearch(p.platform(), arch), p.reason() + ", via stage " + stage.image() + " at line "
                            + stage.line() + " with --platform=" + stage.platform().get()));
        }
        DockerfileScan.ImageRef ref = DockerfileScan.ImageRef.parse(image.text());
        if (!ref.isPython()) {
            return Optional.empty();
        }
        if (!image.text().equals(stage.image())) {
            written += " (" + image.text() + ")";
        }
        String from = written;
        return withArch(scan, stage, display, warnings).map(arch -> platform(ref.tag(), arch, display,
                stage.line(), from));
    }

    private static DockerfilePlatform platform(String tag, Arch arch, String display, int line, String from) {
        String distro = "";
        boolean alpine = false;
        String windows = "";
        for (String part : tag.toLowerCase(Locale.ROOT).split("-")) {
            if (DEBIAN_GLIBC.containsKey(part)) {
                distro = part;
            } else if (part.startsWith("alpine")) {
                alpine = true;
            } else if (part.equals("windowsservercore")) {
                windows = "Windows Server Core";
            } else if (part.equals("nanoserver")) {
                windows = "Nano Server";
            }
        }
        if (!windows.isEmpty()) {
            return new DockerfilePlatform(display, line, from, new TargetPlatform.Windows(Arch.X86_64), windows);
        }
        if (alpine) {
            return new DockerfilePlatform(display, line, from, new TargetPlatform.Musllinux(arch, 1, 2),
                    "Alpine, musl 1.2");
        }
        if (distro.isEmpty()) {
            int minor = DEBIAN_GLIBC.get(ASSUMED_DEBIAN);
            return new DockerfilePlatform(display, line, from, new TargetPlatform.Manylinux(arch, 2, minor),
                    "the tag names no Debian release; Docker Hub builds it on trixie, glibc 2.41, today, but relock"
                            + " assumes bookworm, glibc 2.36, whose wheels install on both");
        }
        int minor = DEBIAN_GLIBC.get(distro);
        return new DockerfilePlatform(display, line, from, new TargetPlatform.Manylinux(arch, 2, minor),
                "Debian " + distro + ", glibc 2." + minor);
    }

    /** The architecture {@code --platform} asks for; empty (with a warning) when relock cannot target it. */
    private static Optional<Arch> withArch(DockerfileScan scan, DockerfileScan.Stage stage, String display,
            List<String> warnings) {
        if (stage.platform().isEmpty()) {
            return Optional.of(Arch.X86_64);
        }
        DockerfileScan.Expansion platform = scan.expand(stage.platform().get());
        if (!platform.complete()) {
            return Optional.of(Arch.X86_64);
        }
        String value = platform.text().toLowerCase(Locale.ROOT);
        String[] parts = value.split("/");
        String cpu = parts.length >= 2 ? parts[1] : parts[0];
        switch (cpu) {
            case "amd64", "x86_64", "x86-64":
                return Optional.of(Arch.X86_64);
            case "arm64", "aarch64":
                return Optional.of(Arch.AARCH64);
            default:
                warnings.add(display + ":" + stage.line() + " FROM --platform=" + stage.platform().get() + " "
                        + stage.image() + ": relock cannot lock for " + platform.text()
                        + " (only amd64 and arm64); this FROM is ignored");
                return Optional.empty();
        }
    }

    private static TargetPlatform rearch(TargetPlatform p, Arch arch) {
        if (p instanceof TargetPlatform.Manylinux m) {
            return new TargetPlatform.Manylinux(arch, m.glibcMajor(), m.glibcMinor());
        }
        if (p instanceof TargetPlatform.Musllinux m) {
            return new TargetPlatform.Musllinux(arch, m.muslMajor(), m.muslMinor());
        }
        return p;
    }

    /** One platform for several Dockerfiles; see the class comment. */
    private static DockerfilePlatform choose(List<DockerfilePlatform> candidates, List<String> warnings) {
        DockerfilePlatform reference = candidates.stream().filter(c -> c.file().equals("Dockerfile")).findFirst()
                .orElse(candidates.get(0));
        DockerfilePlatform chosen = reference;
        for (DockerfilePlatform c : candidates) {
            if (family(c.platform()).equals(family(reference.platform())) && rank(c.platform()) < rank(chosen.platform())) {
                chosen = c;
            }
        }
        String why = reference.file().equals("Dockerfile") ? "the root Dockerfile" : "the first Dockerfile";
        for (DockerfilePlatform c : candidates) {
            if (c.platform().equals(chosen.platform())) {
                continue;
            }
            String name = chosen.platform().name();
            if (family(c.platform()).equals(family(chosen.platform()))) {
                warnings.add(c.location() + " says " + c.platform().name() + " but " + chosen.location() + " says "
                        + name + "; locking for the older " + name + ", pass --python-platform to choose");
            } else {
                warnings.add(chosen.location() + " says " + name + " but " + c.location() + " says "
                        + c.platform().name() + " (" + difference(chosen.platform(), c.platform())
                        + "); locking for " + name + " as " + reference.file() + " is " + why
                        + ", pass --python-platform to choose");
            }
        }
        return chosen;
    }

    private static String family(TargetPlatform p) {
        return p.getClass().getSimpleName() + "/" + p.arch();
    }

    private static int rank(TargetPlatform p) {
        return p instanceof TargetPlatform.Manylinux m ? m.glibcMinor() : 0;
    }

    private static String difference(TargetPlatform a, TargetPlatform b) {
        if (a instanceof TargetPlatform.Linux && b instanceof TargetPlatform.Linux) {
            return a.arch() == b.arch() ? "another C library" : "another architecture";
        }
        return a.getClass().equals(b.getClass()) ? "another architecture" : "another operating system";
    }
}
