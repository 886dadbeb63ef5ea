package dev.census.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        Map<Long, List<ReportRow.ComponentColumns>> components = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT id, components[i].name, components[i].version,"
                + " components[i].xy, components[i].xyz FROM (SELECT id, components, generate_subscripts(components, 1) AS i"
                + " FROM reports WHERE id > ? AND id <= ?) listed ORDER BY id, i", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                components.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new ReportRow.ComponentColumns(
                        rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        Map<Long, List<ReportRow.MetricColumns>> metrics = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT id, metrics[i].name, metrics[i].num,"
                + " metrics[i].bucket, metrics[i].txt FROM (SELECT id, metrics, generate_subscripts(metrics, 1) AS i"
                + " FROM reports WHERE id > ? AND id <= ?) listed ORDER BY id, i", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                double num = rows.getDouble(3);
                Double boxed = rows.wasNull() ? null : num;
                short bucket = rows.getShort(4);
                Short bucketBoxed = rows.wasNull() ? null : bucket;
                metrics.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new ReportRow.MetricColumns(
                        rows.getString(2), boxed, bucketBoxed, rows.getString(5)));
            }
        }
        List<ReportRow> reports = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT id, product, system_id, day, channel, received_at"
                + " FROM reports WHERE id > ? AND id <= ? ORDER BY id", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                reports.add(new ReportRow(id, rows.getString(2), UUID.fromString(rows.getString(3)),
                        rows.getDate(4).toLocalDate(), rows.getString(5), rows.getTimestamp(6).toLocalDateTime(),
                        components.getOrDefault(id, List.of()), metrics.getOrDefault(id, List.of())));
            }
        }
        return reports;
    }

    @Override
    public String binaryOrder(String column) {
        return column;
    }
}
