package dev.census.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SDK class's logging: a {@link System.Logger} named after that class, with repeated warnings of
 * one kind throttled. Being a {@code System.Logger} itself, it is skipped when the logging backend
 * looks for the calling class, so a line names the SDK class that wrote it, not this one.
 */
final class QuietLog implements System.Logger {

    /** A warning of one kind (one collector, one store problem) is logged at most this often. */
    static final Duration REPEAT_INTERVAL = Duration.ofHours(6);

    private final System.Logger logger;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastWarned = new ConcurrentHashMap<>();

    QuietLog(Class<?> owner, Clock clock) {
        this.logger = System.getLogger(owner.getName());
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

    @Override
    public String getName() {
        return logger.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return logger.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        logger.log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        logger.log(level, bundle, format, params);
    }
}
