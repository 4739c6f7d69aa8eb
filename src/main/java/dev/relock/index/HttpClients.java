package dev.relock.index;

import okhttp3.OkHttpClient;

/**
 * The process's base OkHttp client. Building the first OkHttp client loads the platform's trust
 * store and TLS context, a large part of a short run's start-up; clients derived from this one
 * with {@link OkHttpClient#newBuilder()} share that set-up and build in moments.
 */
final class HttpClients {
    private static volatile OkHttpClient base;

    private HttpClients() {}

    /** The base client, built on first use. */
    static OkHttpClient base() {
        OkHttpClient client = base;
        if (client == null) {
            synchronized (HttpClients.class) {
                client = base;
                if (client == null) {
                    client = new OkHttpClient();
                    base = client;
                }
            }
        }
        return client;
    }

    /**
     * Builds the base client on a background thread, so that a command's own start-up (argument
     * parsing, reading its input files), which keeps one core busy, pays for it with the idle one.
     * Any failure is left for the first real request to report.
     */
    static void prepareInBackground() {
        if (base != null) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                base();
            } catch (RuntimeException | LinkageError e) {
                // the first request builds the client again and reports what is wrong
            }
        }, "relock-http-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
