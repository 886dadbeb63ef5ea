package dev.census.server.publish;

import dev.census.registry.MetricDefinition;
import dev.census.registry.ProductDefinition;
import dev.census.server.vocabulary.Buckets;
import dev.census.server.vocabulary.FleetBucket;
import dev.census.server.vocabulary.PublishedMetric;
import dev.census.server.vocabulary.Statistic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet on its latest summarized day, at a glance: active systems with the change against 28
 * days earlier, new installations in the week, median installation age, each component's current
 * versions (X.Y) and each metric's current distribution — read from the published series.
 */
public record FleetToday(String product, String channel, LocalDate day, List<Active> active, Long newThisWeek,
        Double medianAgeDays, List<Shares> components, List<MetricNow> metrics) {

    /** Days back the active counts are compared with. */
    public static final int COMPARED_DAYS = 28;
    /** Days, ending on the day, whose new installations are counted as "this week". */
    static final int WEEK = 7;
    /** Bars shown per component or metric at most, besides "other". */
    public static final int TOP = 8;

    /** One active count: {@code systems} on the day, {@code before} on the day 28 days earlier (null when unknown). */
    public record Active(String key, String label, Long systems, Long before) {

        /** The change against 28 days earlier; null when either day is unknown. */
        public Long change() {
            return systems == null || before == null ? null : systems - before;
        }
    }

    /** One bar: a version, value or bucket, its systems and its percent of the systems counted. */
    public record Bar(String key, long systems, double percent) {
    }

    /** A component's systems on the day and its X.Y versions, largest first, the top 8 and "other". */
    public record Shares(String name, long systems, List<Bar> bars) {
    }

    /**
     * A metric on the day: {@code histogram} (a count or gauge: its power-of-two buckets in order and
     * mean, p50, p90) or {@code shares} (an enum, boolean or version: largest first, top 8 and "other").
     */
    public record MetricNow(String name, String title, String type, String unit, String kind, long systems,
            Map<String, Double> stats, List<Bar> bars) {
    }

    /** What is known of a product with no summarized day. */
    static FleetToday none(String product, String channel) {
        return new FleetToday(product, channel, null, List.of(), null, null, List.of(), List.of());
    }

    /** The glance of {@code day}, from series over at least the 28 days before it up to it. */
    static FleetToday of(ProductDefinition product, String channel, LocalDate day, Map<String, Series> published) {
        Series fleet = published.get(PublishedMetric.SYSTEMS.name());
        List<Active> active = new ArrayList<>();
        for (FleetBucket bucket : List.of(FleetBucket.ACTIVE_1D, FleetBucket.ACTIVE_7D, FleetBucket.ACTIVE_28D)) {
            active.add(new Active(bucket.wireName(), bucket.label(), count(fleet, bucket.wireName(), day),
                    count(fleet, bucket.wireName(), day.minusDays(COMPARED_DAYS))));
        }
        Long newThisWeek = null;
        for (int back = 0; back < WEEK; back++) {
            Long added = count(fleet, FleetBucket.NEW.wireName(), day.minusDays(back));
            if (added != null) {
                newThisWeek = (newThisWeek == null ? 0 : newThisWeek) + added;
            }
        }
        Double medianAge = value(published.get(PublishedMetric.DEMOGRAPHY.name()), Statistic.P50.wireName(), day);

        List<Shares> components = new ArrayList<>();
        published.forEach((name, series) -> {
            PublishedMetric metric = PublishedMetric.parse(name);
            if (metric.family() == PublishedMetric.Family.COMPONENT_XY) {
                List<Bar> bars = topShares(series, day);
                if (!bars.isEmpty()) {
                    components.add(new Shares(metric.subject(), bars.stream().mapToLong(Bar::systems).sum(), bars));
                }
            }
        });
        components.sort(Comparator.comparingLong(Shares::systems).reversed().thenComparing(Shares::name));

        List<MetricNow> metrics = new ArrayList<>();
        for (MetricDefinition definition : product.metrics().values()) {
            Series series = published.get(definition.name());
            if (series == null) {
                continue;
            }
            MetricNow now = definition.type().numeric() ? histogram(definition, series, day) : shares(definition, series, day);
            if (now != null) {
                metrics.add(now);
            }
        }
        return new FleetToday(product.name(), channel, day, active, newThisWeek, medianAge, List.copyOf(components), metrics);
    }

    private static MetricNow histogram(MetricDefinition definition, Series series, LocalDate day) {
        Map<String, Double> stats = new LinkedHashMap<>();
        for (Statistic statistic : List.of(Statistic.MEAN, Statistic.P50, Statistic.P90)) {
            Double value = value(series, statistic.wireName(), day);
            if (value != null) {
                stats.put(statistic.wireName(), value);
            }
        }
        List<Bar> bars = bars(series, day, false);
        if (stats.isEmpty() && bars.isEmpty()) {
            return null;
        }
        long systems = stats.isEmpty() ? bars.stream().mapToLong(Bar::systems).sum() : sample(series, day);
        return new MetricNow(definition.name(), definition.title(), definition.type().wireName(), definition.unit(),
                "histogram", systems, stats, bars);
    }

    private static MetricNow shares(MetricDefinition definition, Series series, LocalDate day) {
        List<Bar> bars = topShares(series, day);
        if (bars.isEmpty()) {
            return null;
        }
        return new MetricNow(definition.name(), definition.title(), definition.type().wireName(), definition.unit(),
                "shares", bars.stream().mapToLong(Bar::systems).sum(), Map.of(), bars);
    }

    /** The buckets of the day, largest first: the top 8, then everything else (and "other") as "other". */
    private static List<Bar> topShares(Series series, LocalDate day) {
        List<Bar> all = bars(series, day, true);
        List<Bar> named = all.stream().filter(bar -> !bar.key().equals(Buckets.OTHER)).toList();
        if (named.size() <= TOP) {
            return all;
        }
        List<Bar> top = new ArrayList<>(named.subList(0, Math.min(TOP, named.size())));
        long rest = all.stream().mapToLong(Bar::systems).sum() - top.stream().mapToLong(Bar::systems).sum();
        long total = all.stream().mapToLong(Bar::systems).sum();
        if (rest > 0) {
            top.add(new Bar(Buckets.OTHER, rest, percent(rest, total)));
        }
        return top;
    }

    /** The day's non-zero buckets with their percent of the day's total, largest first or in published order. */
    private static List<Bar> bars(Series series, LocalDate day, boolean largestFirst) {
        int index = series.days().indexOf(day);
        List<long[]> counts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long total = 0;
        for (Series.Line line : series.lines()) {
            Double value = index < 0 || line.isStat() ? null : line.values().get(index);
            if (value != null && value > 0) {
                keys.add(line.key());
                counts.add(new long[] {Math.round(value)});
                total += Math.round(value);
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            bars.add(new Bar(keys.get(i), counts.get(i)[0], percent(counts.get(i)[0], total)));
        }
        if (largestFirst) {
            bars.sort(Comparator.comparing((Bar bar) -> bar.key().equals(Buckets.OTHER))
                    .thenComparing(Comparator.comparingLong(Bar::systems).reversed()));
        }
        return bars;
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 10.0;
    }

    private static Long count(Series series, String key, LocalDate day) {
        Double value = value(series, key, day);
        return value == null ? null : Math.round(value);
    }

    private static Double value(Series series, String key, LocalDate day) {
        if (series == null) {
            return null;
        }
        int index = series.days().indexOf(day);
        if (index < 0) {
            return null;
        }
        for (Series.Line line : series.lines()) {
            if (line.key().equals(key)) {
                return line.values().get(index);
            }
        }
        return null;
    }

    private static long sample(Series series, LocalDate day) {
        int index = series.days().indexOf(day);
        Long systems = index < 0 ? null : series.systems().get(index);
        return systems == null ? 0 : systems;
    }
}
