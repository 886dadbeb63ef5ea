package dev.census.server.publish;

import dev.census.protocol.Version;
import dev.census.server.store.PowerOfTwoBuckets;
import dev.census.server.store.SummaryStore;
import dev.census.server.store.SummaryRow;
import dev.census.server.vocabulary.Buckets;
import dev.census.server.vocabulary.FleetBucket;
import dev.census.server.vocabulary.PublishedMetric;
import dev.census.server.vocabulary.RowKind;
import dev.census.server.vocabulary.Statistic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads published numbers of one metric, or of all, over a range into chart-ready {@link Series},
 * from the days it keeps in memory ({@link SummaryDays}).
 */
final class SeriesReader {

    private final SummaryDays days;

    SeriesReader(SummaryStore store) {
        this.days = new SummaryDays(store);
    }

    /**
     * Reads a product's published days of the range into memory ahead of the first request that
     * needs them, so that request is not the one paying for the store.
     */
    /** The days of the product whose summary is provisional. */
    Set<LocalDate> provisionalDays(String product) {
        return days.provisionalDays(product);
    }

    void prefetch(String product, SummaryRange range) {
        days.byMetric(product, range.channel(), range.from(), range.to());
    }

    /** The product's latest summarized day not after {@code notAfter}; null when there is none. */
    LocalDate latestSummarized(String product, LocalDate notAfter) {
        LocalDate latest = null;
        for (LocalDate day : days.summarizedDays(product)) {
            if (!day.isAfter(notAfter) && (latest == null || day.isAfter(latest))) {
                latest = day;
            }
        }
        return latest;
    }

    Series read(String product, String metric, SummaryRange range) {
        List<SummaryRow> active = activeRows(metric, () -> readRows(product, PublishedMetric.SYSTEMS.name(), range));
        return build(product, metric, range, readRows(product, metric, range), days.summarizedDays(product), active)
                .provisionalOn(days.provisionalDays(product));
    }

    /**
     * Every published metric of the product over the range, in one scan: metric name to series,
     * sorted by name. Metrics that {@code withValues} refuses are named with an empty series (a
     * page that only links to them need not build them).
     */
    Map<String, Series> readAll(String product, SummaryRange range, Predicate<String> withValues) {
        Map<String, List<SummaryRow>> byMetric = days.byMetric(product, range.channel(), range.from(), range.to());
        Set<LocalDate> summarized = days.summarizedDays(product);
        Set<LocalDate> provisional = days.provisionalDays(product);
        Map<String, Series> all = new LinkedHashMap<>();
        List<SummaryRow> fleet = byMetric.getOrDefault(PublishedMetric.SYSTEMS.name(), List.of());
        byMetric.forEach((metric, rows) -> all.put(metric, build(product, metric, range, withValues.test(metric) ? rows : List.of(),
                summarized, activeRows(metric, () -> fleet)).provisionalOn(provisional)));
        return all;
    }

    /**
     * The rows whose systems are the sample of a metric whose buckets overlap — the fleet's windows,
     * and the components (one system runs several) — each day: the fleet's {@code active_1d}, the
     * distinct systems that reported that day; null for every other metric, whose buckets part its
     * systems and whose sample is their sum.
     */
    private static List<SummaryRow> activeRows(String metric, Supplier<List<SummaryRow>> fleet) {
        if (!PublishedMetric.SYSTEMS.name().equals(metric) && !PublishedMetric.COMPONENTS.name().equals(metric)) {
            return null;
        }
        return fleet.get().stream().filter(row -> FleetBucket.ACTIVE_1D.wireName().equals(row.key())).toList();
    }

    private List<SummaryRow> readRows(String product, String metric, SummaryRange range) {
        return days.rows(product, range.channel(), metric, range.from(), range.to());
    }

    private static Series build(String product, String metric, SummaryRange range, List<SummaryRow> rows, Set<LocalDate> summarized,
            List<SummaryRow> active) {
        List<LocalDate> days = range.days();
        long first = range.from().toEpochDay();
        Map<String, Double[]> values = new LinkedHashMap<>();
        Map<String, RowKind> kinds = new HashMap<>();
        long[] bucketTotals = new long[days.size()];
        long[] statSamples = new long[days.size()];
        for (SummaryRow row : rows) {
            int day = (int) (row.day().toEpochDay() - first);
            Double[] line = values.computeIfAbsent(row.key(), k -> new Double[days.size()]);
            kinds.put(row.key(), row.rowKind());
            if (row.isStat()) {
                line[day] = row.value();
                statSamples[day] = row.systems();
            } else {
                line[day] = (double) row.systems();
                bucketTotals[day] += active == null ? row.systems() : 0;
            }
        }
        for (SummaryRow row : active == null ? List.<SummaryRow>of() : active) {
            bucketTotals[(int) (row.day().toEpochDay() - first)] = row.systems();
        }
        List<Long> systems = new ArrayList<>();
        LocalDate latest = null;
        for (int i = 0; i < days.size(); i++) {
            boolean done = summarized.contains(days.get(i));
            systems.add(done ? Math.max(bucketTotals[i], statSamples[i]) : null);
            if (done) {
                latest = days.get(i);
            }
        }
        List<Series.Line> lines = new ArrayList<>();
        for (String key : ordered(values.keySet(), kinds)) {
            Double[] line = values.get(key);
            for (int i = 0; i < days.size(); i++) {
                if (line[i] == null && summarized.contains(days.get(i)) && kinds.get(key) != RowKind.STAT) {
                    line[i] = 0.0;
                }
            }
            lines.add(new Series.Line(key, kinds.get(key), Arrays.asList(line)));
        }
        return new Series(product, metric, range.channel(), days, lines, systems, latest);
    }

    /** Statistics and fleet buckets in their natural order, histogram buckets and versions numerically, "other" last. */
    static List<String> ordered(Set<String> keys, Map<String, RowKind> kinds) {
        List<String> sorted = new ArrayList<>(keys);
        Map<String, String> numeric = new HashMap<>();
        keys.forEach(key -> numeric.put(key, numericKey(key)));
        sorted.sort(Comparator.comparing((String key) -> key.equals(Buckets.OTHER))
                .thenComparing(key -> kinds.get(key) == RowKind.STAT ? Statistic.parse(key).map(Enum::ordinal).orElse(-1) : -1)
                .thenComparing(key -> FleetBucket.parse(key).map(Enum::ordinal).orElse(-1))
                .thenComparing(numeric::get, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    private static String numericKey(String key) {
        if (key.matches("<0|\\d+(-\\d+)?")) {
            return String.format("%020d", PowerOfTwoBuckets.lowerBound(key) + 1);
        }
        Version version = Version.parse(key);
        if (!version.xy().equals(Version.UNKNOWN)) {
            StringBuilder padded = new StringBuilder();
            for (String part : version.xyz().split("\\.")) {
                padded.append(String.format("%010d", Long.parseLong(part)));
            }
            return padded.toString();
        }
        return null;
    }
}
