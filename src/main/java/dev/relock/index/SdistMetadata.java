package dev.relock.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an sdist's PKG-INFO can be trusted for dependencies (PEP 643): only from
 * Metadata-Version 2.2 on, and only if neither Requires-Dist nor Requires-Python is
 * {@code Dynamic}. Older PKG-INFO files routinely omit dependencies the build would add.
 */
final class SdistMetadata {
    private SdistMetadata() {}

    static void requireStatic(byte[] pkgInfo, String filename) {
        String version = "";
        List<String> dynamic = new ArrayList<>();
        for (String line : new String(pkgInfo, StandardCharsets.UTF_8).split("\\R")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("metadata-version")) {
                version = value;
            } else if (field.equals("dynamic")) {
                dynamic.add(value.toLowerCase(Locale.ROOT));
            }
        }
        if (!atLeast22(version)) {
            throw new MetadataUnavailableException(filename + ": its PKG-INFO has Metadata-Version "
                    + (version.isEmpty() ? "(none)" : version) + ", older than 2.2, so its dependencies are only"
                    + " known after a build, which relock does not do; the package needs a build to learn its"
                    + " dependencies (use a release with a wheel)");
        }
        for (String field : List.of("requires-dist", "requires-python")) {
            if (dynamic.contains(field)) {
                throw new MetadataUnavailableException(filename + ": its PKG-INFO marks " + field
                        + " as Dynamic, so the package needs a build to learn its dependencies, which relock does"
                        + " not do (use a release with a wheel)");
            }
        }
    }

    private static boolean atLeast22(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 2 || (major == 2 && minor >= 2);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
