package dev.census.sdk;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** The SDK's logging: through {@link System.Logger}, with repeated warnings of one kind throttled. */
final class QuietLog {

    /** A warning of one kind (one collector, one store problem) is logged at most this often. */
    static final Duration REPEAT_INTERVAL = Duration.ofHours(6);

    private final System.Logger logger = System.getLogger("dev.census.sdk");
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastWarned = new ConcurrentHashMap<>();

    QuietLog(Clock clock) {
        this.clock = clock;
    }

    void info(String message) {
        logger.log(Level.INFO, message);
    }

    void debug(String message) {
        logger.log(Level.DEBUG, message);
    }

    void warn(String message) {
        logger.log(Level.WARNING, message);
    }

    void warn(String message, Throwable cause) {
        logger.log(Level.WARNING, message, cause);
    }

    /** Logs a warning unless one of the same kind was logged within {@link #REPEAT_INTERVAL}. */
    void warnThrottled(String kind, String message) {
        Instant now = clock.instant();
        Instant previous = lastWarned.get(kind);
        if (previous == null || !now.isBefore(previous.plus(REPEAT_INTERVAL))) {
            lastWarned.put(kind, now);
            logger.log(Level.WARNING, message);
        } else {
            logger.log(Level.DEBUG, message);
        }
    }
}
