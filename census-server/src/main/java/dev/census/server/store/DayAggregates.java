package dev.census.server.store;

import java.util.List;

/**
 * What the database computed for one product and UTC day, from the latest report of each system:
 * per-channel counts (by family) and statistics, before thresholds and labels are applied.
 */
public record DayAggregates(List<Count> counts, List<Stats> stats) {

    public DayAggregates {
        counts = List.copyOf(counts);
        stats = List.copyOf(stats);
    }

    /** What a count is of. */
    public enum Family {
        /** name = a {@link dev.census.server.vocabulary.FleetBucket}'s wire name. */
        FLEET,
        /** key = days since first seen. */
        AGE,
        /** name = component, systems running it. */
        COMPONENT,
        /** name = component, key = X.Y. */
        COMPONENT_XY,
        /** name = component, key = X.Y.Z. */
        COMPONENT_XYZ,
        /** name = metric, key = power-of-two exponent (-1 for values below 1, -2 for negative values). */
        NUMBER_BUCKET,
        /** name = metric, key = the string or boolean value. */
        TEXT
    }

    /** Systems counted per channel, family, name and key. */
    public record Count(String channel, Family family, String name, String key, long systems) {
    }

    /**
     * Statistics of one numeric metric on one channel, computed over values clipped to
     * ±{@link dev.census.registry.ValueRange#LIMIT}; {@code clipped} says how many were
     * beyond it (stored before ranges were enforced, or written to the store directly).
     */
    public record Stats(String channel, String metric, long systems, double mean, double min, double p50, double p90, double max,
            long clipped) {

        /** Statistics of values none of which was clipped. */
        public Stats(String channel, String metric, long systems, double mean, double min, double p50, double p90, double max) {
            this(channel, metric, systems, mean, min, p50, p90, max, 0);
        }

        /** Whether every statistic is a finite number, as it is whenever the store clipped the values. */
        public boolean finite() {
            return Double.isFinite(mean) && Double.isFinite(min) && Double.isFinite(p50) && Double.isFinite(p90)
                    && Double.isFinite(max);
        }
    }
}
