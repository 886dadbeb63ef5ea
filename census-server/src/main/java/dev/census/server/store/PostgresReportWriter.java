package dev.census.server.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's batch writer: ids from the {@code report_ids} sequence (sorted, so the latest report
 * still has the largest id) and batched inserts, in one transaction per batch on a pooled connection.
 */
final class PostgresReportWriter implements BatchWriter {

    private final Sql sql;
    /** How the last commit (or write probe) went: readiness answers from it. */
    private final WriteHealth health = new WriteHealth(System::nanoTime);

    PostgresReportWriter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        try {
            sql.inTransaction(connection -> {
                long[] ids = nextIds(connection, reports.size());
                List<ReportRow> rows = new ArrayList<>(reports.size());
                for (int i = 0; i < ids.length; i++) {
                    rows.add(ReportRow.of(ids[i], reports.get(i)));
                }
                insert(connection, rows);
                RelayRow.insert(connection, RelayRow.of(ids, reports), true);
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    private static long[] nextIds(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT nextval('report_ids') FROM generate_series(1, ?)", count);
             ResultSet rows = statement.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    /** Inserts rows with the ids they carry, on a connection whose transaction the caller commits. */
    static void insert(Connection connection, List<ReportRow> rows) throws SQLException {
        try (PreparedStatement report = connection.prepareStatement(
                     "INSERT INTO reports (id, product, system_id, day, channel, received_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement component = connection.prepareStatement(
                     "INSERT INTO report_components (report_id, name, version, xy, xyz) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement metric = connection.prepareStatement(
                     "INSERT INTO report_metrics (report_id, name, num, bucket, txt) VALUES (?, ?, ?, ?, ?)")) {
            for (ReportRow row : rows) {
                Sql.bind(report, row.id(), row.product(), row.systemId(), Date.valueOf(row.day()), row.channel(),
                        Timestamp.valueOf(row.receivedAt()));
                report.addBatch();
                for (ReportRow.ComponentColumns part : row.components()) {
                    Sql.bind(component, row.id(), part.name(), part.version(), part.xy(), part.xyz());
                    component.addBatch();
                }
                for (ReportRow.MetricColumns value : row.metrics()) {
                    metric.setLong(1, row.id());
                    metric.setString(2, value.name());
                    metric.setObject(3, value.num(), Types.DOUBLE);
                    metric.setObject(4, value.bucket(), Types.SMALLINT);
                    metric.setString(5, value.txt());
                    metric.addBatch();
                }
            }
            report.executeBatch();
            component.executeBatch();
            metric.executeBatch();
        }
    }

    /**
     * A database round trip while the last commit succeeded; after a failure — at most once a second,
     * else that failure stands — a transaction that is given an id, so it writes a commit record to the
     * WAL and waits for it to reach the disk: a write that changes no table.
     */
    @Override
    public void ping() {
        StoreUnavailableException failure = health.failure();
        if (failure != null && !health.mayRetry()) {
            throw failure;
        }
        try {
            sql.inTransaction(connection -> {
                if (failure == null) {
                    Sql.roundTrip(connection);
                } else {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT txid_current()");
                         ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    @Override
    public void close() {
        // the pool is the store's to close
    }
}
