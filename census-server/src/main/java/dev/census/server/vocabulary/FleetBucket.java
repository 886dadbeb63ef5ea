package dev.census.server.vocabulary;

import java.util.Optional;

/** The buckets of the fleet metric ({@link PublishedMetric#SYSTEMS}), in the order they are listed. */
public enum FleetBucket implements WireName {
    /** Systems that reported on the day. */
    ACTIVE_1D(1),
    /** Systems that reported on the day or the 6 before it. */
    ACTIVE_7D(7),
    /** Systems that reported on the day or the 27 before it. */
    ACTIVE_28D(28),
    /** Systems that reported for the first time on the day. */
    NEW(1);

    private final int days;

    FleetBucket(int days) {
        this.days = days;
    }

    /** What charts and pages call the bucket: "active today", "active in 7 days", "new". */
    public String label() {
        if (this == NEW) {
            return "new";
        }
        return days == 1 ? "active today" : "active in " + days + " days";
    }

    /** The days, ending on the summarized one, whose reports the bucket counts. */
    public int days() {
        return days;
    }

    /** The bucket published as {@code wire}; empty when it names none. */
    public static Optional<FleetBucket> parse(String wire) {
        return WireName.parse(FleetBucket.class, wire);
    }
}
