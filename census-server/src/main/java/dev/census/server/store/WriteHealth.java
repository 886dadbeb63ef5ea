package dev.census.server.store;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a store's last commit (or write probe) succeeded, and when a store that failed may next try
 * the expensive part of healing — reopening its database — so that a dead disk is not hammered.
 */
final class WriteHealth {

    /** Between two attempts to heal a failed store. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final LongSupplier nanoTime;
    private volatile StoreUnavailableException failure;
    private long nextRetry;

    WriteHealth(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextRetry = nanoTime.getAsLong();
    }

    void succeeded() {
        failure = null;
    }

    /** Records the failure and returns it, to be thrown. */
    StoreUnavailableException failed(StoreUnavailableException e) {
        failure = e;
        return e;
    }

    /** The last failure, or null while the last commit succeeded. */
    StoreUnavailableException failure() {
        return failure;
    }

    /** Whether a try to heal may run now (at most one per {@link #RETRY_INTERVAL}); if so, the next one waits. */
    synchronized boolean mayRetry() {
        long now = nanoTime.getAsLong();
        if (now - nextRetry < 0) {
            return false;
        }
        nextRetry = now + RETRY_INTERVAL.toNanos();
        return true;
    }
}
