package dev.relock.resolve;

import dev.relock.filename.WheelFilename;
import dev.relock.tags.Tag;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what a version's wheels need when none fits a target, e.g. "its wheels need manylinux_2_28,
 * the target is x86_64-manylinux_2_17". Only wheels built for the target's interpreter and ABI
 * ({@code cp311}, {@code abi3}, {@code py3}, ...) are looked at; when none is, the reason names the
 * interpreter tags instead.
 */
final class WheelMismatch {
    private static final int TAGS_SHOWN = 3;
    private static final Pattern VERSIONED = Pattern.compile("(manylinux|musllinux|macosx)_(\\d+)_(\\d+)_(\\w+)");
    private static final Map<String, int[]> LEGACY_MANYLINUX = Map.of(
            "manylinux1", new int[] {2, 5}, "manylinux2010", new int[] {2, 12}, "manylinux2014", new int[] {2, 17});
    private static final Map<Target, Set<String>> INTERPRETER_ABI = new ConcurrentHashMap<>();

    /**
     * Why {@code target} has no wheel among {@code wheels}.
     *
     * @param text the reason, naming the target's platform
     * @param platform whether a platform tag (not the interpreter or ABI) is what does not fit
     */
    record Reason(String text, boolean platform) {}

    private WheelMismatch() {
    }

    /** The reason for {@code target}, which can install none of {@code wheels} (not empty). */
    static Reason reason(List<WheelFilename> wheels, Target target) {
        Set<String> accepted = interpreterAbi(target);
        Set<String> platforms = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (WheelFilename w : wheels) {
            for (Tag t : w.tags()) {
                if (accepted.contains(t.interpreter() + "-" + t.abi())) {
                    platforms.add(t.platform());
                } else {
                    others.add(t.interpreter() + "-" + t.abi());
                }
            }
        }
        String where = ", the target is " + target.platform().name();
        if (platforms.isEmpty()) {
            return new Reason("its wheels are for " + shown(others) + ", not Python " + target.python()
                    + " (" + target.interpreterTag() + ")", false);
        }
        Optional<String> lowest = lowestNeeded(platforms, target.platform());
        if (lowest.isPresent()) {
            return new Reason("its wheels need " + lowest.get() + where, true);
        }
        return new Reason("its wheels are for " + shown(platforms) + where, true);
    }

    /** The lowest {@code manylinux_X_Y} / {@code musllinux_X_Y} / {@code macosx_X_Y} among {@code platforms} for the target's family and architecture. */
    private static Optional<String> lowestNeeded(Set<String> platforms, TargetPlatform platform) {
        String family;
        Set<String> archs;
        if (platform instanceof TargetPlatform.Manylinux m) {
            family = "manylinux";
            archs = Set.of(m.arch().tripleName());
        } else if (platform instanceof TargetPlatform.Musllinux m) {
            family = "musllinux";
            archs = Set.of(m.arch().tripleName());
        } else if (platform instanceof TargetPlatform.MacOs m) {
            family = "macosx";
            archs = m.arch() == TargetPlatform.Arch.AARCH64 ? Set.of("arm64", "universal2")
                    : Set.of("x86_64", "intel", "fat64", "fat32", "universal2", "universal");
        } else {
            return Optional.empty();
        }
        int[] best = null;
        for (String p : platforms) {
            int[] version = null;
            Matcher m = VERSIONED.matcher(p);
            if (m.matches() && m.group(1).equals(family) && archs.contains(m.group(4))) {
                try {
                    version = new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
                } catch (NumberFormatException tooLong) {
                    continue;
                }
            } else if (family.equals("manylinux")) {
                int underscore = p.indexOf('_');
                if (underscore > 0 && archs.contains(p.substring(underscore + 1))) {
                    version = LEGACY_MANYLINUX.get(p.substring(0, underscore));
                }
            }
            if (version != null && (best == null || version[0] < best[0]
                    || (version[0] == best[0] && version[1] < best[1]))) {
                best = version;
            }
        }
        return best == null ? Optional.empty() : Optional.of(family + "_" + best[0] + "_" + best[1]);
    }

    /** The {@code interpreter-abi} pairs {@code target} installs with some platform. */
    private static Set<String> interpreterAbi(Target target) {
        return INTERPRETER_ABI.computeIfAbsent(target, t -> t.compatibleTags().stream()
                .map(tag -> tag.interpreter() + "-" + tag.abi())
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static String shown(Set<String> items) {
        List<String> list = List.copyOf(items);
        String head = String.join(", ", list.subList(0, Math.min(TAGS_SHOWN, list.size())));
        return list.size() > TAGS_SHOWN ? head + " and " + (list.size() - TAGS_SHOWN) + " more" : head;
    }
}
