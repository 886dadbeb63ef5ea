package dev.census.server.summary;

import dev.census.protocol.Channel;
import dev.census.protocol.Version;
import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.server.store.DayAggregates;
import dev.census.server.store.DayAggregates.Count;
import dev.census.server.store.DayAggregates.Family;
import dev.census.server.store.PowerOfTwoBuckets;
import dev.census.server.store.SummaryRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a day's aggregates into published numbers: names each metric, labels histogram buckets,
 * rolls version metrics up by X.Y (and X.Y.Z under {@code <name>.xyz}), states the fleet's age
 * demography as statistics ({@code systems.demography}),
 * and applies the k-threshold — buckets of fewer than k systems merge into "other" (published only
 * if it reaches k itself), and statistics of fewer than k systems are not published. Statistics
 * that are not finite numbers (the store clips values, so none should be) are not published either.
 */
final class SummaryBuilder {

    /** Fleet counts, as buckets active_1d, active_7d, active_28d and new. */
    static final String SYSTEMS = "systems";
    /** Days since first seen of the day's active systems, power-of-two buckets. */
    static final String AGE = "systems.age_days";
    /**
     * The age demography of the day's active systems (every one, persistent or not): statistics of
     * the days since each was first seen, from the permanent first/last-seen table.
     */
    static final String DEMOGRAPHY = "systems.demography";
    /** Systems running each component. */
    static final String COMPONENTS = "components";
    static final String OTHER = "other";
    static final List<String> FLEET_BUCKETS = List.of("active_1d", "active_7d", "active_28d", "new");

    private final int k;

    SummaryBuilder(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
    }

