package dev.relock.testing.index;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fault armed for the next {@code times} requests whose path fully matches a regular expression.
 * Returned by {@link LocalIndexServer#injectFault} so tests can check how often it fired.
 */
public final class FaultRule {
    private final Pattern path;
    private final Fault fault;
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();

    FaultRule(Pattern path, Fault fault, int times) {
        if (times <= 0) {
            throw new IllegalArgumentException("a fault must fire at least once: " + times);
        }
        this.path = path;
        this.fault = fault;
        this.remaining = new AtomicInteger(times);
    }

    public Fault fault() {
        return fault;
    }

    /** How many more requests this rule will hit. */
    public int remaining() {
        return remaining.get();
    }

    /** How many requests it has hit so far. */
    public int fired() {
        return fired.get();
    }

    /** Consumes one shot if the path matches and shots are left. */
    boolean tryFire(String requestPath) {
        if (!path.matcher(requestPath).matches()) {
            return false;
        }
        int left = remaining.getAndUpdate(n -> Math.max(0, n - 1));
        if (left <= 0) {
            return false;
        }
        fired.incrementAndGet();
        return true;
    }
}
