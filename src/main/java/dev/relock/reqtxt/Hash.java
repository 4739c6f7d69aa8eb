package dev.relock.reqtxt;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code --hash=ALGORITHM:HEXDIGEST} value. Only the algorithms pip accepts for
 * {@code --hash} (sha256, sha384, sha512) are allowed, and the digest must be hexadecimal of the
 * algorithm's length. The digest is kept as written (pip compares it with
 * lower-case digests, so an upper-case one never matches).
 */
public record Hash(String algorithm, String digest) implements Comparable<Hash> {

    private static final Map<String, Integer> DIGEST_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
        String problem = problem(algorithm, digest);
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses {@code ALGORITHM:HEXDIGEST}.
     *
     * @throws IllegalArgumentException with a one-line reason when the value is malformed
     */
    public static Hash parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "bad --hash value '" + value + "': expected ALGORITHM:HEXDIGEST, like sha256:<64 hex digits>");
        }
        return new Hash(value.substring(0, colon), value.substring(colon + 1));
    }

    private static String problem(String algorithm, String digest) {
        Integer length = DIGEST_LENGTHS.get(algorithm);
        if (length == null) {
            return "unsupported --hash algorithm '" + algorithm + "' (allowed: sha256, sha384, sha512)";
        }
        if (digest.length() != length || !digest.chars().allMatch(Hash::isHexDigit)) {
            return "bad --hash value '" + algorithm + ":" + digest + "': a " + algorithm + " digest is "
                    + length + " hexadecimal digits";
        }
        return "";
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public int compareTo(Hash other) {
        return toString().compareTo(other.toString());
    }

    /** {@code algorithm:digest}, as written after {@code --hash=}. */
    @Override
    public String toString() {
        return algorithm + ":" + digest;
    }
}
