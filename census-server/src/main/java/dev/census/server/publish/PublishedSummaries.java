package dev.census.server.publish;

import dev.census.registry.ProductDefinition;
import dev.census.server.store.SummaryStore;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import dev.census.server.vocabulary.PublishedMetric;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read model the API and the pages both serve: a product's published rows page by page, its
 * chart-ready series from the days kept in memory, the stamp that says when they last changed, and
 * the ranges requests may ask for — over one store and one clock.
 */
public final class PublishedSummaries {

    private final SummaryStore store;
    private final SeriesReader series;
    private final Clock clock;

    public PublishedSummaries(SummaryStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.series = new SeriesReader(store);
    }

    /** The clock that dates requests: default ranges end yesterday, and no day beyond the {@link DayWindow}. */
    public Clock clock() {
        return clock;
    }

    /** The range of these parameters (each may be null or blank for its default); see {@link SummaryRange#parse}. */
    public SummaryRange range(String from, String to, String channel) {
        return SummaryRange.parse(from, to, channel, clock);
    }

    /**
     * The range of these parameters for one product: as {@link #range(String, String, String)}, except
     * that once today is summarized provisionally the default range ends today instead of yesterday,
     * so a new product's first reports show within minutes.
     */
    public SummaryRange range(String product, String from, String to, String channel) {
        LocalDate today = LocalDate.now(clock);
        boolean defaultTo = to == null || to.isBlank();
        return range(from, defaultTo && provisionalDays(product).contains(today) ? today.toString() : to, channel);
    }

    /** The days of the product whose summary is provisional: summarized before they closed, replaced by the nightly run. */
    public Set<LocalDate> provisionalDays(String product) {
        return series.provisionalDays(product);
    }

    /** Changes whenever a day of the product's summaries is written. */
    public String stamp(String product) {
        return store.summaryStamp(product);
    }

    /** One page of published rows, read from the store. */
    public List<SummaryRow> rows(SummaryQuery query) {
        return store.readSummaries(query);
    }

    /** One metric's series over the range. */
    public Series series(String product, String metric, SummaryRange range) {
        return series.read(product, metric, range);
    }

    /** Every published metric's series over the range, by name; see {@link SeriesReader#readAll}. */
    public Map<String, Series> allSeries(String product, SummaryRange range, Predicate<String> withValues) {
        return series.readAll(product, range, withValues);
    }

    /**
     * The fleet on the product's latest summarized day up to today, on the channel; a glance with no
     * day when nothing is summarized yet.
     */
    public FleetToday today(ProductDefinition product, String channel) {
        LocalDate day = series.latestSummarized(product.name(), LocalDate.now(clock));
        if (day == null) {
            return FleetToday.none(product.name(), channel);
        }
        SummaryRange range = new SummaryRange(day.minusDays(FleetToday.COMPARED_DAYS), day, channel);
        return FleetToday.of(product, channel, day, series.readAll(product.name(), range, metric -> !PublishedMetric.parse(metric).isXyz()));
    }

    /** Reads the product's published days of the range into memory ahead of the first request that needs them. */
    public void prefetch(String product, SummaryRange range) {
        series.prefetch(product, range);
    }
}
