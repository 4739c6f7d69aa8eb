package dev.relock.tags;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name table behind {@link TargetPlatform#parse(String)}. */
final class PlatformNames {
    static final String ACCEPTED = "linux, windows, macos, "
            + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, "
            + "x86_64-unknown-linux-musl, aarch64-unknown-linux-musl, "
            + "x86_64-apple-darwin, aarch64-apple-darwin, "
            + "x86_64-pc-windows-msvc, aarch64-pc-windows-msvc, i686-pc-windows-msvc, "
            + "x86_64-manylinux2014, aarch64-manylinux2014, x86_64-manylinux2010, x86_64-manylinux1, "
            + "<arch>-manylinux_2_<N> (x86_64: N >= 5, aarch64: N >= 17), "
            + "<arch>-musllinux_1_<N>, <arch>-macosx_<major>_<minor> (arch x86_64 or aarch64)";

    private static final Pattern VERSIONED =
            Pattern.compile("(x86_64|aarch64|arm64)-(manylinux|musllinux|macosx)_(\\d{1,3})_(\\d{1,3})");

    private PlatformNames() {
    }

    static TargetPlatform parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        TargetPlatform.Arch x64 = TargetPlatform.Arch.X86_64;
        TargetPlatform.Arch arm = TargetPlatform.Arch.AARCH64;
        switch (key) {
            case "linux", "x86_64-unknown-linux-gnu", "x86_64-manylinux2014":
                return TargetPlatform.DEFAULT;
            case "aarch64-unknown-linux-gnu", "aarch64-manylinux2014":
                return new TargetPlatform.Manylinux(arm, 2, 17);
            case "x86_64-manylinux2010":
                return new TargetPlatform.Manylinux(x64, 2, 12);
            case "x86_64-manylinux1":
                return new TargetPlatform.Manylinux(x64, 2, 5);
            case "x86_64-unknown-linux-musl":
                return new TargetPlatform.Musllinux(x64, 1, 2);
            case "aarch64-unknown-linux-musl":
                return new TargetPlatform.Musllinux(arm, 1, 2);
            case "macos", "aarch64-apple-darwin":
                return new TargetPlatform.MacOs(arm, 13, 0);
            case "x86_64-apple-darwin":
                return new TargetPlatform.MacOs(x64, 13, 0);
            case "windows", "x86_64-pc-windows-msvc":
                return new TargetPlatform.Windows(x64);
            case "aarch64-pc-windows-msvc":
                return new TargetPlatform.Windows(arm);
            case "i686-pc-windows-msvc":
                return new TargetPlatform.Windows(TargetPlatform.Arch.I686);
            default:
                return parseVersioned(name, key);
        }
    }

    private static TargetPlatform parseVersioned(String name, String key) {
        Matcher m = VERSIONED.matcher(key);
        if (!m.matches()) {
            throw unknown(name, "unknown target platform '" + name.trim() + "'");
        }
        TargetPlatform.Arch arch = m.group(1).equals("x86_64") ? TargetPlatform.Arch.X86_64 : TargetPlatform.Arch.AARCH64;
        int major = Integer.parseInt(m.group(3));
        int minor = Integer.parseInt(m.group(4));
        try {
            return switch (m.group(2)) {
                case "manylinux" -> new TargetPlatform.Manylinux(arch, major, minor);
                case "musllinux" -> new TargetPlatform.Musllinux(arch, major, minor);
                default -> new TargetPlatform.MacOs(arch, major, minor);
            };
        } catch (IllegalArgumentException e) {
            throw unknown(name, "unsupported target platform '" + name.trim() + "': " + e.getMessage());
        }
    }

    private static TagParseException unknown(String name, String message) {
        return new TagParseException(name, message + "; accepted names: " + ACCEPTED);
    }
}
