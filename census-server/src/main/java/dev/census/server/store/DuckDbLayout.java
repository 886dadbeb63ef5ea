package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * DuckDB's layout since V3: one row per report, its components and metrics in list-of-struct columns of
 * that row; the day's summary materializes the day's latest reports with their lists once and unnests
 * them from there. Text sorts by code point already.
 */
final class DuckDbLayout implements Layout {

    @Override
    public String dayReports() {
        return """
                CREATE TEMPORARY TABLE census_day_reports AS
                SELECT r.id, r.system_id, r.channel, CAST(? AS DATE) - s.first_seen AS age, r.components, r.metrics
                FROM reports r
                JOIN (SELECT max(id) AS id FROM reports WHERE product = ? AND day = ? GROUP BY system_id) latest ON r.id = latest.id
                JOIN systems s ON s.product = r.product AND s.system_id = r.system_id
                """;
    }

    /** The day's reports hold their own components: the id range is not needed. */
    @Override
    public String dayComponents(long firstId, long lastId) {
        return "(SELECT channel, system_id, age, item.name AS name, item.xy AS xy, item.xyz AS xyz"
                + " FROM (SELECT channel, system_id, age, unnest(components) AS item FROM census_day_reports) unnested) c";
    }

    /** The day's reports hold their own metrics: the id range is not needed. */
    @Override
    public String dayMetrics(long firstId, long lastId) {
        return "(SELECT channel, age, item.name AS name, item.num AS num, item.bucket AS bucket, item.txt AS txt"
                + " FROM (SELECT channel, age, unnest(metrics) AS item FROM census_day_reports) unnested) m";
    }

    @Override
    public String metricUsage() {
        return "SELECT item.name, max(day), count(*) FROM (SELECT day, unnest(metrics) AS item FROM reports WHERE product = ?) unnested"
                + " GROUP BY item.name";
    }

    @Override
    public List<String> childTables() {
        return List.of();
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
