package dev.census.server.publish;

import dev.census.server.vocabulary.RowKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A chart-ready series of one metric: one label per day, one line per bucket or statistic, and per
 * day the sample size (systems) and whether the day's summary is provisional (today so far) —
 * values are null on days without a summary.
 */
public record Series(String product, String metric, String channel, List<LocalDate> days, List<Line> lines,
        List<Long> systems, LocalDate latestDay, List<Boolean> provisional) {

    /** A series none of whose days is provisional. */
    public Series(String product, String metric, String channel, List<LocalDate> days, List<Line> lines, List<Long> systems,
            LocalDate latestDay) {
        this(product, metric, channel, days, lines, systems, latestDay, days.stream().map(day -> false).toList());
    }

    /** One bucket's or statistic's values, aligned with {@link #days()}. */
    public record Line(String key, RowKind kind, List<Double> values) {

        public boolean isStat() {
            return kind == RowKind.STAT;
        }
    }

    /** The same series with these days marked provisional. */
    Series provisionalOn(java.util.Set<LocalDate> provisionalDays) {
        return new Series(product, metric, channel, days, lines, systems, latestDay, days.stream().map(provisionalDays::contains).toList());
    }

    /** Whether the summary of the series' latest day is provisional (today so far). */
    public boolean latestProvisional() {
        return latestDay != null && provisional.get(days.indexOf(latestDay));
    }

    /** True when no day of the range has a number for this metric. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