    List<SummaryRow> build(ProductDefinition product, LocalDate day, DayAggregates aggregates) {
        List<SummaryRow> rows = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (String bucket : FLEET_BUCKETS) {
                long systems = aggregates.counts().stream()
                        .filter(c -> c.family() == Family.FLEET && c.channel().equals(channel.wireName()) && c.name().equals(bucket))
                        .mapToLong(Count::systems).sum();
                rows.add(SummaryRow.bucket(day, channel.wireName(), SYSTEMS, bucket, systems));
            }
        }
        Map<String, Map<String, Long>> buckets = new TreeMap<>();
        for (Count count : aggregates.counts()) {
            String metric = metricName(product, count);
            if (metric == null) {
                continue;
            }
            MetricDefinition definition = product.metrics().get(count.name());
            if (count.family() == Family.TEXT && definition.type() == MetricType.VERSION) {
                Version version = Version.parse(count.key());
                add(buckets, count.channel(), metric, version.xy(), count.systems());
                add(buckets, count.channel(), metric + ".xyz", version.xyz(), count.systems());
            } else {
                add(buckets, count.channel(), metric, bucketLabel(count), count.systems());
            }
        }
        buckets.forEach((channelAndMetric, counts) -> {
            String[] parts = channelAndMetric.split("\n", 2);
            rows.addAll(thresholded(day, parts[0], parts[1], counts));
        });
        rows.addAll(demography(day, aggregates));
        for (DayAggregates.Stats stats : aggregates.stats()) {
            MetricDefinition definition = product.metrics().get(stats.metric());
            if (definition == null || !definition.type().numeric() || stats.systems() < k || !stats.finite()) {
                continue;
            }
            String channel = stats.channel();
            rows.add(SummaryRow.stat(day, channel, stats.metric(), "mean", rounded(stats.mean()), stats.systems()));
            rows.add(SummaryRow.stat(day, channel, stats.metric(), "min", rounded(stats.min()), stats.systems()));
            rows.add(SummaryRow.stat(day, channel, stats.metric(), "p50", rounded(stats.p50()), stats.systems()));
            rows.add(SummaryRow.stat(day, channel, stats.metric(), "p90", rounded(stats.p90()), stats.systems()));
            rows.add(SummaryRow.stat(day, channel, stats.metric(), "max", rounded(stats.max()), stats.systems()));
        }
        return rows;
    }

    /** Mean, min, p50, p90 and max of the systems' ages in days, per channel, from the exact-age counts. */
    private List<SummaryRow> demography(LocalDate day, DayAggregates aggregates) {
        Map<String, TreeMap<Long, Long>> ages = new TreeMap<>();
        for (Count count : aggregates.counts()) {
            if (count.family() == Family.AGE) {
                ages.computeIfAbsent(count.channel(), c -> new TreeMap<>())
                        .merge(Long.parseLong(count.key()), count.systems(), Long::sum);
            }
        }
        List<SummaryRow> rows = new ArrayList<>();
        ages.forEach((channel, histogram) -> {
            long systems = histogram.values().stream().mapToLong(Long::longValue).sum();
            if (systems < k) {
                return;
            }
            double sum = 0;
            for (Map.Entry<Long, Long> age : histogram.entrySet()) {
                sum += (double) age.getKey() * age.getValue();
            }
            rows.add(SummaryRow.stat(day, channel, DEMOGRAPHY, "mean", rounded(sum / systems), systems));
            rows.add(SummaryRow.stat(day, channel, DEMOGRAPHY, "min", histogram.firstKey(), systems));
            rows.add(SummaryRow.stat(day, channel, DEMOGRAPHY, "p50", rounded(percentile(histogram, systems, 0.5)), systems));
            rows.add(SummaryRow.stat(day, channel, DEMOGRAPHY, "p90", rounded(percentile(histogram, systems, 0.9)), systems));
            rows.add(SummaryRow.stat(day, channel, DEMOGRAPHY, "max", histogram.lastKey(), systems));
        });
        return rows;
    }

    /** The continuous percentile (as SQL's percentile_cont) of values given as value → how many. */
    static double percentile(TreeMap<Long, Long> histogram, long size, double fraction) {
        double position = fraction * (size - 1);
        long below = (long) Math.floor(position);
        double lower = nth(histogram, below);
        double upper = nth(histogram, Math.min(size - 1, below + 1));
        return lower + (upper - lower) * (position - below);
    }

    private static long nth(TreeMap<Long, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> value : histogram.entrySet()) {
            seen += value.getValue();
            if (index < seen) {
                return value.getKey();
            }
        }
        return histogram.lastKey();
    }

    private static void add(Map<String, Map<String, Long>> buckets, String channel, String metric, String bucket, long systems) {
        buckets.computeIfAbsent(channel + "\n" + metric, m -> new LinkedHashMap<>()).merge(bucket, systems, Long::sum);
    }

    /**
     * Statistics are published to four decimal places: more would only show floating-point noise,
     * which also differs between database engines.
     */
    static double rounded(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private List<SummaryRow> thresholded(LocalDate day, String channel, String metric, Map<String, Long> counts) {
        List<SummaryRow> rows = new ArrayList<>();
        long other = 0;
        for (Map.Entry<String, Long> bucket : counts.entrySet()) {
            if (bucket.getValue() >= k && !bucket.getKey().equals(OTHER)) {
                rows.add(SummaryRow.bucket(day, channel, metric, bucket.getKey(), bucket.getValue()));
            } else {
                other += bucket.getValue();
            }
        }
        if (other >= k) {
            rows.add(SummaryRow.bucket(day, channel, metric, OTHER, other));
        }
        return rows;
    }

    /** The published metric a count belongs to, or null when it is not published (fleet, unknown metrics). */
    private static String metricName(ProductDefinition product, Count count) {
        return switch (count.family()) {
            case FLEET -> null;
            case AGE -> AGE;
            case COMPONENT -> COMPONENTS;
            case COMPONENT_XY -> COMPONENTS + "." + count.name() + ".xy";
            case COMPONENT_XYZ -> COMPONENTS + "." + count.name() + ".xyz";
            case NUMBER_BUCKET -> {
                MetricDefinition definition = product.metrics().get(count.name());
                yield definition != null && definition.type().numeric() ? count.name() : null;
            }
            case TEXT -> {
                MetricDefinition definition = product.metrics().get(count.name());
                yield definition == null ? null : count.name();
            }
        };
    }

    private static String bucketLabel(Count count) {
        return switch (count.family()) {
            case COMPONENT -> count.name();
            case AGE -> PowerOfTwoBuckets.label(PowerOfTwoBuckets.exponent(Double.parseDouble(count.key())));
            case NUMBER_BUCKET -> PowerOfTwoBuckets.label(Integer.parseInt(count.key()));
            default -> count.key();
        };
    }
}
