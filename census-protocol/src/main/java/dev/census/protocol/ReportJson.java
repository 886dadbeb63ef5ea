package dev.census.protocol;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a report as canonical Census JSON v1: fixed key order, metrics sorted by name, integral
 * numbers without a fraction. The same report always gives the same bytes, so a preview can be
 * compared with what was sent.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * Writes a report as Census JSON v1.
     *
     * @param report the report
     * @return the JSON text, keys in a fixed order
     */
    public static String write(Report report) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"schema\":").append(WireRules.SCHEMA);
        out.append(",\"product\":");
        string(out, report.product());
        out.append(",\"system_id\":");
        string(out, report.systemId().toString());
        out.append(",\"channel\":");
        string(out, report.channel().wireName());
        out.append(",\"sent_at\":");
        string(out, DateTimeFormatter.ISO_INSTANT.format(report.sentAt()));
        out.append(",\"components\":[");
        for (int i = 0; i < report.components().size(); i++) {
            Component component = report.components().get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":");
            string(out, component.name());
            out.append(",\"version\":");
            string(out, component.version());
            out.append('}');
        }
        out.append("],\"metrics\":{");
        boolean first = true;
        for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(out, metric.getKey());
            out.append(':');
            value(out, metric.getValue());
        }
        return out.append("}}").toString();
    }

    private static void value(StringBuilder out, MetricValue value) {
        if (value instanceof MetricValue.NumberValue number) {
            out.append(formatNumber(number.value()));
        } else if (value instanceof MetricValue.BooleanValue flag) {
            out.append(flag.value());
        } else {
            string(out, ((MetricValue.TextValue) value).value());
        }
    }

    /**
     * Formats a number as the wire format writes it.
     *
     * @param value the number
     * @return integral values as integers ({@code 4}, not {@code 4.0}); others in shortest round-trip form
     */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * Quotes a text as JSON: the one escaper of the wire format and the SDK.
     *
     * @param text the text
     * @return a JSON string literal of the text, quotes included
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        string(out, text);
        return out.toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
