package dev.census.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads back every raw report a store holds, row for row, for tests that check nothing was lost, half-written or mixed up. */
public final class StoredRows {

    private StoredRows() {
    }

    /**
     * One row of {@code reports} with the component and metric rows that carry its id, each as
     * {@code name=value} (numbers as Java prints a double), sorted.
     */
    public record Row(long id, String product, UUID systemId, String channel, List<String> components, List<String> metrics) {
    }

    /** Every report row, by id; component and metric rows whose report id has no report row are {@link #orphans}. */
    public static List<Row> read(ReportStore store) {
        return ((JdbcReportStore) store).inTransaction(connection -> {
            Map<Long, List<String>> components = children(connection.prepareStatement(
                    "SELECT report_id, name, CAST(NULL AS DOUBLE PRECISION), version FROM report_components"));
            Map<Long, List<String>> metrics = children(connection.prepareStatement(
                    "SELECT report_id, name, num, txt FROM report_metrics"));
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, product, system_id, channel FROM reports ORDER BY id");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong(1);
                    rows.add(new Row(id, result.getString(2), UUID.fromString(result.getString(3)), result.getString(4),
                            sorted(components.getOrDefault(id, List.of())), sorted(metrics.getOrDefault(id, List.of()))));
                }
            }
            return rows;
        });
    }

    /** Ids that component or metric rows carry but no report row has: what a half-written batch leaves behind. */
    public static List<Long> orphans(ReportStore store) {
        return ((JdbcReportStore) store).inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT report_id FROM report_components WHERE report_id NOT IN (SELECT id FROM reports)
                    UNION SELECT report_id FROM report_metrics WHERE report_id NOT IN (SELECT id FROM reports)
                    ORDER BY 1""");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * The rows of any query, each as its columns joined by {@code " | "}, written alike on every engine
     * (numbers as Java prints them, booleans as true/false), sorted: for tables the layout does not change.
     */
    public static List<String> query(ReportStore store, String sql) {
        return ((JdbcReportStore) store).inTransaction(connection -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        Object value = result.getObject(column);
                        line.append(column > 1 ? " | " : "").append(value instanceof Double || value instanceof Float
                                ? Double.toString(((Number) value).doubleValue()) : String.valueOf(value));
                    }
                    lines.add(line.toString());
                }
            }
            return sorted(lines);
        });
    }

    private static Map<Long, List<String>> children(PreparedStatement statement) throws java.sql.SQLException {
        Map<Long, List<String>> children = new TreeMap<>();
        try (statement; ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                double num = result.getDouble(3);
                String value = result.wasNull() ? result.getString(4) : Double.toString(num);
                children.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(result.getString(2) + "=" + value);
            }
        }
        return children;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
