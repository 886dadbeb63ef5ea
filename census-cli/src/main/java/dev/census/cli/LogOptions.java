package dev.census.cli;

import dev.census.cli.logging.Logging;
import picocli.CommandLine.Option;

/** How the server logs: its level and its format; each also reads a CENSUS_LOG_* environment variable. */
final class LogOptions {

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:CENSUS_LOG_LEVEL:-info}",
            description = "trace, debug, info, warn, error or off, for Census's own lines; other libraries log warnings "
                    + "and errors only (CENSUS_LOG_LEVEL, default ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:CENSUS_LOG_FORMAT:-text}",
            description = "One text line or one JSON object per log line, on standard error (CENSUS_LOG_FORMAT, default ${DEFAULT-VALUE}).")
    String format;

    /** Configures logging as chosen; a bad value is refused naming its option. */
    void apply() {
        Logging.configure(Logging.level(level), Logging.Format.parse(format));
    }
}
