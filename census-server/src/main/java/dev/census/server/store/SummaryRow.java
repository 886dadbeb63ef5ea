package dev.census.server.store;

import java.time.LocalDate;

/**
 * One published number. Kind {@code bucket}: {@code key} is the bucket and {@code systems} its count.
 * Kind {@code stat}: {@code key} is the statistic (mean, min, p50, p90, max), {@code value} its value and
 * {@code systems} the sample size.
 */
public record SummaryRow(LocalDate day, String channel, String metric, String kind, String key, Double value, long systems) {

    public static final String BUCKET = "bucket";
    public static final String STAT = "stat";

    public static SummaryRow bucket(LocalDate day, String channel, String metric, String bucket, long systems) {
        return new SummaryRow(day, channel, metric, BUCKET, bucket, null, systems);
    }

    public static SummaryRow stat(LocalDate day, String channel, String metric, String stat, double value, long systems) {
        return new SummaryRow(day, channel, metric, STAT, stat, value, systems);
    }

    public boolean isStat() {
        return STAT.equals(kind);
    }
}
