package dev.relock.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads response bodies completely, turning a short read into a clear, retryable failure. */
final class Bodies {
    private Bodies() {}

    /** The whole body in memory; {@link HttpTransport.BadBodyException} if it breaks off. */
    static byte[] bytes(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(response, out, Optional.empty());
        return out.toByteArray();
    }

    /**
     * Streams the body into {@code target}, verifying {@code expected} on the way.
     *
     * @throws HttpTransport.BadBodyException if the body is short or its hash does not match
     */
    static void toFile(Response response, Path target, Optional<Hashes.Expected> expected) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            copy(response, out, expected);
        }
    }

    private static void copy(Response response, OutputStream out, Optional<Hashes.Expected> expected)
            throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        MessageDigest digest = expected.map(Hashes.Expected::newDigest).orElse(null);
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                received += n;
            }
        } catch (IOException e) {
            if (e instanceof HttpTransport.BadBodyException) {
                throw e;
            }
            throw new HttpTransport.BadBodyException("truncated response body: received " + received
                    + (declared >= 0 ? " of " + declared : "") + " bytes (" + HttpTransport.describe(e) + ")");
        }
        if (declared >= 0 && received != declared) {
            throw new HttpTransport.BadBodyException(
                    "truncated response body: received " + received + " of " + declared + " bytes");
        }
        if (digest != null) {
            String actual = Hashes.hex(digest.digest());
            if (!actual.equalsIgnoreCase(expected.get().hex())) {
                throw new HttpTransport.BadBodyException("hash mismatch: expected " + expected.get()
                        + ", got " + expected.get().algorithm() + "=" + actual);
            }
        }
    }
}
