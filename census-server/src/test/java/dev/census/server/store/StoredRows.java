package dev.census.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads back every raw report a store holds, row for row, for tests that check nothing was lost, half-written or mixed up. */
public final class StoredRows {

    private StoredRows() {
    }

    /**
     * One stored report with its components and metrics, each as {@code name=value} (numbers as Java
     * prints a double, components with their version), sorted.
     */
    public record Row(long id, String product, UUID systemId, String channel, List<String> components, List<String> metrics) {
    }

    /** Every stored report, by id, read back through its engine's layout. */
    public static List<Row> read(ReportStore store) {
        List<Row> rows = new ArrayList<>();
        for (ReportRow row : ((EngineStore) store).readRows(0, Long.MAX_VALUE)) {
            rows.add(new Row(row.id(), row.product(), row.systemId(), row.channel(),
                    row.components().stream().map(c -> c.name() + "=" + c.version()).sorted().toList(),
                    row.metrics().stream().map(m -> m.name() + "=" + (m.num() != null ? Double.toString(m.num()) : m.txt()))
                            .sorted().toList()));
        }
        return rows;
    }

    /**
     * Report ids that rows hanging off a report — a relay's queued copies — carry but no report row has:
     * what a half-written batch or a half-done erasure would leave behind.
     */
    public static List<Long> orphans(ReportStore store) {
        return ((EngineStore) store).sql.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT report_id FROM relay_queue WHERE report_id NOT IN (SELECT id FROM reports) ORDER BY 1");
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
        return ((EngineStore) store).sql.inTransaction(connection -> {
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
            return lines.stream().sorted().toList();
        });
    }
}
