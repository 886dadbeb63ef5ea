package dev.census.server.vocabulary;

import java.util.Optional;

/** What a published number is: a bucket's count of systems, or a statistic of a numeric metric. */
public enum RowKind implements WireName {
    BUCKET,
    STAT;

    /** The kind published as {@code wire}; empty when it names none. */
    public static Optional<RowKind> parse(String wire) {
        return WireName.parse(RowKind.class, wire);
    }
}
