package dev.census.registry;

import dev.census.protocol.InvalidReportException;
import dev.census.protocol.MetricValue;
import dev.census.protocol.WireRules;

/** How a metric's values are validated and summarized. */
public enum MetricType {
    /**
     * A non-negative whole number (workers, users), by default at most 10^9; summarized as statistics
     * and a power-of-two histogram.
     */
    COUNT,
    /**
     * A number (memory in MiB, ratios), by default within ±10^12; summarized as statistics and a
     * power-of-two histogram.
     */
    GAUGE,
    /** One of the registry's allowed strings; summarized as counts per value. */
    ENUM,
    /** true or false; summarized as counts per value. */
    BOOLEAN,
    /** A version string (PostgreSQL 15.4); summarized like component versions, per X.Y and per X.Y.Z. */
    VERSION;

    /** Whether the metric is summarized with mean, percentiles and a histogram. */
    public boolean numeric() {
        return this == COUNT || this == GAUGE;
    }

    /** The range a metric of this type takes when its file declares none; {@code null} for a type that is not numeric. */
    public ValueRange defaultRange() {
        return switch (this) {
            case COUNT -> ValueRange.COUNT_DEFAULT;
            case GAUGE -> ValueRange.GAUGE_DEFAULT;
            case ENUM, BOOLEAN, VERSION -> null;
        };
    }

    /** The lowercase name used in registry files and the API. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a registry type name; {@code null} when unknown. */
    public static MetricType fromWire(String name) {
        return WireNames.parse(values(), name);
    }

    /** Null when the value fits this type, otherwise why it does not. */
    String mismatch(MetricValue value) {
        return switch (this) {
            case COUNT -> value instanceof MetricValue.NumberValue n && n.value() >= 0 && n.value() == Math.rint(n.value())
                    ? null : "expected a non-negative whole number";
            case GAUGE -> value instanceof MetricValue.NumberValue ? null : "expected a number";
            case BOOLEAN -> value instanceof MetricValue.BooleanValue ? null : "expected true or false";
            case ENUM -> value instanceof MetricValue.TextValue ? null : "expected a string";
            case VERSION -> value instanceof MetricValue.TextValue text && isVersion(text.value())
                    ? null : "expected a version string";
        };
    }

    private static boolean isVersion(String text) {
        try {
            WireRules.requireVersion(text, "metrics");
            return true;
        } catch (InvalidReportException e) {
            return false;
        }
    }
}
