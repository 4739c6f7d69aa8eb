package dev.relock.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * The operating system, C library and CPU a lock is made for; never the machine relock runs on.
 *
 * <p>Four kinds: {@link Manylinux} (glibc Linux), {@link Musllinux} (musl Linux), {@link MacOs} and
 * {@link Windows}. {@link #parse(String)} accepts uv's {@code --python-platform} names plus a
 * few explicit-version forms. Defaults, all following uv:
 * <ul>
 *   <li>{@code linux} and {@code <arch>-unknown-linux-gnu}: glibc 2.17 ({@code manylinux2014}),
 *       the {@link #DEFAULT} being {@code x86_64};
 *   <li>{@code <arch>-unknown-linux-musl}: musl 1.2;
 *   <li>{@code macos}, {@code aarch64-apple-darwin} and {@code x86_64-apple-darwin}: macOS 13.0,
 *       the oldest macOS release still supported by Apple when uv chose it ({@code macos} is arm64);
 *   <li>{@code windows}: {@code x86_64-pc-windows-msvc}.
 * </ul>
 */
public sealed interface TargetPlatform
        permits TargetPlatform.Linux, TargetPlatform.MacOs, TargetPlatform.Windows {

    /** {@code x86_64-unknown-linux-gnu}: x86_64 Linux with glibc 2.17 (uv's default for Linux). */
    TargetPlatform DEFAULT = new Manylinux(Arch.X86_64, 2, 17);

    /** A CPU architecture. */
    enum Arch {
        /** 64-bit x86 (amd64). */
        X86_64("x86_64"),
        /** 64-bit ARM (arm64). */
        AARCH64("aarch64"),
        /** 32-bit x86; Windows only. */
        I686("i686");

        private final String tripleName;

        Arch(String tripleName) {
            this.tripleName = tripleName;
        }

        /** The name used in target triples and Linux tags: {@code x86_64}, {@code aarch64}, {@code i686}. */
        public String tripleName() {
            return tripleName;
        }
    }

    /** The CPU architecture. */
    Arch arch();

    /** The canonical name, which {@link #parse(String)} maps back to an equal platform. */
    String name();

    /**
     * The PEP 425 platform tags this platform can install, best first, in the order
     * {@code packaging.tags.platform_tags()} yields them on such a machine.
     */
    List<String> platformTags();

    /** The {@code os_name} marker value. */
    String osName();

    /** The {@code sys_platform} marker value. */
    String sysPlatform();

    /** The {@code platform_system} marker value. */
    String platformSystem();

    /** The {@code platform_machine} marker value. */
    String platformMachine();

    /**
     * Parses a platform name; case-insensitive, surrounding blanks ignored.
     *
     * @throws TagParseException (BAD_INPUT) for unknown names, listing the accepted ones
     */
    static TargetPlatform parse(String name) {
        return PlatformNames.parse(name);
    }

    /** A human-readable list of the accepted names, for help texts and error messages. */
    static String acceptedNames() {
        return PlatformNames.ACCEPTED;
    }

    /** Linux, with glibc or musl: the marker values are the same for both. */
    sealed interface Linux extends TargetPlatform permits Manylinux, Musllinux {
        @Override
        default String osName() {
            return "posix";
        }

        @Override
        default String sysPlatform() {
            return "linux";
        }

        @Override
        default String platformSystem() {
            return "Linux";
        }

        @Override
        default String platformMachine() {
            return arch().tripleName();
        }
    }

    /**
     * Linux with glibc {@code glibcMajor.glibcMinor} (PEP 600). x86_64 supports glibc 2.5 and later,
     * aarch64 glibc 2.17 and later; only glibc major version 2 exists.
     */
    record Manylinux(Arch arch, int glibcMajor, int glibcMinor) implements Linux {
        /** Validates the architecture and glibc version. */
        public Manylinux {
            if (arch == Arch.I686) {
                throw new IllegalArgumentException("i686 Linux targets are not supported");
            }
            if (glibcMajor != 2 || glibcMinor < minimumGlibcMinor(arch)) {
                throw new IllegalArgumentException("glibc " + glibcMajor + "." + glibcMinor
                        + " is not supported for " + arch.tripleName() + " (need 2."
                        + minimumGlibcMinor(arch) + " or later)");
            }
        }

        static int minimumGlibcMinor(Arch arch) {
            return arch == Arch.X86_64 ? 5 : 17;
        }

        @Override
        public String name() {
            return arch.tripleName() + "-manylinux_" + glibcMajor + "_" + glibcMinor;
        }

        @Override
        public List<String> platformTags() {
            String a = arch.tripleName();
            List<String> tags = new ArrayList<>();
            for (int minor = glibcMinor; minor >= minimumGlibcMinor(arch); minor--) {
                tags.add("manylinux_" + glibcMajor + "_" + minor + "_" + a);
                String legacy = switch (minor) {
                    case 17 -> "manylinux2014";
                    case 12 -> "manylinux2010";
                    case 5 -> "manylinux1";
                    default -> "";
                };
                if (!legacy.isEmpty()) {
                    tags.add(legacy + "_" + a);
                }
            }
            tags.add("linux_" + a);
            return List.copyOf(tags);
        }

    }

    /** Linux with musl libc {@code muslMajor.muslMinor} (PEP 656); only musl 1.x exists. */
    record Musllinux(Arch arch, int muslMajor, int muslMinor) implements Linux {
        /** Validates the architecture and musl version. */
        public Musllinux {
            if (arch == Arch.I686) {
                throw new IllegalArgumentException("i686 Linux targets are not supported");
            }
            if (muslMajor != 1 || muslMinor < 0) {
                throw new IllegalArgumentException("musl " + muslMajor + "." + muslMinor + " is not supported");
            }
        }

        @Override
        public String name() {
            return arch.tripleName() + "-musllinux_" + muslMajor + "_" + muslMinor;
        }

        @Override
        public List<String> platformTags() {
            List<String> tags = new ArrayList<>();
            for (int minor = muslMinor; minor >= 0; minor--) {
                tags.add("musllinux_" + muslMajor + "_" + minor + "_" + arch.tripleName());
            }
            tags.add("linux_" + arch.tripleName());
            return List.copyOf(tags);
        }

    }

    /**
     * macOS {@code major.minor} as the oldest release the lock must work on. x86_64 accepts 10.4 to
     * 10.16 and 11.0 or later; arm64 (aarch64) exists from 11.0. As in {@code packaging}, releases
     * from 11 on are matched by major version only ({@code macosx_12_0}, not {@code macosx_12_3}).
     */
    record MacOs(Arch arch, int major, int minor) implements TargetPlatform {
        /** Validates the architecture and version. */
        public MacOs {
            if (arch == Arch.I686) {
                throw new IllegalArgumentException("i686 macOS targets are not supported");
            }
            boolean valid = major >= 11 ? minor >= 0
                    : major == 10 && arch == Arch.X86_64 && minor >= 4 && minor <= 16;
            if (!valid) {
                throw new IllegalArgumentException("macOS " + major + "." + minor
                        + " is not supported for " + arch.tripleName()
                        + (arch == Arch.X86_64 ? " (need 10.4 to 10.16, or 11.0 or later)" : " (need 11.0 or later)"));
            }
        }

        /** The architecture as macOS tags and {@code platform_machine} spell it: {@code arm64} or {@code x86_64}. */
        public String macArch() {
            return arch == Arch.AARCH64 ? "arm64" : "x86_64";
        }

        @Override
        public String name() {
            return arch.tripleName() + "-macosx_" + major + "_" + minor;
        }

        @Override
        public List<String> platformTags() {
            List<String> tags = new ArrayList<>();
            if (major == 10) {
                for (int m = minor; m >= 4; m--) {
                    addFormats(tags, 10, m);
                }
                return List.copyOf(tags);
            }
            for (int m = major; m >= 11; m--) {
                addFormats(tags, m, 0);
            }
            for (int m = 16; m >= 4; m--) {
                if (arch == Arch.X86_64) {
                    addFormats(tags, 10, m);
                } else {
                    tags.add("macosx_10_" + m + "_universal2");
                }
            }
            return List.copyOf(tags);
        }

        private void addFormats(List<String> tags, int major, int minor) {
            String prefix = "macosx_" + major + "_" + minor + "_";
            List<String> formats = arch == Arch.X86_64
                    ? List.of("x86_64", "intel", "fat64", "fat32", "universal2", "universal")
                    : List.of("arm64", "universal2");
            for (String format : formats) {
                tags.add(prefix + format);
            }
        }

        @Override
        public String osName() {
            return "posix";
        }

        @Override
        public String sysPlatform() {
            return "darwin";
        }

        @Override
        public String platformSystem() {
            return "Darwin";
        }

        @Override
        public String platformMachine() {
            return macArch();
        }
    }

    /** Windows on x86_64 ({@code win_amd64}), aarch64 ({@code win_arm64}) or i686 ({@code win32}). */
    record Windows(Arch arch) implements TargetPlatform {
        @Override
        public String name() {
            return arch.tripleName() + "-pc-windows-msvc";
        }

        @Override
        public List<String> platformTags() {
            return List.of(switch (arch) {
                case X86_64 -> "win_amd64";
                case AARCH64 -> "win_arm64";
                case I686 -> "win32";
            });
        }

        @Override
        public String osName() {
            return "nt";
        }

        @Override
        public String sysPlatform() {
            return "win32";
        }

        @Override
        public String platformSystem() {
            return "Windows";
        }

        @Override
        public String platformMachine() {
            return switch (arch) {
                case X86_64 -> "AMD64";
                case AARCH64 -> "ARM64";
                case I686 -> "x86";
            };
        }
    }
}
