package dev.census.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where reports, the permanent first/last-seen table and published summaries live. Every method is
 * one transaction; a failure throws {@link StoreUnavailableException} and changes nothing.
 */
public interface ReportStore extends AutoCloseable {

    /**
     * Appends reports in one transaction, all or nothing; when this returns they are durable. A batch
     * that failed leaves no row behind, and its ids are not given to another report.
     */
    void append(List<StoredReport> reports);

    /**
     * Throws {@link StoreUnavailableException} unless the store can commit now, as far as it can tell
     * cheaply: for readiness checks. After a failed commit it tries to heal and probes a write, at most
     * once a second; in between, that failure stands.
     */
    default void checkWritable() {
        countReports("");
    }

    /** Erases every raw report and the first/last-seen row of one system; returns the rows removed. */
    int deleteSystem(String product, UUID systemId);

    /** The earliest UTC day for which raw reports of this product are kept. */
    Optional<LocalDate> earliestRawDay(String product);

    /** Days of this product whose summary has been written, final or provisional. */
    Set<LocalDate> summarizedDays(String product);

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

    /** Replaces the published numbers of one product and day, and marks the day summarized (final). */
    default void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows) {
        replaceSummaries(product, day, rows, false);
    }

    /**
     * Replaces the published numbers of one product and day, and marks the day summarized: final, or
     * {@code provisional} (a day not closed yet, summarized so far), until it is written again.
     */
    void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional);

    /** Days of this product whose summary is provisional: written before the day closed (among {@link #summarizedDays}). */
    Set<LocalDate> provisionalDays(String product);

    /**
     * A short text that changes whenever this product's published summaries change (for caches and
     * ETags); {@code null} when the store cannot tell, and then nothing is cached.
     */
    default String summaryStamp(String product) {
        return null;
    }

    /**
     * Per summarized day of this product, a text that changes whenever that day's summary is
     * written again; {@code null} when the store cannot tell (then a change of the stamp is taken
     * to change every day).
     */
    default Map<LocalDate, String> summaryVersions(String product) {
        return null;
    }

    /** Published numbers in (day, metric, kind, key) order, after the query's cursor row. */
    List<SummaryRow> readSummaries(SummaryQuery query);

    /** Deletes raw reports of days before the cutoff; returns how many reports were deleted. */
    int deleteReportsBefore(LocalDate cutoff);

    /** Deletes reports that a later report of the same system and day superseded, for days before the given one. */
    int compactBefore(LocalDate day);

    /** Per metric name: the last UTC day a kept raw report carried it, and how many kept reports did. */
    Map<String, MetricUsage> metricUsage(String product);

    /** What the raw reports still kept say about one metric: for the data audit. */
    record MetricUsage(LocalDate lastDay, long reports) {
    }

    /**
     * Runs the work unless another caller — on any replica sharing this database — is running the
     * same job now; returns whether it ran. The daily jobs take this so they run on one replica at a time.
     */
    boolean runExclusive(String job, Runnable work);

    /** Where the data is, for the start-up log: a file path, or a database's host and name; never a credential. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Every product the store holds reports, systems or summaries of, in name order. */
    java.util.SortedSet<String> products();

    /** Counts raw report rows (superseded ones included): for statistics and tests. */
    long countReports(String product);

    @Override
    void close();
}
