package dev.relock.index;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The process's base OkHttp clients. Building an OkHttp client that may speak TLS loads the
 * platform's trust store and TLS context, a large part of a short run's start-up; clients derived
 * from this one with {@link OkHttpClient#newBuilder()} share that set-up and build in moments. A
 * run whose requests all go to http:// URLs (a local mirror, a test index) never needs it: the
 * {@link #cleartext()} base has no TLS at all.
 */
final class HttpClients {
    private static volatile OkHttpClient base;
    private static volatile OkHttpClient cleartext;

    private HttpClients() {}

    /** The base client, built on first use. */
    static OkHttpClient base() {
        OkHttpClient client = base;
        if (client == null) {
            synchronized (HttpClients.class) {
                client = base;
                if (client == null) {
                    client = new OkHttpClient.Builder().socketFactory(ConnectGate.INSTANCE).build();
                    base = client;
                }
            }
        }
        return client;
    }

    /** The base client for http:// URLs only; building it sets up no TLS. */
    static OkHttpClient cleartext() {
        OkHttpClient client = cleartext;
        if (client == null) {
            synchronized (HttpClients.class) {
                client = cleartext;
                if (client == null) {
                    client = new OkHttpClient.Builder()
                            .socketFactory(ConnectGate.INSTANCE)
                            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                            .build();
                    cleartext = client;
                }
            }
        }
        return client;
    }

    /**
     * Builds a base client on a background thread, so that a command's own start-up (argument
     * parsing, reading its input files), which keeps one core busy, pays for it with the idle one:
     * the TLS one when {@code tls}, else the plain-HTTP one (which loads OkHttp's classes, the
     * part both share). Any failure is left for the first real request to report.
     */
    static void prepareInBackground(boolean tls) {
        if (tls ? base != null : cleartext != null) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                if (tls) {
                    base();
                } else {
                    cleartext();
                }
            } catch (RuntimeException | LinkageError e) {
                // the first request builds the client again and reports what is wrong
            }
        }, "relock-http-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
