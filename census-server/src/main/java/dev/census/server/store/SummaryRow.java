package dev.census.server.store;

import dev.census.server.vocabulary.RowKind;
import dev.census.server.vocabulary.Statistic;
import java.time.LocalDate;

/**
 * One published number. Kind {@code bucket}: {@code key} is the bucket and {@code systems} its count.
 * Kind {@code stat}: {@code key} is the {@link Statistic}, {@code value} its value and {@code systems}
 * the sample size. Kinds and statistics are held as the wire names the database keeps.
 */
public record SummaryRow(LocalDate day, String channel, String metric, String kind, String key, Double value, long systems) {

    public static final String BUCKET = RowKind.BUCKET.wireName();
    public static final String STAT = RowKind.STAT.wireName();

    public static SummaryRow bucket(LocalDate day, String channel, String metric, String bucket, long systems) {
        return new SummaryRow(day, channel, metric, BUCKET, bucket, null, systems);
    }

    public static SummaryRow stat(LocalDate day, String channel, String metric, Statistic stat, double value, long systems) {
        return new SummaryRow(day, channel, metric, STAT, stat.wireName(), value, systems);
    }

    public boolean isStat() {
        return STAT.equals(kind);
    }

    /** The kind as a type: a statistic, else a bucket. */
    public RowKind rowKind() {
        return isStat() ? RowKind.STAT : RowKind.BUCKET;
    }
}
