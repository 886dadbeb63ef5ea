package dev.census.registry;

import java.util.Locale;

/** Where a metric stands in the review process; only approved metrics are collected. */
public enum MetricStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    RETIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a registry status name; {@code null} when unknown. */
    public static MetricStatus fromWire(String name) {
        for (MetricStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
