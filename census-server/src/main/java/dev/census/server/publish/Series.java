package dev.census.server.publish;

import dev.census.server.vocabulary.RowKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A chart-ready series of one metric: one label per day, one line per bucket or statistic, and per
 * day the sample size (systems) — values are null on days without a summary.
 */
public record Series(String product, String metric, String channel, List<LocalDate> days, List<Line> lines,
        List<Long> systems, LocalDate latestDay) {

    /** One bucket's or statistic's values, aligned with {@link #days()}. */
    public record Line(String key, RowKind kind, List<Double> values) {

        public boolean isStat() {
            return kind == RowKind.STAT;
        }
    }

    /** True when no day of the range has a number for this metric. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
