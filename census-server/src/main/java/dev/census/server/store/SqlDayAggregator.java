package dev.census.server.store;

import dev.census.registry.ValueRange;
import dev.census.server.vocabulary.FleetBucket;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The day's aggregation in SQL, on either engine: the day's latest reports are materialized once with
 * each system's age, and every count reads them; where components and metrics live is the layout's.
 */
final class SqlDayAggregator implements DayAggregator {

    /**
     * Statistics per channel and metric over values clipped to ±2^53 ({@link ValueRange#LIMIT}, which
     * no registry range exceeds), so no stored finite number can overflow a sum, an average
     * (PostgreSQL's avg also sums squares) or a percentile's interpolation; the last column counts the
     * values that were clipped (NaN, were one ever written, counts as clipped and reads as the limit).
     * Both percentiles come from one ordered-set aggregate given an array of fractions: one sort of the
     * values instead of two, on either engine.
     */
    private static final String STATS = """
            SELECT channel, name, count(*), avg(v), min(v),
                   percentile_cont(CAST(ARRAY[0.5, 0.9] AS FLOAT8[])) WITHIN GROUP (ORDER BY v), max(v),
                   count(*) - count(*) FILTER (WHERE num BETWEEN -LIMIT AND LIMIT)
            FROM (SELECT m.channel, m.name, m.num, least(greatest(m.num, -LIMIT), LIMIT) AS v %s) clipped
            GROUP BY channel, name
            """.replace("LIMIT", "CAST(" + (long) ValueRange.LIMIT + " AS FLOAT8)");

    /**
     * Systems per component group: each system is one of the day's reports and counts once per name,
     * X.Y or X.Y.Z, by its first component with it — a hash aggregate, where a distinct count sorts.
     */
    private static final String COMPONENT_SYSTEMS = "CASE WHEN GROUPING(c.xy) = 0 THEN count(*) FILTER (WHERE c.new_xy)"
            + " WHEN GROUPING(c.xyz) = 0 THEN count(*) FILTER (WHERE c.new_xyz) ELSE count(*) FILTER (WHERE c.new_name) END";

    /**
     * The latest report of each system of one product and day, with its age in days since the system
     * was first seen (and what else the layout keeps of it), materialized once per day's aggregation
     * so that every query reads it instead of finding the latest reports again.
     */
    private static final String DAY_REPORTS = """
            CREATE TEMPORARY TABLE census_day_reports AS
            SELECT r.id, r.system_id, r.channel, CAST(? AS DATE) - s.first_seen AS age%s
            FROM reports r
            JOIN (SELECT max(id) AS id FROM reports WHERE product = ? AND day = ? GROUP BY system_id) latest ON r.id = latest.id
            JOIN systems s ON s.product = r.product AND s.system_id = r.system_id
            """;

    private final Sql sql;
    private final Layout layout;

    SqlDayAggregator(Sql sql, Layout layout) {
        this.sql = sql;
        this.layout = layout;
    }

