package dev.relock.tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One PEP 425 compatibility tag: {@code interpreter-abi-platform}, e.g. {@code cp311-abi3-win_amd64}.
 *
 * <p>All three parts are stored lower-cased (tags compare case-insensitively). A single tag has no
 * dots; dotted parts are compressed tag sets, expanded by {@link #parseCompressed(String)}.
 */
public record Tag(String interpreter, String abi, String platform) {

    /** Validates and lower-cases the three parts; throws {@link TagParseException} for malformed parts. */
    public Tag {
        interpreter = checkPart(interpreter, "interpreter");
        abi = checkPart(abi, "ABI");
        platform = checkPart(platform, "platform");
    }

    /**
     * Expands a possibly compressed tag set such as {@code py2.py3-none-any} into its tags, in the
     * order interpreter × ABI × platform as written. A plain tag yields a one-element set.
     *
     * @throws TagParseException when there are not exactly three dash-separated parts, a dotted
     *     member is empty, or a member contains characters other than letters, digits and {@code _}
     */
    public static Set<Tag> parseCompressed(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new TagParseException(text, "invalid wheel tag '" + text
                    + "': expected interpreter-abi-platform (three parts separated by '-')");
        }
        List<List<String>> members = new ArrayList<>(3);
        int offset = 0;
        for (String part : parts) {
            List<String> dotted = new ArrayList<>();
            int memberOffset = offset;
            for (String member : part.split("\\.", -1)) {
                if (member.isEmpty() || !isTagText(member)) {
                    throw new TagParseException(text, memberOffset, member.length(),
                            "invalid wheel tag '" + text + "': "
                                    + (member.isEmpty() ? "empty member" : "bad member '" + member + "'"));
                }
                dotted.add(member);
                memberOffset += member.length() + 1;
            }
            members.add(dotted);
            offset += part.length() + 1;
        }
        Set<Tag> tags = new LinkedHashSet<>();
        for (String interpreter : members.get(0)) {
            for (String abi : members.get(1)) {
                for (String platform : members.get(2)) {
                    tags.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    /** The tag as written in wheel file names: {@code interpreter-abi-platform}. */
    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }

    private static String checkPart(String part, String what) {
        if (part == null || part.isEmpty() || !isTagText(part)) {
            String shown = part == null ? "" : part;
            throw new TagParseException(shown, "invalid " + what + " tag '" + shown
                    + "': only letters, digits and '_' are allowed");
        }
        return part.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isTagText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
