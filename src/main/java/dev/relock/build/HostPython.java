package dev.relock.build;

import dev.relock.tags.PythonVersion;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The interpreter that runs builds, and the target its build requirements are resolved for.
 *
 * @param executable the interpreter
 * @param target its version and platform
 */
record HostPython(Path executable, Target target) {
    /** Prints version, machine, OS and libc, one per line (isolated: nothing of the host's site is imported). */
    static final String PROBE = "import platform, sys\n"
            + "print('%d.%d.%d' % sys.version_info[:3])\n"
            + "print(platform.machine())\n"
            + "print(sys.platform)\n"
            + "print(' '.join(platform.libc_ver()))\n";

    /**
     * The interpreter {@code settings} name (a path, or a bare name such as {@code python3.12}
     * looked up on the PATH), else {@code python3} on the PATH.
     */
    static Optional<Path> locate(BuildSettings settings) {
        Optional<Path> given = settings.python();
        if (given.isPresent() && given.get().getParent() != null) {
            Path path = given.get();
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String wanted = given.map(Path::toString).orElse("python3");
        for (String dir : settings.path().split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : List.of(wanted, wanted + ".exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The host from the probe's output.
     *
     * @throws IllegalArgumentException when the output is not what the probe prints, or the
     *     platform is one relock cannot name
     */
    static HostPython parse(Path executable, List<String> probe) {
        if (probe.size() < 4) {
            throw new IllegalArgumentException("unexpected output " + probe);
        }
        PythonVersion version = PythonVersion.parse(probe.get(0).strip());
        String machine = probe.get(1).strip().toLowerCase(Locale.ROOT);
        machine = machine.equals("amd64") ? "x86_64" : machine.equals("arm64") ? "aarch64" : machine;
        String os = probe.get(2).strip();
        String[] libc = probe.get(3).strip().split(" ");
        String platform;
        if (os.startsWith("linux")) {
            platform = libc.length == 2 && libc[0].equals("glibc")
                    ? machine + "-manylinux_" + libc[1].replace('.', '_') : machine + "-unknown-linux-musl";
        } else if (os.equals("darwin")) {
            platform = machine + "-apple-darwin";
        } else if (os.equals("win32")) {
            platform = machine + "-pc-windows-msvc";
        } else {
            throw new IllegalArgumentException("unsupported platform " + os);
        }
        return new HostPython(executable, new Target(version, TargetPlatform.parse(platform)));
    }
}
