package dev.relock.index;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Picks the strongest hash an index published and computes it. */
final class Hashes {
    /** Algorithms relock can verify, strongest first (names as PEP 503/691 spell them). */
    private static final List<String> PREFERENCE = List.of("sha512", "sha384", "sha256", "sha224", "sha1", "md5");

    private Hashes() {}

    /** A published hash to verify against. */
    record Expected(String algorithm, String hex) {
        MessageDigest newDigest() {
            return digest(algorithm);
        }

        /** Text for messages, e.g. {@code sha256=ab12…}. */
        @Override
        public String toString() {
            return algorithm + "=" + hex;
        }
    }

    /** sha256 when published (it is what lockfiles record), else the strongest supported one. */
    static Optional<Expected> choose(Map<String, String> published) {
        if (published.containsKey("sha256")) {
            return Optional.of(new Expected("sha256", published.get("sha256")));
        }
        return PREFERENCE.stream()
                .filter(published::containsKey)
                .findFirst()
                .map(alg -> new Expected(alg, published.get(alg)));
    }

    /** Hex digits of each algorithm relock knows. */
    private static final Map<String, Integer> HEX_LENGTH = Map.of(
            "sha512", 128, "sha384", 96, "sha256", 64, "sha224", 56, "sha1", 40, "md5", 32);

    /**
     * The published hashes that are well formed (hex digits, of the algorithm's length); the others
     * are left out with a warning naming the file and the page, as pip ignores a malformed hash.
     */
    static Map<String, String> wellFormed(Map<String, String> published, String filename, URI pageUrl, IndexLog log) {
        if (published.isEmpty()) {
            return published;
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : published.entrySet()) {
            String hex = e.getValue();
            Integer length = HEX_LENGTH.get(e.getKey());
            boolean ok = !hex.isEmpty() && hex.length() <= 256 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    && (length == null || hex.length() == length)
                    && e.getKey().chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
            if (ok) {
                out.put(e.getKey(), hex);
            } else {
                log.warn("ignoring a malformed " + (e.getKey().length() <= 16 && e.getKey().chars()
                        .allMatch(c -> c < 128 && Character.isLetterOrDigit(c)) ? e.getKey() + " " : "")
                        + "hash of " + printable(filename) + " on " + UrlRedaction.redact(pageUrl.toString()));
            }
        }
        return out;
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }

    static MessageDigest digest(String algorithm) {
        String javaName = switch (algorithm) {
            case "sha512" -> "SHA-512";
            case "sha384" -> "SHA-384";
            case "sha256" -> "SHA-256";
            case "sha224" -> "SHA-224";
            case "sha1" -> "SHA-1";
            case "md5" -> "MD5";
            default -> throw new IllegalArgumentException("unsupported hash " + algorithm);
        };
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform lacks " + javaName, e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
