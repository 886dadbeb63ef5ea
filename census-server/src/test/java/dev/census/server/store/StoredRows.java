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

    /** Ids that rows of the layout's child tables carry but no report row has: what a half-written batch leaves behind. */
    public static List<Long> orphans(ReportStore store) {
        EngineStore engine = (EngineStore) store;
        return engine.sql.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            for (String child : engine.layout.childTables()) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT report_id FROM " + child
                        + " WHERE report_id NOT IN (SELECT id FROM reports) ORDER BY 1");
                     ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
