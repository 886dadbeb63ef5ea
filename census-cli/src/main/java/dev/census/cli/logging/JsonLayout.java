package dev.census.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;

/** One JSON object a line: {@code {"time":…,"level":…,"logger":…,"thread":…,"message":…}}, plus {@code "error"} with a stack trace. */
final class JsonLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(',');
        field(line, "level", event.getLevel().toString()).append(',');
        field(line, "logger", event.getLoggerName()).append(',');
        field(line, "thread", event.getThreadName()).append(',');
        field(line, "message", event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            field(line.append(','), "error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            return line.append("null");
        }
        return line.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }
}
