package dev.relock.index;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many of a client's workers do CPU work (parsing pages and metadata) at once. The
 * worker pool is sized for requests in flight, which mostly wait on the network; when answers come
 * from the cache instead, dozens of workers parsing at once would only crowd out the resolver's
 * thread on a small machine. Sections run through the gate must not block on I/O or on other work.
 */
final class CpuGate {
    private final Semaphore permits;

    CpuGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1");
        }
        this.permits = new Semaphore(permits);
    }

    /** A gate with one permit per available processor. */
    static CpuGate perProcessor() {
        return new CpuGate(Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code work} holding a permit. */
    <T> T run(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
