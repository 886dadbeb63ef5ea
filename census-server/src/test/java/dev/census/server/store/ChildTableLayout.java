package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The first layout (V1, V2), on both engines: a report's components and metrics in the child tables
 * {@code report_components} and {@code report_metrics}, one row each, joined back by report id. Kept
 * for the migration tests, which read a database written in it before V3 runs.
 */
abstract class ChildTableLayout implements Layout {

    @Override
    public String dayComponents(long firstId, long lastId) {
        return "(SELECT d.channel, d.system_id, d.age, c.name, c.xy, c.xyz,"
                + " row_number() OVER (PARTITION BY c.report_id, c.name) = 1 AS new_name,"
                + " row_number() OVER (PARTITION BY c.report_id, c.name, c.xy) = 1 AS new_xy,"
                + " row_number() OVER (PARTITION BY c.report_id, c.name, c.xyz) = 1 AS new_xyz"
                + " FROM report_components c JOIN census_day_reports d ON c.report_id = d.id"
                + " WHERE c.report_id BETWEEN " + firstId + " AND " + lastId + ") c";
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
    public List<ReportRow> readRows(Connection connection, long afterId, long lastId) throws SQLException {
        return ReportRow.read(connection,
                "SELECT report_id, name, version, xy, xyz FROM report_components WHERE report_id > ? AND report_id <= ?",
                "SELECT report_id, name, num, bucket, txt FROM report_metrics WHERE report_id > ? AND report_id <= ?",
                afterId, lastId);
    }
}
