package dev.relock.wheelhouse;

import dev.relock.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Hex digests of local files, computed in one pass for several algorithms. */
final class Digests {
    private Digests() {}

    /** The lower-case hex digest of {@code file} for each of {@code algorithms} ({@code --hash} names). */
    static Map<String, String> of(Path file, Set<String> algorithms) throws IOException {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        for (String algorithm : algorithms) {
            digests.put(algorithm, newDigest(algorithm));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (MessageDigest d : digests.values()) {
                    d.update(buffer, 0, n);
                }
            }
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algorithm, d) -> hex.put(algorithm, HexFormat.of().formatHex(d.digest())));
        return hex;
    }

    /** The lower-case hex SHA-256 of {@code file}. */
    static String sha256(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    private static MessageDigest newDigest(String algorithm) {
        String javaName = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("not a --hash algorithm: " + algorithm);
        };
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform lacks " + javaName, e);
        }
    }
}
