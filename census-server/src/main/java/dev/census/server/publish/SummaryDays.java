package dev.census.server.publish;

import dev.census.server.store.SummaryStore;
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
 * The published rows of whole days, kept in memory per product and channel. A day's summary never
 * changes once written, so each day is read from the store once; when the product's summary stamp
 * changes, only the days whose summary was written again (a recomputed day) are dropped, and the
 * days not held yet (a new one) are read.
 */
final class SummaryDays {

    /** Rows read per store query when filling the cache. */
    private static final int PAGE = 200_000;
    /** Days kept per product and channel at most: the widest range one request may ask for. */
    private static final int MAX_DAYS = SummaryRange.MAX_DAYS;

    /** What the store said of a product's summaries: its stamp and, per summarized day, its version. */
    private record Known(String stamp, Map<LocalDate, String> versions, Set<LocalDate> provisional) {
    }

    /** Whose days are held together. */
    private record ProductChannel(String product, String channel) {
    }

    /** The days held for a product and channel, the versions they were read at, and the stamp last checked. */
    private static final class Kept {
        String stamp = "";
        final Map<LocalDate, String> versions = new HashMap<>();
        final TreeMap<LocalDate, Map<String, List<SummaryRow>>> days = new TreeMap<>();
    }

    private final SummaryStore store;
    private final Map<String, Known> known = new HashMap<>();
    private final Map<ProductChannel, Kept> kept = new HashMap<>();

    SummaryDays(SummaryStore store) {
        this.store = store;
    }

    /** The days of the product whose summary is written. */
    Set<LocalDate> summarizedDays(String product) {
        return known(product).versions().keySet();
    }

    /** The days of the product whose summary is provisional (today so far). */
    Set<LocalDate> provisionalDays(String product) {
        return known(product).provisional();
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

    /** The product's stamp and day versions, read again only when the stamp changed. */
    private Known known(String product) {
        String stamp = store.summaryStamp(product);
        synchronized (known) {
            Known current = known.get(product);
            if (current == null || !current.stamp().equals(stamp)) {
                current = new Known(stamp, Map.copyOf(store.summaryVersions(product)), Set.copyOf(store.provisionalDays(product)));
                known.put(product, current);
            }
            return current;
        }
    }

    private List<Map<String, List<SummaryRow>>> days(String product, String channel, LocalDate from, LocalDate to) {
        Known current = known(product);
        Kept held;
        synchronized (kept) {
            held = kept.computeIfAbsent(new ProductChannel(product, channel), key -> new Kept());
        }
        synchronized (held) {
            if (!held.stamp.equals(current.stamp())) {
                held.days.keySet().removeIf(day -> !Objects.equals(held.versions.get(day), current.versions().get(day)));
                held.versions.keySet().retainAll(held.days.keySet());
                held.stamp = current.stamp();
            }
            LocalDate firstMissing = null;
            LocalDate lastMissing = null;
            int missing = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (!held.days.containsKey(day)) {
                    firstMissing = firstMissing == null ? day : firstMissing;
                    lastMissing = day;
                    missing++;
                }
            }
            if (held.days.size() + missing > MAX_DAYS) {
                held.days.clear();
                held.versions.clear();
                firstMissing = from;
                lastMissing = to;
            }
            if (firstMissing != null) {
                fill(held.days, product, channel, firstMissing, lastMissing);
                for (LocalDate day = firstMissing; !day.isAfter(lastMissing); day = day.plusDays(1)) {
                    held.versions.put(day, current.versions().get(day));
                }
            }
            return new ArrayList<>(held.days.subMap(from, true, to, true).values());
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
