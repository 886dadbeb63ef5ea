package dev.census.server.api;

import dev.census.server.store.ReportStore;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published rows of whole days, kept in memory per product and channel: a day's summary never
 * changes once written, so each day is read from the store once, until the product's summary stamp
 * changes (a new day, or a recomputed one) and everything is read afresh.
 */
final class SummaryDays {

    /** Rows read per store query when filling the cache. */
    private static final int PAGE = 200_000;
    /** Days kept per product and channel at most: the widest range one request may ask for. */
    private static final int MAX_DAYS = SummaryRange.MAX_DAYS;

    /** Per day, per metric, its rows in (kind, key) order. */
    private record Kept(String stamp, TreeMap<LocalDate, Map<String, List<SummaryRow>>> days) {
    }

    private final ReportStore store;
    private final Map<String, Kept> kept = new HashMap<>();
    /** Per product: the stamp and the summarized days it was read with. */
    private final Map<String, Map.Entry<String, Set<LocalDate>>> summarized = new HashMap<>();

    SummaryDays(ReportStore store) {
        this.store = store;
    }

    /** The days of the product whose summary is written, read again only when the stamp changes. */
    Set<LocalDate> summarizedDays(String product) {
        String stamp = store.summaryStamp(product);
        synchronized (summarized) {
            Map.Entry<String, Set<LocalDate>> known = summarized.get(product);
            if (stamp == null || known == null || !known.getKey().equals(stamp)) {
                known = Map.entry(String.valueOf(stamp), Set.copyOf(store.summarizedDays(product)));
                summarized.put(product, known);
            }
            return known.getValue();
        }
    }

    /** Every published row of the product, channel and days, per metric in (day, kind, key) order; metrics sorted by name. */
    Map<String, List<SummaryRow>> byMetric(String product, String channel, LocalDate from, LocalDate to) {
        Map<String, List<SummaryRow>> byMetric = new HashMap<>();
        for (Map<String, List<SummaryRow>> day : days(product, channel, from, to)) {
            day.forEach((metric, rows) -> byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).addAll(rows));
        }
        return new TreeMap<>(byMetric);
    }

    /** The published rows of one metric, in (day, kind, key) order. */
    List<SummaryRow> rows(String product, String channel, String metric, LocalDate from, LocalDate to) {
        List<SummaryRow> rows = new ArrayList<>();
        for (Map<String, List<SummaryRow>> day : days(product, channel, from, to)) {
            rows.addAll(day.getOrDefault(metric, List.of()));
        }
        return rows;
    }

    private List<Map<String, List<SummaryRow>>> days(String product, String channel, LocalDate from, LocalDate to) {
        String stamp = store.summaryStamp(product);
        if (stamp == null) {
            TreeMap<LocalDate, Map<String, List<SummaryRow>>> read = new TreeMap<>();
            fill(read, product, channel, from, to);
            return new ArrayList<>(read.values());
        }
        Kept days;
        synchronized (kept) {
            days = kept.get(product + "\n" + channel);
            if (days == null || !days.stamp().equals(stamp)) {
                days = new Kept(stamp, new TreeMap<>());
                kept.put(product + "\n" + channel, days);
            }
        }
        synchronized (days) {
            LocalDate firstMissing = null;
            LocalDate lastMissing = null;
            int missing = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (!days.days().containsKey(day)) {
                    firstMissing = firstMissing == null ? day : firstMissing;
                    lastMissing = day;
                    missing++;
                }
            }
            if (days.days().size() + missing > MAX_DAYS) {
                days.days().clear();
                firstMissing = from;
                lastMissing = to;
            }
            if (firstMissing != null) {
                fill(days.days(), product, channel, firstMissing, lastMissing);
            }
            return new ArrayList<>(days.days().subMap(from, true, to, true).values());
        }
    }

    private void fill(TreeMap<LocalDate, Map<String, List<SummaryRow>>> days, String product, String channel, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new HashMap<>());
        }
        for (SummaryRow row : read(product, channel, from, to)) {
            days.get(row.day()).computeIfAbsent(row.metric(), m -> new ArrayList<>()).add(row);
        }
    }

    private List<SummaryRow> read(String product, String channel, LocalDate from, LocalDate to) {
        List<SummaryRow> rows = new ArrayList<>();
        SummaryRow after = null;
        while (true) {
            List<SummaryRow> page = store.readSummaries(new SummaryQuery(product, channel, null, from, to, PAGE, after));
            rows.addAll(page);
            if (page.size() < PAGE) {
                return rows;
            }
            after = Objects.requireNonNull(page.get(page.size() - 1));
        }
    }
}
