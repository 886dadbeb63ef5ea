package dev.census.server.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A relay's queue row of one report (table {@code relay_queue}, migration V4): both engines' writers
 * insert the rows of a batch inside the batch's own transaction, so a report is queued exactly when it is stored.
 */
record RelayRow(long reportId, String product, LocalDate day, String format, byte[] body) {

    /** The queue rows of a batch whose reports have these ids, in order: one per report that is forwarded. */
    static List<RelayRow> of(long[] ids, List<StoredReport> reports) {
        List<RelayRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            StoredReport report = reports.get(i);
            if (report.forward() != null) {
                rows.add(new RelayRow(ids[i], report.product(), report.day(), report.forward().format(), report.forward().body()));
            }
        }
        return rows;
    }

    /** The same for ids that run from {@code firstId}. */
    static List<RelayRow> of(long firstId, List<StoredReport> reports) {
        long[] ids = new long[reports.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = firstId + i;
        }
        return of(ids, reports);
    }

    /**
     * Inserts the rows on a connection whose transaction the caller commits; {@code batched} as a JDBC
     * batch (PostgreSQL), else one statement each (DuckDB's driver wraps a batch in a transaction of its own).
     */
    static void insert(Connection connection, List<RelayRow> rows, boolean batched) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO relay_queue (report_id, product, day, format, body) VALUES (?, ?, ?, ?, ?)")) {
            for (RelayRow row : rows) {
                insert.setLong(1, row.reportId());
                insert.setString(2, row.product());
                insert.setDate(3, Date.valueOf(row.day()));
                insert.setString(4, row.format());
                insert.setBytes(5, row.body());
                if (batched) {
                    insert.addBatch();
                } else {
                    insert.executeUpdate();
                }
            }
            if (batched) {
                insert.executeBatch();
            }
        }
    }
}
