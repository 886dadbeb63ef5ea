package dev.census.server.store;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a repeating storage failure without flooding the log: the first at WARN with its cause, then at
 * most one line a {@link #INTERVAL} counting the failures in between, and one line when it works again.
 */
public final class FailureLog {

    /** At most one line per this interval while failures repeat. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final String what;
    private final LongSupplier nanoTime;
    private boolean failing;
    private long lastLogged;
    private long firstFailure;
    private long unlogged;
    private long failures;

    /** {@code what} names the work that fails, e.g. "committing reports". */
    public FailureLog(Logger log, String what) {
        this(log, what, System::nanoTime);
    }

    FailureLog(Logger log, String what, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.nanoTime = nanoTime;
    }

    public synchronized void failed(String detail) {
        long now = nanoTime.getAsLong();
        failures++;
        if (!failing) {
            failing = true;
            firstFailure = now;
            lastLogged = now;
            unlogged = 0;
            log.warn("{} failed; answering 503 until storage works again: {}", what, detail);
        } else if (now - lastLogged >= INTERVAL.toNanos()) {
            log.warn("{} still fails ({} more failures since the last line): {}", what, unlogged + 1, detail);
            lastLogged = now;
            unlogged = 0;
        } else {
            unlogged++;
        }
    }

    public synchronized void succeeded() {
        if (failing) {
            long seconds = Duration.ofNanos(nanoTime.getAsLong() - firstFailure).toSeconds();
            log.info("{} works again, after {} failures over {} s", what, failures, seconds);
            failing = false;
            failures = 0;
        }
    }
}
