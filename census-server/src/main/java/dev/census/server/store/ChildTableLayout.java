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
 * The first layout, on both engines: a report's components and metrics in the child tables
 * {@code report_components} and {@code report_metrics}, one row each, joined back by report id.
 */
abstract class ChildTableLayout implements Layout {

    @Override
    public String dayReports() {
        return """
                CREATE TEMPORARY TABLE census_day_reports AS
                SELECT r.id, r.system_id, r.channel, CAST(? AS DATE) - s.first_seen AS age
                FROM reports r
                JOIN (SELECT max(id) AS id FROM reports WHERE product = ? AND day = ? GROUP BY system_id) latest ON r.id = latest.id
                JOIN systems s ON s.product = r.product AND s.system_id = r.system_id
                """;
    }

    @Override
    public String dayComponents(long firstId, long lastId) {
        return "(SELECT d.channel, d.system_id, d.age, c.name, c.xy, c.xyz FROM report_components c"
                + " JOIN census_day_reports d ON c.report_id = d.id WHERE c.report_id BETWEEN " + firstId + " AND " + lastId + ") c";
    }

    @Override
    public String dayMetrics(long firstId, long lastId) {
        return "(SELECT d.channel, d.age, m.name, m.num, m.bucket, m.txt FROM report_metrics m"
                + " JOIN census_day_reports d ON m.report_id = d.id WHERE m.report_id BETWEEN " + firstId + " AND " + lastId + ") m";
    }

    @Override
    public String metricUsage() {
        return "SELECT m.name, max(r.day), count(*) FROM report_metrics m JOIN reports r ON m.report_id = r.id"
                + " WHERE r.product = ? GROUP BY m.name";
    }

    @Override
    public List<String> childTables() {
        return List.of("report_components", "report_metrics");
    }

    @Override
    public List<ReportRow> readRows(Connection connection, long afterId, long lastId) throws SQLException {
        Map<Long, List<ReportRow.ComponentColumns>> components = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT report_id, name, version, xy, xyz"
                + " FROM report_components WHERE report_id > ? AND report_id <= ?", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                components.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new ReportRow.ComponentColumns(
                        rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        Map<Long, List<ReportRow.MetricColumns>> metrics = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT report_id, name, num, bucket, txt"
                + " FROM report_metrics WHERE report_id > ? AND report_id <= ?", afterId, lastId);
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
}
