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
import dev.census.server.vocabulary.Buckets;
import dev.census.server.vocabulary.FleetBucket;
import dev.census.server.vocabulary.PublishedMetric;
import dev.census.server.vocabulary.Statistic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a day's aggregates into published numbers: names each metric ({@link PublishedMetric}),
 * labels histogram buckets, rolls version metrics up by X.Y (and X.Y.Z), states the fleet's age
 * demography as statistics (of every active system, persistent or not, from the permanent
 * first/last-seen table), publishes versions of the product's known components only (any other
 * component counts as {@link Buckets#OTHER} among the components, its versions never published:
 * they could name a private plugin's release), and applies the k-threshold — buckets of fewer than k systems merge into
 * {@link Buckets#OTHER} (published only if it reaches k itself), and statistics of fewer than k
 * systems are not published. Statistics that are not finite numbers (the store clips values, so
 * none should be) are not published either.
 */
final class SummaryBuilder {

    /** The buckets of one published metric on one channel, before the k-threshold. */
    private record ChannelMetric(String channel, String metric) {
        static final Comparator<ChannelMetric> ORDER = Comparator.comparing(ChannelMetric::channel).thenComparing(ChannelMetric::metric);
    }

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
            for (FleetBucket bucket : FleetBucket.values()) {
                long systems = aggregates.counts().stream()
                        .filter(c -> c.family() == Family.FLEET && c.channel().equals(channel.wireName())
                                && c.name().equals(bucket.wireName()))
                        .mapToLong(Count::systems).sum();
                rows.add(SummaryRow.bucket(day, channel.wireName(), PublishedMetric.SYSTEMS.name(), bucket.wireName(), systems));
            }
        }
        Map<ChannelMetric, Map<String, Long>> buckets = new TreeMap<>(ChannelMetric.ORDER);
        for (Count count : aggregates.counts()) {
            PublishedMetric metric = metricName(product, count);
            if (metric == null) {
                continue;
            }
            MetricDefinition definition = product.metrics().get(count.name());
            if (count.family() == Family.TEXT && definition.type() == MetricType.VERSION) {
                Version version = Version.parse(count.key());
                add(buckets, count.channel(), metric, version.xy(), count.systems());
                add(buckets, count.channel(), metric.xyz().orElseThrow(), version.xyz(), count.systems());
            } else {
                add(buckets, count.channel(), metric, bucketLabel(product, count), count.systems());
            }
        }
        buckets.forEach((published, counts) -> rows.addAll(thresholded(day, published.channel(), published.metric(), counts)));
        rows.addAll(demography(day, aggregates));
        for (DayAggregates.Stats stats : aggregates.stats()) {
            MetricDefinition definition = product.metrics().get(stats.metric());
            if (definition == null || !definition.type().numeric() || stats.systems() < k || !stats.finite()) {
                continue;
            }
            Map<Statistic, Double> values = new EnumMap<>(Statistic.class);
            values.put(Statistic.MEAN, stats.mean());
            values.put(Statistic.MIN, stats.min());
            values.put(Statistic.P50, stats.p50());
            values.put(Statistic.P90, stats.p90());
            values.put(Statistic.MAX, stats.max());
            rows.addAll(statistics(day, stats.channel(), PublishedMetric.metric(stats.metric()), values, stats.systems()));
        }
        return rows;
    }

    /** One row per statistic, in their natural order, each rounded to four decimal places. */
    private static List<SummaryRow> statistics(LocalDate day, String channel, PublishedMetric metric, Map<Statistic, Double> values,
            long systems) {
        List<SummaryRow> rows = new ArrayList<>();
        for (Statistic statistic : Statistic.values()) {
            rows.add(SummaryRow.stat(day, channel, metric.name(), statistic, rounded(values.get(statistic)), systems));
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
            Map<Statistic, Double> values = new EnumMap<>(Statistic.class);
            values.put(Statistic.MEAN, sum / systems);
            values.put(Statistic.MIN, (double) histogram.firstKey());
            values.put(Statistic.P50, percentile(histogram, systems, 0.5));
            values.put(Statistic.P90, percentile(histogram, systems, 0.9));
            values.put(Statistic.MAX, (double) histogram.lastKey());
            rows.addAll(statistics(day, channel, PublishedMetric.DEMOGRAPHY, values, systems));
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

    private static void add(Map<ChannelMetric, Map<String, Long>> buckets, String channel, PublishedMetric metric, String bucket,
            long systems) {
        buckets.computeIfAbsent(new ChannelMetric(channel, metric.name()), m -> new LinkedHashMap<>()).merge(bucket, systems, Long::sum);
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
            if (bucket.getValue() >= k && !bucket.getKey().equals(Buckets.OTHER)) {
                rows.add(SummaryRow.bucket(day, channel, metric, bucket.getKey(), bucket.getValue()));
            } else {
                other += bucket.getValue();
            }
        }
        if (other >= k) {
            rows.add(SummaryRow.bucket(day, channel, metric, Buckets.OTHER, other));
        }
        return rows;
    }

    /** The published metric a count belongs to, or null when it is not published (fleet, unknown metrics). */
    private static PublishedMetric metricName(ProductDefinition product, Count count) {
        return switch (count.family()) {
            case FLEET -> null;
            case AGE -> PublishedMetric.AGE;
            case COMPONENT -> PublishedMetric.COMPONENTS;
            case COMPONENT_XY -> known(product, count) ? PublishedMetric.componentXy(count.name()) : null;
            case COMPONENT_XYZ -> known(product, count) ? PublishedMetric.componentXyz(count.name()) : null;
            case NUMBER_BUCKET -> {
                MetricDefinition definition = product.metrics().get(count.name());
                yield definition != null && definition.type().numeric() ? PublishedMetric.metric(count.name()) : null;
            }
            case TEXT -> {
                MetricDefinition definition = product.metrics().get(count.name());
                yield definition == null ? null : PublishedMetric.metric(count.name());
            }
        };
    }

    /** Whether the count's component is one the product's registry names (unknown ones are stored as "other"). */
    private static boolean known(ProductDefinition product, Count count) {
        return product.knownComponents().contains(count.name());
    }

    private static String bucketLabel(ProductDefinition product, Count count) {
        return switch (count.family()) {
            case COMPONENT -> known(product, count) ? count.name() : Buckets.OTHER;
            case AGE -> PowerOfTwoBuckets.label(PowerOfTwoBuckets.exponent(Double.parseDouble(count.key())));
            case NUMBER_BUCKET -> PowerOfTwoBuckets.label(Integer.parseInt(count.key()));
            default -> count.key();
        };
    }
}
