package dev.census.server.relay;

import java.time.Instant;
import java.time.LocalDate;

/** One report in the relay's queue: the exact bytes that leave, and how forwarding it went so far. */
public record QueuedReport(long reportId, String product, LocalDate day, Wire wire, byte[] body, State state,
        int attempts, Instant lastAttempt, String lastError, Instant nextAttempt) {

    /** Where a queued report stands. */
    public enum State {
        /** Waiting to be forwarded (again, after a failed attempt that will be retried). */
        QUEUED,
        /** The upstream took it (2xx). */
        FORWARDED,
        /** The upstream refused it (4xx other than 429); never retried. */
        REJECTED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State fromWire(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
