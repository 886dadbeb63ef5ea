package dev.census.server.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What the daily summary and the data audit read from raw reports: one day's aggregates, in SQL. */
public interface DayAggregator {

    /** The earliest UTC day for which raw reports of this product are kept. */
    Optional<LocalDate> earliestRawDay(String product);

    /** Folds the day's reporters into the first/last-seen table, then aggregates the day in SQL, over every system. */
    default DayAggregates aggregateDay(String product, LocalDate day) {
        return aggregateDay(product, day, false);
    }

    /**
     * As {@link #aggregateDay(String, LocalDate)}; with {@code persistentOnly}, components and metrics
     * count only persistent systems (first seen on an earlier day, by the permanent first/last-seen
     * table), while fleet counts and ages still count every system.
     */
    DayAggregates aggregateDay(String product, LocalDate day, boolean persistentOnly);

    /** Per metric name: the last UTC day a kept raw report carried it, and how many kept reports did. */
    Map<String, MetricUsage> metricUsage(String product);

    /** What the raw reports still kept say about one metric: for the data audit. */
    record MetricUsage(LocalDate lastDay, long reports) {
    }

    /** Counts raw report rows (superseded ones included): for statistics and tests. */
    long countReports(String product);
}
