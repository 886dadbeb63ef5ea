package dev.census.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, before any command line is read: {@code CENSUS_LOG_LEVEL} (default
 * info) and {@code CENSUS_LOG_FORMAT} (default text); a command's {@code --log-level} and
 * {@code --log-format} replace it.
 */
public final class EnvironmentConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.Format format;
        ch.qos.logback.classic.Level level;
        try {
            format = Logging.Format.parse(System.getenv().getOrDefault("CENSUS_LOG_FORMAT", "text"));
            level = Logging.level(System.getenv().getOrDefault("CENSUS_LOG_LEVEL", "info"));
        } catch (IllegalArgumentException e) {
            format = Logging.Format.TEXT; // the command's option parsing names the bad value
            level = ch.qos.logback.classic.Level.INFO;
        }
        Logging.configure(context, level, format);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
