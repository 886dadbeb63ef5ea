package dev.census.server.vocabulary;

import java.util.Optional;

/** The statistics published of a numeric metric, in their natural order: tables and series list them so. */
public enum Statistic implements WireName {
    MEAN,
    MIN,
    P50,
    P90,
    MAX;

    /** The statistic published as {@code wire}; empty when it names none. */
    public static Optional<Statistic> parse(String wire) {
        return WireName.parse(Statistic.class, wire);
    }
}
