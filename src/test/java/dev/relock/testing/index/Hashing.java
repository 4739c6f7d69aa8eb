package dev.relock.testing.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 in the two spellings packaging uses. */
final class Hashing {
    private Hashing() {}

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** The RECORD spelling: {@code sha256=} + URL-safe base64 without padding. */
    static String recordDigest(byte[] data) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
    }
}
