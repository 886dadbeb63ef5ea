package dev.census.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/** The published numbers: written by the daily summary, read by the API and the dashboard. */
public interface SummaryStore {

    /** Replaces the published numbers of one product and day, and marks the day summarized (final). */
    default void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows) {
        replaceSummaries(product, day, rows, false);
    }

    /**
     * Replaces the published numbers of one product and day, and marks the day summarized: final, or
     * {@code provisional} (a day not closed yet, summarized so far), until it is written again.
     */
    void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional);

    /** Days of this product whose summary has been written, final or provisional. */
    Set<LocalDate> summarizedDays(String product);

    /** Days of this product whose summary is provisional: written before the day closed (among {@link #summarizedDays}). */
    Set<LocalDate> provisionalDays(String product);

    /** A short text that changes whenever this product's published summaries change: for caches and ETags. */
    String summaryStamp(String product);

    /** Per summarized day of this product, a text that changes whenever that day's summary is written again. */
    Map<LocalDate, String> summaryVersions(String product);

    /** Published numbers in (day, metric, kind, key) order, after the query's cursor row. */
    List<SummaryRow> readSummaries(SummaryQuery query);

    /** Every product the store holds reports, systems or summaries of, in name order. */
    SortedSet<String> products();
}
