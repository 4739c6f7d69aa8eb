package dev.relock.testing.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol (version 0) at {@code /<owner>/<repo>.git}, served with JGit's
 * {@link UploadPack} and {@link ReceivePack} over the same bare repository the REST API writes to.
 *
 * <p>Authentication is GitHub's: HTTP basic with any user name and a token as password
 * ({@code x-access-token:<token>}). Anonymous clones of public repositories work; pushes need
 * {@code contents:write}.
 */
final class GitSmartHttp {
    private static final String UPLOAD = "git-upload-pack";
    private static final String RECEIVE = "git-receive-pack";

    private final FakeGitHub hub;

    GitSmartHttp(FakeGitHub hub) {
        this.hub = hub;
    }

    void handle(HttpExchange exchange, String owner, String name, String rest, Optional<TokenGrant> token,
            byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        String service;
        boolean advertise;
        if (method.equals("GET") && rest.equals("/info/refs")) {
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            service = query.contains("service=" + RECEIVE) ? RECEIVE : query.contains("service=" + UPLOAD) ? UPLOAD : "";
            advertise = true;
        } else if (method.equals("POST") && (rest.equals("/" + UPLOAD) || rest.equals("/" + RECEIVE))) {
            service = rest.substring(1);
            advertise = false;
        } else {
            service = "";
            advertise = false;
        }
        if (service.isEmpty()) {
            text(exchange, 404, "Not Found");
            return;
        }
        Optional<FakeRepository> repo = hub.findRepository(owner, name);
        boolean push = service.equals(RECEIVE);
        if (token.isEmpty() && (push || repo.map(r -> r.isPrivate).orElse(true))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitHub\"");
            text(exchange, 401, "Authentication required");
            return;
        }
        if (repo.isEmpty()) {
            text(exchange, 404, "Repository not found.");
            return;
        }
        if (push && !token.get().allows("contents", true)) {
            text(exchange, 403, "Permission to " + repo.get().fullName() + ".git denied to "
                    + token.get().user().login() + ".");
            return;
        }
        String suffix = advertise ? "-advertisement" : "-result";
        exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + suffix);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (advertise) {
                PacketLineOut packets = new PacketLineOut(out);
                packets.writeString("# service=" + service + "\n");
                packets.end();
                RefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(packets);
                if (push) {
                    receivePack(repo.get()).sendAdvertisedRefs(advertiser);
                } else {
                    uploadPack(repo.get()).sendAdvertisedRefs(advertiser);
                }
            } else {
                InputStream in = new java.io.ByteArrayInputStream(body);
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    in = new GZIPInputStream(in);
                }
                if (push) {
                    receivePack(repo.get()).receive(in, out, null);
                } else {
                    uploadPack(repo.get()).upload(in, out, null);
                }
            }
        }
    }

    private static UploadPack uploadPack(FakeRepository repo) {
        UploadPack pack = new UploadPack(repo.git());
        pack.setBiDirectionalPipe(false);
        return pack;
    }

    private static ReceivePack receivePack(FakeRepository repo) {
        ReceivePack pack = new ReceivePack(repo.git());
        pack.setBiDirectionalPipe(false);
        return pack;
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
