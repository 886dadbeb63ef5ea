package dev.census.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The census executable's logging: Census's own lines at the chosen level, other libraries'
 * (Jetty, Javalin, Flyway, HikariCP, DuckDB) only from WARN up, on standard error as text or as
 * one JSON object a line.
 */
public final class Logging {

    /** Census's loggers: the server's, the command line's and the SDK's. */
    static final String CENSUS = "dev.census";
    /** One text line: {@code 2026-03-10T12:00:00.123Z INFO  dev.census.server.CensusServer - message}. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC} %-5level %logger - %msg%n";

    /** How each line is written. */
    public enum Format {
        TEXT, JSON;

        /** {@code text} or {@code json}, in any case; anything else is refused naming the option. */
        public static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--log-format must be text or json (was " + text + ")", e);
            }
        }
    }

    private Logging() {
    }

    /** {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or {@code off}, in any case. */
    public static Level level(String text) {
        Level level = Level.toLevel(text.strip(), null);
        if (level == null || level == Level.ALL) {
            throw new IllegalArgumentException("--log-level must be trace, debug, info, warn, error or off (was " + text + ")");
        }
        return level;
    }

    /** Replaces the whole configuration: Census's loggers at {@code level}, everything else at WARN or above. */
    public static void configure(Level level, Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another backend was put on the class path: it keeps its own configuration
        }
        configure(context, level, format);
    }

    static void configure(LoggerContext context, Level level, Format format) {
        context.reset();
        Layout<ILoggingEvent> layout = format == Format.JSON ? new JsonLayout() : textLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
        context.getLogger(CENSUS).setLevel(level);
    }

    /** Sets one logger's level, e.g. to keep the loading servers of {@code census demo} quiet. */
    public static void setLevel(String logger, Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(logger).setLevel(level);
        }
    }

    private static PatternLayout textLayout() {
        PatternLayout layout = new PatternLayout();
        layout.setPattern(TEXT_PATTERN);
        return layout;
    }
}
