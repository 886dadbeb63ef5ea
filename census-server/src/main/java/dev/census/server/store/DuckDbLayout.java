package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * DuckDB's layout since V3: one row per report, its components and metrics in list-of-struct columns of
 * that row. The day's summary materializes the day's latest reports without their lists (ids, systems,
 * channels, ages), and unnests the lists of those reports as it reads them from {@code reports}: the
 * lists stream through the join's probe side instead of being copied. Text sorts by code point already.
 */
final class DuckDbLayout implements Layout {

    /**
     * The components of the day's latest reports, read in the day's id range (zone maps skip other
     * days), each flagged when it is the first of its report with its name, X.Y or X.Y.Z.
     */
    @Override
    public String dayComponents(long firstId, long lastId) {
        return """
                (SELECT channel, system_id, age, cs[i].name AS name, cs[i].xy AS xy, cs[i].xyz AS xyz,
                        i = 1 OR cs[i - 1].name <> cs[i].name AS new_name,
                        i = 1 OR cs[i - 1].name <> cs[i].name OR cs[i - 1].xy <> cs[i].xy AS new_xy,
                        i = 1 OR cs[i - 1].name <> cs[i].name OR cs[i - 1].xyz <> cs[i].xyz AS new_xyz
                 FROM (SELECT d.channel, d.system_id, d.age, r.components AS cs, generate_subscripts(r.components, 1) AS i
                       FROM reports r JOIN census_day_reports d ON r.id = d.id
                       WHERE r.id BETWEEN %d AND %d) e) c""".formatted(firstId, lastId);
    }

    /** The metrics of the day's latest reports, read in the day's id range. */
    @Override
    public String dayMetrics(long firstId, long lastId) {
        return "(SELECT d.channel, d.age, unnest(r.metrics, recursive := true) FROM reports r"
                + " JOIN census_day_reports d ON r.id = d.id WHERE r.id BETWEEN " + firstId + " AND " + lastId + ") m";
    }

    @Override
    public String metricUsage() {
        return "SELECT item.name, max(day), count(*) FROM (SELECT day, unnest(metrics) AS item FROM reports WHERE product = ?) unnested"
                + " GROUP BY item.name";
    }

    @Override
    public List<ReportRow> readRows(Connection connection, long afterId, long lastId) throws SQLException {
        return ReportRow.read(connection, listed("components", "name, version, xy, xyz"), listed("metrics", "name, num, bucket, txt"),
                afterId, lastId);
    }

    /** The elements of a list column of the reports with ids in a range, one row each, by report and position. */
    private static String listed(String column, String fields) {
        StringBuilder select = new StringBuilder("SELECT id");
        for (String field : fields.split(", ")) {
            select.append(", ").append(column).append("[i].").append(field);
        }
        return select + " FROM (SELECT id, " + column + ", generate_subscripts(" + column + ", 1) AS i"
                + " FROM reports WHERE id > ? AND id <= ?) listed ORDER BY id, i";
    }

    @Override
    public String binaryOrder(String column) {
        return column;
    }
}