    @Override
    public Optional<LocalDate> earliestRawDay(String product) {
        return sql.inTransaction(connection -> {
            try (PreparedStatement statement = Sql.prepare(connection, "SELECT min(day) FROM reports WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                Date day = rows.getDate(1);
                return Optional.ofNullable(day).map(Date::toLocalDate);
            }
        });
    }

    @Override
    public DayAggregates aggregateDay(String product, LocalDate day, boolean persistentOnly) {
        return sql.inTransaction(connection -> {
            foldSystems(connection, product, day);
            Date sqlDay = Date.valueOf(day);
            Sql.update(connection, "DROP TABLE IF EXISTS census_day_reports");
            Sql.update(connection, DAY_REPORTS.formatted(layout.dayReportColumns()), sqlDay, product, sqlDay);
            layout.afterDayReports(connection);
            List<DayAggregates.Count> counts = new ArrayList<>();
            collectCounts(connection, counts, DayAggregates.Family.FLEET,
                    "SELECT channel, '" + FleetBucket.ACTIVE_1D.wireName() + "', '', count(*) FROM census_day_reports GROUP BY channel");
            for (FleetBucket window : List.of(FleetBucket.ACTIVE_7D, FleetBucket.ACTIVE_28D)) {
                collectCounts(connection, counts, DayAggregates.Family.FLEET,
                        "SELECT channel, '" + window.wireName() + "', '', count(DISTINCT system_id) FROM reports"
                                + " WHERE product = ? AND day BETWEEN ? AND ? GROUP BY channel",
                        product, Date.valueOf(day.minusDays(window.days() - 1)), sqlDay);
            }
            collectCounts(connection, counts, DayAggregates.Family.FLEET,
                    "SELECT channel, '" + FleetBucket.NEW.wireName() + "', '', count(*) FROM census_day_reports WHERE age = 0 GROUP BY channel");
            collectCounts(connection, counts, DayAggregates.Family.AGE,
                    "SELECT channel, 'age', CAST(age AS VARCHAR), count(*) FROM census_day_reports GROUP BY channel, age");
            long[] ids = idRange(connection);
            String persistent = persistentOnly ? " AND %s.age > 0" : "";
            collectComponents(connection, counts, "SELECT c.channel, c.name, c.xy, c.xyz, " + COMPONENT_SYSTEMS
                    + " FROM " + layout.dayComponents(ids[0], ids[1]) + " WHERE TRUE" + persistent.formatted("c")
                    + " GROUP BY GROUPING SETS ((c.channel, c.name), (c.channel, c.name, c.xy), (c.channel, c.name, c.xyz))");
            String metrics = " FROM " + layout.dayMetrics(ids[0], ids[1]) + " WHERE m.%s IS NOT NULL" + persistent.formatted("m");
            collectCounts(connection, counts, DayAggregates.Family.NUMBER_BUCKET,
                    "SELECT m.channel, m.name, CAST(m.bucket AS VARCHAR), count(*)" + metrics.formatted("num")
                            + " GROUP BY m.channel, m.name, m.bucket");
            collectCounts(connection, counts, DayAggregates.Family.TEXT,
                    "SELECT m.channel, m.name, m.txt, count(*)" + metrics.formatted("txt") + " GROUP BY m.channel, m.name, m.txt");
            List<DayAggregates.Stats> stats = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection, STATS.formatted(metrics.formatted("num")));
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    double[] percentiles = doubles(rows.getArray(6));
                    stats.add(new DayAggregates.Stats(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getDouble(4), rows.getDouble(5), percentiles[0], percentiles[1], rows.getDouble(7),
                            rows.getLong(8)));
                }
            }
            Sql.update(connection, "DROP TABLE census_day_reports");
            return new DayAggregates(counts, stats);
        });
    }

    /** The numbers of an SQL array of doubles (each engine's driver gives them boxed). */
    private static double[] doubles(Array array) throws SQLException {
        try {
            Object[] values = (Object[]) array.getArray();
            double[] doubles = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                doubles[i] = ((Number) values[i]).doubleValue();
            }
            return doubles;
        } finally {
            array.free();
        }
    }

    /**
     * The day's report ids lie in one range (ids grow with arrival): bounding the day's component and
     * metric rows by it lets an engine read only that range of an index instead of every kept day.
     */
    private static long[] idRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM census_day_reports")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** Records the day's reporters in the permanent first/last-seen table. */
    private void foldSystems(Connection connection, String product, LocalDate day) throws SQLException {
        Date sqlDay = Date.valueOf(day);
        Sql.update(connection, """
                INSERT INTO systems (product, system_id, first_seen, last_seen)
                SELECT DISTINCT product, system_id, day, day FROM reports WHERE product = ? AND day = ?
                ON CONFLICT (product, system_id) DO UPDATE SET
                    first_seen = LEAST(systems.first_seen, excluded.first_seen),
                    last_seen = GREATEST(systems.last_seen, excluded.last_seen)
                """ + layout.foldChangesOnly(), product, sqlDay);
        layout.afterFold(connection);
    }

    /**
     * Systems per component, per X.Y and per X.Y.Z from one pass over the day's component rows: a
     * grouping set leaves the columns it does not group by null (both version columns are never
     * null in a component row), which says which family a row belongs to.
     */
    private static void collectComponents(Connection connection, List<DayAggregates.Count> into, String query) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, query);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String xy = rows.getString(3);
                String xyz = rows.getString(4);
                DayAggregates.Family family = xy != null ? DayAggregates.Family.COMPONENT_XY
                        : xyz != null ? DayAggregates.Family.COMPONENT_XYZ : DayAggregates.Family.COMPONENT;
                String key = xy != null ? xy : xyz != null ? xyz : "";
                into.add(new DayAggregates.Count(rows.getString(1), family, rows.getString(2), key, rows.getLong(5)));
            }
        }
    }

    private static void collectCounts(Connection connection, List<DayAggregates.Count> into, DayAggregates.Family family,
            String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, query, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(new DayAggregates.Count(rows.getString(1), family, rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
    }

    @Override
    public Map<String, MetricUsage> metricUsage(String product) {
        return sql.inTransaction(connection -> {
            Map<String, MetricUsage> usage = new TreeMap<>();
            try (PreparedStatement statement = Sql.prepare(connection, layout.metricUsage(), product);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    usage.put(rows.getString(1), new MetricUsage(rows.getDate(2).toLocalDate(), rows.getLong(3)));
                }
            }
            return usage;
        });
    }

    @Override
    public long countReports(String product) {
        return sql.inTransaction(connection -> {
            try (PreparedStatement statement = Sql.prepare(connection, "SELECT count(*) FROM reports WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
