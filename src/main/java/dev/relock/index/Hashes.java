package dev.relock.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
