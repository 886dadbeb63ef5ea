package dev.census.server.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's layout: one row per report, its components and metrics in parallel arrays of that row
 * (element i of {@code component_names} goes with element i of {@code component_versions},
 * {@code component_xys} and {@code component_xyzs}; likewise for the metric arrays), components sorted
 * by name, X.Y, X.Y.Z and version. The day's summary unnests the day's latest reports, materialized
 * once; text sorts by code point with the C collation.
 */
final class PostgresLayout implements Layout {

    /** Memory for each sort or hash of the day's summary: enough to keep a million systems' rows off disk. */
    static final String SUMMARY_WORK_MEM = "512MB";

    /** The array columns, in the order the writer binds them and {@link #readRows} reads them. */
    static final String ARRAY_COLUMNS = "component_names, component_versions, component_xys, component_xyzs,"
            + " metric_names, metric_nums, metric_buckets, metric_txts";

    /** The day's reports keep their arrays: the summary unnests them from the temporary table. */
    @Override
    public String dayReportColumns() {
        return ", r.component_names, r.component_xys, r.component_xyzs, r.metric_names, r.metric_nums, r.metric_buckets, r.metric_txts";
    }

    /**
     * The day's components, each with whether it is the first of its report with its name, its
     * (name, X.Y) and its (name, X.Y.Z): the arrays are sorted, so a repeat follows its first.
     * Unnested in the select list (one pass over each report's arrays, no per-row function scan).
     */
    @Override
    public String dayComponents(long firstId, long lastId) {
        return """
                (SELECT channel, system_id, age, names[i] AS name, xys[i] AS xy, xyzs[i] AS xyz,
                        i = 1 OR names[i - 1] <> names[i] AS new_name,
                        i = 1 OR names[i - 1] <> names[i] OR xys[i - 1] <> xys[i] AS new_xy,
                        i = 1 OR names[i - 1] <> names[i] OR xyzs[i - 1] <> xyzs[i] AS new_xyz
                 FROM (SELECT d.channel, d.system_id, d.age, d.component_names AS names, d.component_xys AS xys,
                              d.component_xyzs AS xyzs, generate_subscripts(d.component_names, 1) AS i
                       FROM census_day_reports d) e) c""";
    }

    @Override
    public String dayMetrics(long firstId, long lastId) {
        return "(SELECT d.channel, d.age, unnest(d.metric_names) AS name, unnest(d.metric_nums) AS num,"
                + " unnest(d.metric_buckets) AS bucket, unnest(d.metric_txts) AS txt FROM census_day_reports d) m";
    }

    /** A recompute would otherwise rewrite every one of the day's systems rows (a new row version each) to the same values. */
    @Override
    public String foldChangesOnly() {
        return " WHERE excluded.first_seen < systems.first_seen OR excluded.last_seen > systems.last_seen";
    }

    @Override
    public String metricUsage() {
        return "SELECT name, max(day), count(*) FROM (SELECT day, unnest(metric_names) AS name FROM reports WHERE product = ?) m"
                + " GROUP BY name";
    }

    @Override
    public List<ReportRow> readRows(Connection connection, long afterId, long lastId) throws SQLException {
        List<ReportRow> reports = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT id, product, system_id, day, channel, received_at, "
                + ARRAY_COLUMNS + " FROM reports WHERE id > ? AND id <= ? ORDER BY id", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Object[] names = elements(rows.getArray(7));
                Object[] versions = elements(rows.getArray(8));
                Object[] xys = elements(rows.getArray(9));
                Object[] xyzs = elements(rows.getArray(10));
                List<ReportRow.ComponentColumns> components = new ArrayList<>(names.length);
                for (int i = 0; i < names.length; i++) {
                    components.add(new ReportRow.ComponentColumns((String) names[i], (String) versions[i], (String) xys[i], (String) xyzs[i]));
                }
                Object[] metricNames = elements(rows.getArray(11));
                Object[] nums = elements(rows.getArray(12));
                Object[] buckets = elements(rows.getArray(13));
                Object[] txts = elements(rows.getArray(14));
                List<ReportRow.MetricColumns> metrics = new ArrayList<>(metricNames.length);
                for (int i = 0; i < metricNames.length; i++) {
                    Number bucket = (Number) buckets[i];
                    metrics.add(new ReportRow.MetricColumns((String) metricNames[i], nums[i] == null ? null : ((Number) nums[i]).doubleValue(),
                            bucket == null ? null : bucket.shortValue(), (String) txts[i]));
                }
                reports.add(new ReportRow(rows.getLong(1), rows.getString(2), UUID.fromString(rows.getString(3)),
                        rows.getDate(4).toLocalDate(), rows.getString(5), rows.getTimestamp(6).toLocalDateTime(), components, metrics));
            }
        }
        return reports;
    }

    private static Object[] elements(Array array) throws SQLException {
        try {
            return (Object[]) array.getArray();
        } finally {
            array.free();
        }
    }

    @Override
    public String binaryOrder(String column) {
        return column + " COLLATE \"C\"";
    }

    /**
     * The fold may have just added a million systems that autovacuum has not seen: without fresh
     * statistics the planner takes the table for empty and joins it with nested loops. The day's
     * sorts and hashes (millions of rows at a million systems) get their own memory for this one
     * transaction, which runs on one replica at a time, instead of spilling to disk.
     */
    @Override
    public void afterFold(Connection connection) throws SQLException {
        Sql.update(connection, "ANALYZE systems");
        Sql.update(connection, "SET LOCAL work_mem = '" + SUMMARY_WORK_MEM + "'");
    }

    /** Temporary tables are never analyzed by autovacuum: without statistics the queries below plan blind. */
    @Override
    public void afterDayReports(Connection connection) throws SQLException {
        Sql.update(connection, "ANALYZE census_day_reports");
    }
}
