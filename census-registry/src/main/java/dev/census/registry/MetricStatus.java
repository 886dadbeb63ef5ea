package dev.census.registry;

/** Where a metric stands in the review process; only approved metrics are collected. */
public enum MetricStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    RETIRED;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a registry status name; {@code null} when unknown. */
    public static MetricStatus fromWire(String name) {
        return WireNames.parse(values(), name);
    }
}
